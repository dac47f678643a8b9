using System.Globalization;

namespace Harmattan.Text;

/// <summary>What the tokenizer needs to know about one character (or surrogate pair).</summary>
internal enum CharKind : byte
{
    Space,
    Letter,
    Digit,

    /// <summary>Combining marks and invisible format characters: they stick to the character before.</summary>
    Mark,
    Hyphen,
    Apostrophe,
    Period,
    Comma,
    At,
    Punct,
    Symbol,
}

/// <summary>Classifies characters for the tokenizer: a table for ASCII, Unicode categories for the rest.</summary>
internal static class CharClass
{
    private static readonly CharKind[] Ascii = BuildAscii();

    /// <summary>The kind of the character at <paramref name="i"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    public static CharKind Classify(ReadOnlySpan<char> text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (c < 0x80)
        {
            return Ascii[c];
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return FromCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1])));
        }

        return ClassifyBmp(c);
    }

    /// <summary>The kind of one UTF-16 code unit; a lone surrogate is a Symbol.</summary>
    public static CharKind ClassifyBmp(char c)
    {
        if (c < 0x80)
        {
            return Ascii[c];
        }

        switch (c)
        {
            case '\u2019' or '\u02BC':
                return CharKind.Apostrophe;
            case '\u2010' or '\u2011':
                return CharKind.Hyphen;
        }

        if (char.IsWhiteSpace(c))
        {
            return CharKind.Space;
        }

        return FromCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    public static bool IsWordPart(CharKind k) => k is CharKind.Letter or CharKind.Digit or CharKind.Mark;

    private static CharKind FromCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.ConnectorPunctuation => CharKind.Letter,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format => CharKind.Mark,
        UnicodeCategory.DecimalDigitNumber => CharKind.Digit,
        UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation => CharKind.Punct,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.Space,
        _ => CharKind.Symbol,
    };

    private static CharKind[] BuildAscii()
    {
        var table = new CharKind[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = c switch
            {
                _ when char.IsWhiteSpace((char)c) => CharKind.Space,
                < 0x20 or 0x7F => CharKind.Symbol,
                (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' => CharKind.Letter,
                >= '0' and <= '9' => CharKind.Digit,
                '-' => CharKind.Hyphen,
                '\'' => CharKind.Apostrophe,
                '.' => CharKind.Period,
                ',' => CharKind.Comma,
                '@' => CharKind.At,
                '!' or '"' or '(' or ')' or ':' or ';' or '?' or '[' or ']' or '{' or '}' => CharKind.Punct,
                _ => CharKind.Symbol,
            };
        }

        return table;
    }
}
