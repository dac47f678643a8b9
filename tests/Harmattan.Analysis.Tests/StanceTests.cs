using Harmattan.Analysis.Disputes;
using Harmattan.Knowledge;

namespace Harmattan.Analysis.Tests;

/// <summary>The stance of sentences we wrote, read with the real lexicon in data/lexicons/en/.</summary>
public sealed class StanceTests
{
    private static readonly StanceLexicon Lexicon = StanceLexicon.Load(DataDirectory.Locate(null));

    [Theory]
    [InlineData("said", "the group was weakened by the strikes", "strength-")]
    [InlineData("said", "the group is not weak", "strength+")]
    [InlineData("said", "the group is no longer a threat to Gao", "threat-")]
    [InlineData("warned", "the jihadists were a growing threat", "threat+ trend+")]
    [InlineData("denied", "that the movement was weakened", "strength+")]
    [InlineData("said", "the movement isn't declining", "trend+")]
    [InlineData("said", "the government condemned the attack", "support-")]
    [InlineData("said", "the attack happened at dawn", "")]
    [InlineData("said", "it was strong in the north but weak in the south", "")]
    public void Stance_words_with_negation_and_denying_cues(string cue, string text, string expected)
    {
        var stances = StanceReader.Read(Lexicon, cue, text);

        var actual = string.Join(' ', stances.Select(s => s.Axis + (s.Sign > 0 ? "+" : "-")).Order(StringComparer.Ordinal));
        Assert.Equal(string.Join(' ', expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)), actual);
    }

    [Fact]
    public void A_bad_row_names_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "stance-" + Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, "# stance words\n# word\taxis\tsign\nweak\tstrength\t-\nstrong\tstrength\tplus\n");
        try
        {
            var e = Assert.Throws<HarmattanException>(() => StanceLexicon.Load(path));

            Assert.Equal(HarmattanError.BadDataFile, e.Error);
            Assert.Contains(path + ":4", e.Message, StringComparison.Ordinal);
            Assert.Contains("'plus'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_lexicon_is_HRM0301_naming_the_file()
    {
        var data = Path.Combine(Path.GetTempPath(), "harmattan-stance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "lexicons", "en"));
        try
        {
            var e = Assert.Throws<HarmattanException>(() => StanceLexicon.Load(DataDirectory.Locate(data)));

            Assert.Equal(HarmattanError.BadDataFile, e.Error);
            Assert.Contains(StanceLexicon.FileName, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void The_bundled_lexicon_has_every_axis_and_negators()
    {
        foreach (var word in new[] { "weak", "strong", "growing", "declining", "threat", "condemned", "welcomed", "not", "denied" })
        {
            Assert.True(Lexicon.TryGet(word, out _), word);
        }

        Assert.True(Lexicon.IsNegator("never"));
        Assert.False(Lexicon.IsNegator("weak"));
    }
}
