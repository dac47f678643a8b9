using Harmattan.Extraction.Claims;
using Harmattan.Knowledge;
using Xunit;

namespace Harmattan.Extraction.Tests.Claims;

/// <summary>The lexicon loader accepts the shipped file and names the file and line of a bad row.</summary>
public sealed class CueVerbLexiconTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cues-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Shipped_lexicon_loads()
    {
        var lexicon = CueVerbLexicon.Load(DataDirectory.Locate(null));
        Assert.True(lexicon.Count > 100);
    }

    [Theory]
    [InlineData("said\tsay\tthat,sometimes", "unknown frame 'sometimes'")]
    [InlineData("said\tsay\tthat\nsaid\tsay\tafter", "'said' is listed twice")]
    [InlineData("said\tsay", "expected 3 tab-separated fields")]
    [InlineData("said\tsay\t", "has no frame")]
    public void Bad_row_fails_with_file_and_line(string rows, string problem)
    {
        File.WriteAllText(_path, "# cue\tlemma\tframes\n" + rows + "\n");
        var e = Assert.Throws<HarmattanException>(() => CueVerbLexicon.Load(_path));
        Assert.Contains(_path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
