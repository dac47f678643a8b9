namespace Harmattan.Extraction.Tests.Dates;

/// <summary>
/// <c>Specs/Dates.md</c>: each example's dates as <c>surface =&gt; ISO</c>, with <c>(inferred)</c> when the
/// year came from the document rather than the expression.
/// </summary>
public sealed class DateSpecTests
{
    public static TheoryData<int> Examples() => LayerSpec.Lines("Dates.md", "dates");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example_gives_the_expected_dates(int line)
    {
        var example = LayerSpec.Read("Dates.md", "dates").Single(e => e.Line == line);
        var doc = LayerSpec.Pipeline.Value.Analyze("spec", example.Text, example.Published);
        LayerSpec.AssertSame(example, example.Expected,
            doc.Dates.Select(d => $"{d.Span.Of(doc.Text)} => {d.Date.ToIso()}{(d.YearInferred ? " (inferred)" : "")}"));
    }
}
