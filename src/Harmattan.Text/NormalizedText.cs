namespace Harmattan.Text;

/// <summary>
/// A text prepared for matching, with the way back to the text it came from. Recognisers run on
/// <see cref="Text"/> (straight quotes, ASCII hyphens, plain spaces, no invisible characters) and report
/// their results in <see cref="Original"/> through <see cref="MapToOriginal(TextSpan)"/>, so the spans a
/// user sees always index the exact text the extractor read.
/// </summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, string text, OffsetMap map)
    {
        Original = original;
        Text = text;
        Map = map;
    }

    /// <summary>The text as read; every reported span indexes this.</summary>
    public string Original { get; }

    /// <summary>The folded text. Same string instance as <see cref="Original"/> when nothing needed folding.</summary>
    public string Text { get; }

    public OffsetMap Map { get; }

    /// <summary>The span of <see cref="Original"/> whose characters produced <paramref name="normalized"/>.</summary>
    public TextSpan MapToOriginal(TextSpan normalized) => Map.MapToOriginal(normalized);

    /// <summary>The span of <see cref="Text"/> that the characters of <paramref name="original"/> became.</summary>
    public TextSpan MapToNormalized(TextSpan original) => Map.MapToNormalized(original);
}
