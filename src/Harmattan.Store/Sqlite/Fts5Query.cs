using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// Turns what a user typed into an FTS5 expression that cannot be a syntax error. The user's language
/// is small: words (all must match), <c>"exact phrases"</c>, <c>prefix*</c>, and <c>OR</c> in capitals
/// between two terms. Every term goes to FTS5 as a quoted string, so FTS5 operators and punctuation
/// the user typed (<c>AND</c>, <c>NEAR(</c>, <c>col:</c>, <c>^</c>, a stray <c>"</c>) are only text.
/// </summary>
internal static class Fts5Query
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 32;

    /// <summary>The FTS5 expression for <paramref name="query"/>; HRM0206 when nothing searchable is left.</summary>
    public static string Build(string query)
    {
        if (query.Length > MaxLength)
        {
            throw HarmattanError.BadSearchQuery.At(query[..40] + "…", $"a query is at most {MaxLength} characters");
        }

        var items = Parse(query);
        var terms = items.Count(item => item.Text is not null);
        if (terms == 0)
        {
            throw HarmattanError.BadSearchQuery.At(query, "it has no words to search for");
        }

        if (terms > MaxTerms)
        {
            throw HarmattanError.BadSearchQuery.At(query, $"a query has at most {MaxTerms} terms");
        }

        return Render(items);
    }

    /// <summary>Terms and OR markers; an OR survives only between two terms, otherwise it is dropped.</summary>
    private static List<Item> Parse(string query)
    {
        var raw = new List<Item>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            string text;
            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var end = close < 0 ? query.Length : close;
                text = query[(i + 1)..end];
                i = close < 0 ? query.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"')
                {
                    i++;
                }

                text = query[start..i];
                if (string.Equals(text, "OR", StringComparison.Ordinal))
                {
                    raw.Add(Item.Or);
                    continue;
                }
            }

            var prefix = false;
            while (i < query.Length && query[i] == '*')
            {
                prefix = true;
                i++;
            }

            var trimmed = text.TrimEnd('*');
            prefix |= trimmed.Length < text.Length;
            if (HasWordCharacter(trimmed))
            {
                raw.Add(new Item(trimmed, prefix));
            }
        }

        var items = new List<Item>();
        for (var k = 0; k < raw.Count; k++)
        {
            var isOr = raw[k].Text is null;
            var betweenTerms = k > 0 && k < raw.Count - 1 && raw[k - 1].Text is not null && raw[k + 1].Text is not null;
            if (!isOr || betweenTerms)
            {
                items.Add(raw[k]);
            }
        }

        return items;
    }

    /// <summary>
    /// AND between terms; OR-chains are parenthesised so <c>mali niger OR burkina</c> means
    /// mali AND (niger OR burkina), as in web search, not FTS5's (mali AND niger) OR burkina. The AND is
    /// explicit because FTS5 does not accept an implicit AND before a parenthesis.
    /// </summary>
    private static string Render(List<Item> items)
    {
        var sql = new StringBuilder();
        var k = 0;
        while (k < items.Count)
        {
            var chainEnd = k;
            while (chainEnd + 2 < items.Count && items[chainEnd + 1].Text is null)
            {
                chainEnd += 2;
            }

            if (sql.Length > 0)
            {
                sql.Append(" AND ");
            }

            if (chainEnd == k)
            {
                AppendTerm(sql, items[k]);
            }
            else
            {
                sql.Append('(');
                for (var t = k; t <= chainEnd; t += 2)
                {
                    if (t > k)
                    {
                        sql.Append(" OR ");
                    }

                    AppendTerm(sql, items[t]);
                }

                sql.Append(')');
            }

            k = chainEnd + 1;
        }

        return sql.ToString();
    }

    private static void AppendTerm(StringBuilder sql, Item term)
    {
        sql.Append('"').Append(term.Text!.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        if (term.Prefix)
        {
            sql.Append(" *");
        }
    }

    /// <summary>A term of punctuation only would be an empty phrase to the tokenizer; it is dropped.</summary>
    private static bool HasWordCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A term (Text set) or an OR marker (Text null).</summary>
    private sealed record Item(string? Text, bool Prefix)
    {
        public static readonly Item Or = new(null, false);
    }
}
