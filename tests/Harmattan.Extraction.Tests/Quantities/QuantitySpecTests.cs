using System.Globalization;
using Harmattan.Extraction.Tests.Dates;

namespace Harmattan.Extraction.Tests.Quantities;

/// <summary>
/// <c>Specs/Quantities.md</c>: each example's quantities as <c>surface =&gt; value unit</c>, with a leading
/// <c>~</c> on the value when the text hedges it ("some", "about", "dozens of").
/// </summary>
public sealed class QuantitySpecTests
{
    public static TheoryData<int> Examples() => LayerSpec.Lines("Quantities.md", "quantities");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_quantities(int line)
    {
        var example = LayerSpec.Read("Quantities.md", "quantities").Single(e => e.Line == line);
        var doc = LayerSpec.Pipeline.Value.Analyze("spec", example.Text, example.Published);
        LayerSpec.AssertSame(example, example.Expected, doc.Quantities.Select(q =>
            $"{q.Span.Of(doc.Text)} => {(q.Approximate ? "~" : "")}{q.Value.ToString("0.##", CultureInfo.InvariantCulture)} {q.Unit ?? "-"}"));
    }
}
