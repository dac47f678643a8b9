namespace Harmattan.Text;

/// <summary>
/// One sentence: its span (from the start of its first token to the end of its last, so never with
/// whitespace at the edges) and the range of tokens it holds. The sentences of a text are in order,
/// do not overlap, and together hold every token exactly once.
/// </summary>
/// <param name="Span">From the first token's start to the last token's end.</param>
/// <param name="FirstToken">Index of the first token in the token array the splitter was given.</param>
/// <param name="TokenCount">How many tokens; never zero.</param>
/// <param name="Kind">Whether this is running text, a heading or a list item.</param>
/// <param name="Dateline">
/// The news dateline at the start of the sentence, dash included ("BAMAKO, Mali (Reuters) -"), when there
/// is one. It stays inside the sentence, so that the sentence still reads as written; recognisers that
/// must not take the place for an actor can skip it.
/// </param>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, SentenceKind Kind, TextSpan? Dateline = null)
{
    /// <summary>One past the index of the last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>What role a sentence plays in the layout of the text.</summary>
public enum SentenceKind : byte
{
    /// <summary>Running text.</summary>
    Body,

    /// <summary>A line on its own with no final punctuation (a title, a section heading, "30 April 2014"), or a short
    /// title-case line ending with a colon ("The Actors:").</summary>
    Heading,

    /// <summary>A sentence on a line that starts with a bullet (<c>-</c>, <c>*</c>, <c>•</c>, <c>·</c>) or an enumerator
    /// (<c>1.</c>, <c>2)</c>, <c>a)</c>, <c>(b)</c>); the marker is the item's first token.</summary>
    ListItem,
}
