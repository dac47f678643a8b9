using System.Globalization;
using Harmattan.Extraction.Tests.Specs;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Quantities;

/// <summary>
/// <c>Specs/Quantities.md</c>: each example's quantities as <c>surface =&gt; value unit</c>, with a leading
/// <c>~</c> on the value when the text hedges it ("some", "about", "dozens of").
/// </summary>
public sealed class QuantitySpecTests(ITestOutputHelper output)
{
    public static TheoryData<int> Examples() => SpecFile.Lines("Quantities.md", "quantities");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_quantities(int line)
    {
        var example = SpecFile.Example("Quantities.md", line);
        var doc = SpecFile.Analyze(example);
        SpecFile.AssertSame(example, example.Blocks["quantities"], doc.Quantities.Select(q =>
            $"{q.Span.Of(doc.Text)} => {(q.Approximate ? "~" : "")}{q.Value.ToString("0.##", CultureInfo.InvariantCulture)} {q.Unit ?? "-"}"), output);
    }
}
