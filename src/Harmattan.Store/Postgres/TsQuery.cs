using System.Globalization;
using System.Text;

namespace Harmattan.Store.Postgres;

/// <summary>
/// A <see cref="SearchQuery"/> as the text of a PostgreSQL <c>to_tsquery</c> that cannot be a syntax error:
/// every term is a quoted lexeme, which to_tsquery runs through the text search configuration (so a quoted
/// phrase becomes words joined by &lt;-&gt;, accents and case are folded as in the index, and tsquery
/// operators the user typed are only text). A term is first cut into its words: every character but a
/// letter, digit or combining mark becomes a space, as punctuation does in the indexed text
/// (harmattan_search_text, Migrations/Postgres/0012_search_punctuation.sql), so "al-Qaeda’s" is the phrase
/// al Qaeda s on both sides.
/// </summary>
internal static class TsQuery
{
    public static string Render(SearchQuery query)
    {
        var text = new StringBuilder();
        foreach (var clause in query.Clauses)
        {
            if (text.Length > 0)
            {
                text.Append(" & ");
            }

            if (clause.Count > 1)
            {
                text.Append('(');
            }

            for (var t = 0; t < clause.Count; t++)
            {
                if (t > 0)
                {
                    text.Append(" | ");
                }

                AppendTerm(text, clause[t]);
            }

            if (clause.Count > 1)
            {
                text.Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The term's words, one space between them, quoted. No quote or backslash is left to escape: they are
    /// punctuation. A term always holds a letter or digit (<see cref="SearchQuery"/> drops the others).
    /// </summary>
    private static void AppendTerm(StringBuilder text, SearchTerm term)
    {
        text.Append('\'');
        var start = text.Length;
        var space = false;
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in term.Text.EnumerateRunes())
        {
            if (!IsWordPart(rune))
            {
                space = text.Length > start;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(utf16[..rune.EncodeToUtf16(utf16)]);
        }

        text.Append('\'');
        if (term.Prefix)
        {
            text.Append(":*");
        }
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
