using Harmattan.Extraction.Tests.Dates;

namespace Harmattan.Extraction.Tests.Relations;

/// <summary>
/// <c>Specs/Relations.md</c> and <c>Specs/Attributes.md</c>: each example's relations as
/// <c>type Source -> Target</c> (symmetric types in either direction) and attributes as
/// <c>Entity: name = value</c>, against the real default pipeline.
/// </summary>
public sealed class RelationSpecTests
{
    private static readonly HashSet<string> Symmetric = new(StringComparer.Ordinal) { "cooperates_with", "opposes" };

    public static TheoryData<int> RelationExamples() => LayerSpec.Lines("Relations.md", "relations");

    public static TheoryData<int> AttributeExamples() => LayerSpec.Lines("Attributes.md", "attributes");

    [Theory]
    [MemberData(nameof(RelationExamples))]
    public void Spec_example_gives_the_expected_relations(int line)
    {
        var example = LayerSpec.Read("Relations.md", "relations").Single(e => e.Line == line);
        var doc = LayerSpec.Pipeline.Value.Analyze("spec", example.Text, example.Published);
        var actual = doc.Relations.Select(r => $"{r.Type} {r.Source.Name} -> {r.Target.Name}").ToList();
        var expected = example.Expected.Select(e =>
        {
            var parts = e.Split(' ', 2);
            var ends = parts[1].Split(" -> ");
            var reverse = $"{parts[0]} {ends[1]} -> {ends[0]}";
            return Symmetric.Contains(parts[0]) && actual.Contains(reverse) ? reverse : e;
        });
        LayerSpec.AssertSame(example, expected, actual);
        Assert.All(doc.Relations, r => Assert.True(r.Evidence.Contains(r.Source.Mentions[0].Span) || r.Source.Mentions.Exists(m => r.Evidence.Contains(m.Span)),
            $"{example}: the evidence of {r.Type} does not hold a mention of {r.Source.Name}"));
    }

    [Theory]
    [MemberData(nameof(AttributeExamples))]
    public void Spec_example_gives_the_expected_attributes(int line)
    {
        var example = LayerSpec.Read("Attributes.md", "attributes").Single(e => e.Line == line);
        var doc = LayerSpec.Pipeline.Value.Analyze("spec", example.Text, example.Published);
        LayerSpec.AssertSame(example, example.Expected, doc.Attributes.Select(a => $"{a.Entity.Name}: {a.Name} = {a.Value}"));
    }
}
