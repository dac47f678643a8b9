using Harmattan.Text;

namespace Harmattan.Text.Tests;

public sealed class AbbreviationLexiconTests
{
    [Fact]
    public void The_bundled_file_loads()
    {
        Assert.True(File.Exists(AbbreviationLexicon.DefaultPath), AbbreviationLexicon.DefaultPath);
        var lexicon = AbbreviationLexicon.Load(AbbreviationLexicon.DefaultPath);
        Assert.True(lexicon.Count > 50);
        Assert.True(lexicon.CanEndSentence("U.S."));
        Assert.False(lexicon.CanEndSentence("Dr."));
        Assert.Null(lexicon.CanEndSentence("Gao."));
        Assert.True(lexicon.Contains("Sept."));
        Assert.False(lexicon.Contains("sept."));
    }

    [Theory]
    [InlineData("Dr.\tno\nGen.\tperhaps\n", 2, "ends_sentence must be 'yes' or 'no'")]
    [InlineData("# comment\n\nDr.\tno\tx\n", 3, "expected 2 tab-separated columns")]
    [InlineData("Dr\tno\n", 1, "is not an abbreviation")]
    [InlineData("Dr.\tno\nU S.\tyes\n", 2, "is not an abbreviation")]
    [InlineData("Dr.\tno\n# again\nDr.\tyes\n", 3, "'Dr.' is listed twice")]
    [InlineData("Dr. no\n", 1, "expected 2 tab-separated columns")]
    public void A_bad_row_names_file_and_line(string content, int line, string problem)
    {
        var error = Assert.Throws<DataFileException>(() => AbbreviationLexicon.Parse(new StringReader(content), "abbreviations.tsv"));
        Assert.Equal("abbreviations.tsv", error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"abbreviations.tsv:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_names_the_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"harmattan-abbreviations-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# test\nCol.\tno\nLt\tno\n");
        try
        {
            var error = Assert.Throws<DataFileException>(() => AbbreviationLexicon.Load(path));
            Assert.StartsWith($"{path}:3: ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
