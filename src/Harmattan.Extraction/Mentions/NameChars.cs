using Harmattan.Text;

namespace Harmattan.Extraction.Mentions;

/// <summary>Cheap questions about a token's characters, asked often by the recognisers.</summary>
internal static class NameChars
{
    public static ReadOnlySpan<char> Chars(string text, Token token) => text.AsSpan(token.Span.Start, token.Span.Length);

    public static bool StartsUpper(string text, Token token) =>
        token.Span.Length > 0 && char.IsUpper(text[token.Span.Start]);

    /// <summary>True for "MNLA", "AQIM", "U.N." — at least two letters, all upper case.</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> chars)
    {
        var letters = 0;
        foreach (var c in chars)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    public static bool IsWord(string text, Token token)
    {
        var chars = Chars(text, token);
        return chars.Length > 0 && char.IsLetter(chars[0]);
    }

    /// <summary>
    /// A token that can be part of a name: it starts with a capital ("Gao", "Ag-Ghaly"), or is a
    /// lower-case Arabic article glued to a capitalised word ("al-Qaeda", "el-Abbas").
    /// </summary>
    public static bool IsNameLike(string text, Token token)
    {
        var chars = Chars(text, token);
        if (chars.Length == 0 || !char.IsLetter(chars[0]))
        {
            return false;
        }

        if (char.IsUpper(chars[0]))
        {
            return true;
        }

        // "al-Qaeda", "wa-l-Muslimin", "bil-Dima": short lower-case particles joined to a capitalised word.
        var start = 0;
        while (true)
        {
            var dash = chars[start..].IndexOf('-');
            if (dash is <= 0 or > 3 || start + dash + 1 >= chars.Length)
            {
                return false;
            }

            start += dash + 1;
            if (char.IsUpper(chars[start]))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Which tokens some candidate already covers, in one pass over candidates sorted by start, so a
    /// recogniser asks "is this token taken?" in constant time.
    /// </summary>
    public static bool[] CoveredTokens(Token[] tokens, IEnumerable<MentionCandidate> candidates)
    {
        var covered = new bool[tokens.Length];
        var k = 0;
        foreach (var candidate in candidates.OrderBy(c => c.Span.Start))
        {
            while (k < tokens.Length && tokens[k].Span.End <= candidate.Span.Start)
            {
                k++;
            }

            for (var j = k; j < tokens.Length && tokens[j].Span.Start < candidate.Span.End; j++)
            {
                covered[j] = true;
            }
        }

        return covered;
    }
}
