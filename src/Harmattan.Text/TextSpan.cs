namespace Harmattan.Text;

/// <summary>
/// A range of UTF-16 code units in the one text a document owns, with an exclusive end
/// (<c>text[Start..End]</c>), as spaCy's <c>end_char</c>. Every mention, claim and piece of evidence
/// points into the text with one of these instead of carrying a copy.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"invalid span [{start},{end})");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Contains(int position) => Start <= position && position < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public string Of(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> SliceOf(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
