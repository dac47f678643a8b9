using Harmattan.Extraction.Tests.Specs;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Relations;

/// <summary>
/// <c>Specs/Relations.md</c> and <c>Specs/Attributes.md</c>: each example's relations as
/// <c>type Source -> Target</c> (symmetric types in either direction) and attributes as
/// <c>Entity: name = value</c>, against the real default pipeline.
/// </summary>
public sealed class RelationSpecTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Symmetric = new(StringComparer.Ordinal) { "cooperates_with", "opposes" };

    public static TheoryData<int> RelationExamples() => SpecFile.Lines("Relations.md", "relations");

    public static TheoryData<int> AttributeExamples() => SpecFile.Lines("Attributes.md", "attributes");

    [Theory]
    [MemberData(nameof(RelationExamples))]
    public void Spec_example_gives_the_expected_relations(int line)
    {
        var example = SpecFile.Example("Relations.md", line);
        var doc = SpecFile.Analyze(example);
        var actual = doc.Relations.Select(r => $"{r.Type} {r.Source.Name} -> {r.Target.Name}").ToList();
        var expected = example.Blocks["relations"].Select(e =>
        {
            var parts = e.Split(' ', 2);
            var ends = parts[1].Split(" -> ");
            var reverse = $"{parts[0]} {ends[1]} -> {ends[0]}";
            return Symmetric.Contains(parts[0]) && actual.Contains(reverse) ? reverse : e;
        });
        var problems = SpecFile.Differences(expected, actual);
        problems.AddRange(doc.Relations
            .Where(r => !r.Source.Mentions.Exists(m => r.Evidence.Contains(m.Span)))
            .Select(r => $"the evidence of {r.Type} does not hold a mention of {r.Source.Name}"));
        SpecFile.Verdict(example, problems, output);
    }

    [Theory]
    [MemberData(nameof(AttributeExamples))]
    public void Spec_example_gives_the_expected_attributes(int line)
    {
        var example = SpecFile.Example("Attributes.md", line);
        var doc = SpecFile.Analyze(example);
        SpecFile.AssertSame(example, example.Blocks["attributes"], doc.Attributes.Select(a => $"{a.Entity.Name}: {a.Name} = {a.Value}"), output);
    }
}
