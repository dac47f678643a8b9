namespace Harmattan.Text;

/// <summary>
/// One token of a text: where it is and what shape it has. A token is a view into the text it was made
/// from and never holds a copy; read its characters with <see cref="TokenText"/>'s helpers. The tokenizer
/// guarantees that a token is never empty, never contains whitespace at its edges and never splits a
/// surrogate pair.
/// </summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind)
{
    public int Start => Span.Start;

    public int End => Span.End;

    public int Length => Span.Length;
}

/// <summary>The shape of a token, decided by the tokenizer from its characters alone.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, with digits, combining marks and inner hyphens or apostrophes: <c>al-Qaeda</c>, <c>G5</c>, <c>Jama’at</c>.</summary>
    Word,

    /// <summary>Digits with thousands separators and a decimal part: <c>1,500</c>, <c>1.5</c>, <c>2013</c>; a decade keeps its
    /// plural s (<c>1990s</c>).</summary>
    Number,

    /// <summary>A number with an English ordinal suffix: <c>22nd</c>, <c>1st</c>, <c>4th</c>.</summary>
    Ordinal,

    /// <summary>A word with its period(s): a listed abbreviation (<c>Dr.</c>, <c>Jan.</c>), a dotted initialism (<c>U.S.</c>,
    /// <c>e.g.</c>) or a capital initial (<c>B.</c> in "Mokhtar B. Belmokhtar").</summary>
    Abbreviation,

    /// <summary>The possessive or contracted <c>'s</c> split from its word, with either apostrophe (<c>Mali’s</c> gives
    /// <c>Mali</c> + <c>’s</c>).</summary>
    Possessive,

    /// <summary>One punctuation mark (quotes, brackets, dashes, <c>. , ; : ! ?</c>, bullets); a run of periods (<c>...</c>) or of
    /// hyphens (<c>--</c>) is one token.</summary>
    Punctuation,

    /// <summary>Anything else that is not whitespace, one character (or surrogate pair) at a time, with its combining marks:
    /// currency signs, <c>%</c>, <c>&amp;</c>, <c>/</c>, emoji, control and unassigned characters.</summary>
    Symbol,

    /// <summary>A web address starting with <c>http://</c>, <c>https://</c> or <c>www.</c>, without trailing punctuation.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,
}
