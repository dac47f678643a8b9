using Harmattan.Extraction.Tests.Specs;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Dates;

/// <summary>
/// <c>Specs/Dates.md</c>: each example's dates as <c>surface =&gt; ISO</c>, with <c>(inferred)</c> when the
/// year came from the document rather than the expression.
/// </summary>
public sealed class DateSpecTests(ITestOutputHelper output)
{
    public static TheoryData<int> Examples() => SpecFile.Lines("Dates.md", "dates");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_dates(int line)
    {
        var example = SpecFile.Example("Dates.md", line);
        var doc = SpecFile.Analyze(example);
        SpecFile.AssertSame(example, example.Blocks["dates"],
            doc.Dates.Select(d => $"{d.Span.Of(doc.Text)} => {d.Date.ToIso()}{(d.YearInferred ? " (inferred)" : "")}"), output);
    }
}
