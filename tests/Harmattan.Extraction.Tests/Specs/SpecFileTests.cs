using Harmattan.Knowledge;

namespace Harmattan.Extraction.Tests.Specs;

/// <summary>The spec reader itself: what it reads from a spec and the mistakes it refuses.</summary>
public sealed class SpecFileTests
{
    private static IReadOnlyList<SpecExample> Parse(string markdown) =>
        SpecFile.Parse("x.md", markdown.Split('\n'));

    [Fact]
    public void Reads_sections_options_and_blocks_by_kind()
    {
        var examples = Parse("""
            # Layer

            Commentary.

                indented commentary

            ## Dated
            ```text published=2012-04-06 issue=3 known-gap
            Rebels took Gao.
            # Not a heading: part of the passage
            ```
            ```dates
              6 April => 2012-04-06

            ```
            ```events
            ```

            ```text
            Second passage.
            ```

            ## Next section
            ```claims
            ```
            """);

        Assert.Equal(2, examples.Count);
        var first = examples[0];
        Assert.Equal(8, first.Line);
        Assert.Equal("Dated", first.Section);
        Assert.Equal("Rebels took Gao.\n# Not a heading: part of the passage", first.Text);
        Assert.Equal(PartialDate.Parse("2012-04-06"), first.Published);
        Assert.True(first.KnownGap);
        Assert.Equal(3, first.Issue);
        Assert.Equal("x.md:8 (Dated, issue 3)", first.ToString());
        Assert.Equal(["6 April => 2012-04-06"], first.Blocks["dates"]);
        Assert.Empty(first.Blocks["events"]);
        Assert.False(first.Blocks.ContainsKey("claims"));

        var second = examples[1];
        Assert.Equal("Dated", second.Section);
        Assert.Null(second.Published);
        Assert.False(second.KnownGap);
        Assert.Null(second.Issue);
        Assert.Equal(["claims"], second.Blocks.Keys);
    }

    [Theory]
    [InlineData("```text\nA.\n```\n```dates\nx\n", "x.md:4: the ```dates block is never closed")]
    [InlineData("```claims\n```\n", "x.md:1: a ```claims block must follow a ```text block")]
    [InlineData("```text draft\nA.\n```\n```dates\n```\n", "x.md:1: unknown option 'draft'")]
    [InlineData("```text issue=three\nA.\n```\n```dates\n```\n", "x.md:1: unknown option 'issue=three'")]
    [InlineData("```text\nA.\n```\n```dates known-gap\n```\n", "x.md:4: options go on the ```text block")]
    [InlineData("```text\nA.\n```\n```dates\n```\n```dates\n```\n", "x.md:6: a second ```dates block for the example at line 1")]
    [InlineData("```text\nA.\n```\n\n```text\nB.\n```\n```dates\n```\n", "x.md:1: the ```text block has no expectation block after it")]
    [InlineData("```\nA.\n```\n", "x.md:1: a fenced block needs a kind")]
    public void A_malformed_spec_fails_with_its_file_and_line(string markdown, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(markdown));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_compared_as_multisets()
    {
        Assert.Empty(SpecFile.Differences(["a", "b", "a"], ["a", "a", "b"]));
        Assert.Equal(["missed:   a", "spurious: c"], SpecFile.Differences(["a", "a"], ["a", "c"]));
    }

    [Fact]
    public void A_known_gap_passes_while_it_fails_and_fails_once_it_passes()
    {
        var gap = Parse("```text known-gap\nA.\n```\n```dates\n```\n")[0];
        SpecFile.Verdict(gap, ["missed:   x"]);
        var e = Assert.ThrowsAny<Exception>(() => SpecFile.Verdict(gap, []));
        Assert.Contains("now passes; remove its 'known-gap' option", e.Message, StringComparison.Ordinal);

        var plain = Parse("```text\nA.\n```\n```dates\n```\n")[0];
        SpecFile.Verdict(plain, []);
        Assert.ThrowsAny<Exception>(() => SpecFile.Verdict(plain, ["missed:   x"]));
    }

    [Fact]
    public void Every_spec_file_reads_and_every_layer_has_one()
    {
        var files = SpecFile.All();
        Assert.Superset(new HashSet<string>(["Claims.md", "Dates.md", "Events.md", "Mentions.md", "Quantities.md"]), files.ToHashSet());
        foreach (var file in files)
        {
            Assert.NotEmpty(SpecFile.Read(file));
        }
    }
}
