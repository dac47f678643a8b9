using Harmattan.Text;

namespace Harmattan.Text.Tests;

public sealed class NormalizerTests
{
    [Theory]
    [InlineData("Mali’s “crisis”", "Mali's \"crisis\"")]
    [InlineData("‘The Uncatchable’", "'The Uncatchable'")]
    [InlineData("the Sahel – he and others — argue", "the Sahel - he and others - argue")]
    [InlineData("al‐Qaeda", "al-Qaeda")]
    [InlineData("12\u00A0March\u202F2013", "12 March 2013")]
    [InlineData("Bel\u00ADmokh\u200Btar", "Belmokhtar")]
    [InlineData("\uFEFFGao", "Gao")]
    [InlineData("hope… and", "hope... and")]
    [InlineData("\uFB01ghters", "fighters")]
    [InlineData("«Azawad»", "\"Azawad\"")]
    [InlineData("Tombouctou 😀 𠀀", "Tombouctou 😀 𠀀")]
    [InlineData("MNLA", "MNLA")]
    [InlineData("", "")]
    public void Folds_typography(string original, string expected)
    {
        var normalized = Normalizer.Normalize(original);
        Assert.Equal(expected, normalized.Text);
        Assert.Same(original, normalized.Original);
    }

    [Fact]
    public void Returns_the_same_string_when_nothing_changes()
    {
        var text = "Ansar Dine seized Timbuktu in April 2012.";
        var normalized = Normalizer.Normalize(text);
        Assert.Same(text, normalized.Text);
        Assert.True(normalized.Map.IsIdentity);
    }

    [Fact]
    public void One_for_one_replacements_keep_offsets()
    {
        var normalized = Normalizer.Normalize("Mali’s “crisis” – 2012");
        Assert.True(normalized.Map.IsIdentity);
        Assert.Equal(normalized.Original.Length, normalized.Text.Length);
    }

    [Theory]
    // normalized span text, expected original span text
    [InlineData("Bel\u00ADmokh\u200Btar said", "Belmokhtar", "Bel\u00ADmokh\u200Btar")]
    [InlineData("x \u200BGao\u200B y", "Gao", "Gao")]
    [InlineData("hope… and", "...", "…")]
    [InlineData("hope… and", ". and", "… and")]
    [InlineData("the \uFB01ghters left", "fighters", "\uFB01ghters")]
    [InlineData("\u200B\u200B“Kidal”…\u200D", "\"Kidal\"...", "“Kidal”…")]
    public void Maps_spans_back_to_the_same_characters(string original, string normalizedSurface, string originalSurface)
    {
        var normalized = Normalizer.Normalize(original);
        var start = normalized.Text.IndexOf(normalizedSurface, StringComparison.Ordinal);
        Assert.True(start >= 0);
        var span = new TextSpan(start, start + normalizedSurface.Length);
        Assert.Equal(originalSurface, normalized.MapToOriginal(span).Of(original));
    }

    [Fact]
    public void Maps_original_offsets_forward()
    {
        var normalized = Normalizer.Normalize("a\u200Bb…c");
        Assert.Equal("ab...c", normalized.Text);
        Assert.Equal([0, 1, 1, 2, 5, 6], Enumerable.Range(0, 6).Select(normalized.Map.MapToNormalized));
        Assert.Equal(new TextSpan(2, 5), normalized.MapToNormalized(new TextSpan(3, 4)));
        Assert.Equal(new TextSpan(1, 1), normalized.MapToNormalized(new TextSpan(1, 2)));
        Assert.Equal(new TextSpan(0, 6), normalized.MapToNormalized(new TextSpan(0, 5)));
    }

    [Fact]
    public void Rejects_spans_outside_the_text()
    {
        var normalized = Normalizer.Normalize("Gao…");
        Assert.Throws<ArgumentOutOfRangeException>(() => normalized.MapToOriginal(new TextSpan(0, 7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => normalized.Map.MapToNormalized(5));
    }
}
