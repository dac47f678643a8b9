using Harmattan.Extraction.Output;
using Harmattan.Extraction.Tests.Specs;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Tests.Invariants;

/// <summary>
/// <see cref="ExtractionInvariants"/> over every example of every spec file and every sample report,
/// and the same input extracted twice giving byte-identical JSON.
/// </summary>
public sealed class InvariantTests
{
    public static TheoryData<string, int> SpecExamples() => SpecFile.AllExamples();

    public static TheoryData<string> Reports() => SampleReports.Rows();

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void Every_spec_example_keeps_the_invariants_and_extracts_deterministically(string file, int line)
    {
        var example = SpecFile.Example(file, line);
        AssertKept(example.ToString(), "spec", example.Text, example.Published);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_sample_report_keeps_the_invariants_and_extracts_deterministically(string name)
    {
        var source = SampleReports.Read(name);
        AssertKept(name, source.ContentHash, source.Text, source.Published);
    }

    [Fact]
    public void The_sample_reports_cover_every_format_the_reader_knows()
    {
        var extensions = SampleReports.Names().Select(n => Path.GetExtension(n)).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>([".txt", ".md", ".html", ".pdf"], StringComparer.Ordinal), extensions);
    }

    [Fact]
    public void The_invariants_catch_a_broken_extraction()
    {
        var text = "Ansar Dine entered Timbuktu, a resident said.";
        var good = SpecFile.Pipeline.Extract("doc", text, null);
        Assert.Empty(ExtractionInvariants.Check(text, good));
        Assert.NotEmpty(good.Entities);

        var entity = good.Entities[0];
        var mention = good.Mentions.First(m => m.EntityId == entity.Id);
        var broken = good with
        {
            Entities = [.. good.Entities, entity],
            Mentions = [.. good.Mentions, mention with { Surface = "Ansar", EntityId = "ent-missing" }],
            Claims = [new Claim("clm-x", "ent-nobody", "said", "elsewhere", new Text.TextSpan(0, 5), [], new Evidence("doc", new Text.TextSpan(0, 500), "test", 1))],
        };
        var problems = string.Join("\n", ExtractionInvariants.Check(text, broken));
        Assert.Contains($"entity id {entity.Id} is used 2 times", problems, StringComparison.Ordinal);
        Assert.Contains("mention 'Ansar': the text at", problems, StringComparison.Ordinal);
        Assert.Contains("entity ent-missing is not listed", problems, StringComparison.Ordinal);
        Assert.Contains("overlap", problems, StringComparison.Ordinal);
        Assert.Contains("speaker ent-nobody is not a listed entity", problems, StringComparison.Ordinal);
        Assert.Contains("the text at its content span is 'Ansar'", problems, StringComparison.Ordinal);
        Assert.Contains("lies outside the text", problems, StringComparison.Ordinal);
    }

    private static void AssertKept(string where, string documentId, string text, PartialDate? published)
    {
        var first = SpecFile.Pipeline.Extract(documentId, text, published);
        var problems = ExtractionInvariants.Check(text, first);
        Assert.True(problems.Count == 0, $"{where}\n" + string.Join("\n", problems));

        var second = SpecFile.Pipeline.Extract(documentId, text, published);
        var a = GuidelinesJson.ToUtf8Bytes(documentId, null, published, first);
        var b = GuidelinesJson.ToUtf8Bytes(documentId, null, published, second);
        Assert.True(a.AsSpan().SequenceEqual(b), $"{where}: a second extraction gives different JSON\n" + JsonDiff.First(a, b));
    }
}
