using System.Text;

namespace Harmattan.Text;

/// <summary>
/// Cheap questions about a token's characters, answered on the text without allocating. Every method takes
/// the text the token was made from; passing another text gives meaningless answers or throws.
/// Letter case follows Unicode (invariant), so a Turkish or any other locale gives the same answers.
/// </summary>
public static class TokenText
{
    /// <summary>The token's characters, without a copy.</summary>
    public static ReadOnlySpan<char> TextOf(this Token token, string text) => token.Span.SliceOf(text);

    /// <summary>True when the token's text is exactly <paramref name="value"/> (ordinal).</summary>
    public static bool Is(this Token token, string text, string value) =>
        token.Span.SliceOf(text).SequenceEqual(value);

    /// <summary>True when the token's text equals <paramref name="value"/> ignoring case (ordinal, invariant).</summary>
    public static bool IsIgnoreCase(this Token token, string text, string value) =>
        token.Span.SliceOf(text).Equals(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first character is an upper-case or title-case letter (<c>Mali</c>, <c>MNLA</c>, <c>Ag</c>).</summary>
    public static bool IsCapitalized(this Token token, string text)
    {
        var r = FirstRune(token, text);
        return Rune.IsUpper(r) || Rune.GetUnicodeCategory(r) == System.Globalization.UnicodeCategory.TitlecaseLetter;
    }

    /// <summary>The first character is a lower-case letter (<c>al-Qaeda</c>, <c>said</c>).</summary>
    public static bool StartsLower(this Token token, string text) => Rune.IsLower(FirstRune(token, text));

    /// <summary>The token has at least one letter and no lower-case letter (<c>MNLA</c>, <c>U.S.</c>, <c>G5</c>).</summary>
    public static bool IsAllCaps(this Token token, string text)
    {
        var hasLetter = false;
        foreach (var r in token.Span.SliceOf(text).EnumerateRunes())
        {
            if (Rune.IsLower(r))
            {
                return false;
            }

            hasLetter |= Rune.IsLetter(r);
        }

        return hasLetter;
    }

    /// <summary>The token has at least one letter and no upper-case or title-case letter.</summary>
    public static bool IsAllLower(this Token token, string text)
    {
        var hasLetter = false;
        foreach (var r in token.Span.SliceOf(text).EnumerateRunes())
        {
            if (Rune.IsUpper(r) || Rune.GetUnicodeCategory(r) == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                return false;
            }

            hasLetter |= Rune.IsLetter(r);
        }

        return hasLetter;
    }

    /// <summary>A Word, Abbreviation or Possessive token: something that reads as a word.</summary>
    public static bool IsWordLike(this Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Possessive;

    /// <summary>A single capital initial with its period (<c>B.</c>).</summary>
    public static bool IsInitial(this Token token, string text) =>
        token.Kind == TokenKind.Abbreviation && token.Length == 2 && char.IsUpper(text[token.Start]);

    /// <summary>A Punctuation token that is, or begins with, <paramref name="c"/>.</summary>
    public static bool IsPunctuation(this Token token, string text, char c) =>
        token.Kind == TokenKind.Punctuation && text[token.Start] == c;

    private static Rune FirstRune(Token token, string text) =>
        Rune.DecodeFromUtf16(token.Span.SliceOf(text), out var rune, out _) == System.Buffers.OperationStatus.Done
            ? rune
            : Rune.ReplacementChar;
}
