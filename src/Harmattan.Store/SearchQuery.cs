using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// What a user typed into search, parsed into a language small enough to mean the same on every backend:
/// words (all must match), <c>"exact phrases"</c>, <c>prefix*</c>, and <c>OR</c> in capitals between two
/// terms. Nothing else is syntax: operators of the database's own full-text language and punctuation the
/// user typed (<c>AND</c>, <c>NEAR(</c>, <c>col:</c>, <c>^</c>, <c>!</c>, <c>&lt;-&gt;</c>, a stray <c>"</c>) are
/// only text, so no input is a syntax error there. Each backend renders the parsed query in its own
/// language (<c>Sqlite/Fts5Query</c>, <c>Postgres/TsQuery</c>).
/// </summary>
internal sealed class SearchQuery
{
    public const int MaxLength = 1000;
    public const int MaxTerms = 32;

    /// <summary>Marks around matched terms in snippets; hosts replace them with emphasis.</summary>
    public const string MatchOpen = "[[";
    public const string MatchClose = "]]";

    private SearchQuery(string text, IReadOnlyList<IReadOnlyList<SearchTerm>> clauses)
    {
        Text = text;
        Clauses = clauses;
    }

    /// <summary>The query as the user typed it (what an error names).</summary>
    public string Text { get; }

    /// <summary>
    /// Every clause must match; a clause matches when any of its terms does. <c>mali niger OR burkina</c> is
    /// mali AND (niger OR burkina), as in web search.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Clauses { get; }

    /// <summary>The parsed query; HRM0206 when nothing searchable is left.</summary>
    public static SearchQuery Parse(string query)
    {
        if (query.Length > MaxLength)
        {
            throw HarmattanError.BadSearchQuery.At(query[..40] + "…", $"a query is at most {MaxLength} characters");
        }

        var items = Items(query);
        var terms = items.Count(item => item.Text is not null);
        if (terms == 0)
        {
            throw HarmattanError.BadSearchQuery.At(query, "it has no words to search for");
        }

        if (terms > MaxTerms)
        {
            throw HarmattanError.BadSearchQuery.At(query, $"a query has at most {MaxTerms} terms");
        }

        return new SearchQuery(query, Group(items));
    }

    /// <summary>Terms and OR markers; an OR survives only between two terms, otherwise it is dropped.</summary>
    private static List<Item> Items(string query)
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

    /// <summary>Consecutive terms joined by OR form one clause; every other term is a clause of its own.</summary>
    private static List<IReadOnlyList<SearchTerm>> Group(List<Item> items)
    {
        var clauses = new List<IReadOnlyList<SearchTerm>>();
        var k = 0;
        while (k < items.Count)
        {
            var clause = new List<SearchTerm> { items[k].Term };
            while (k + 2 < items.Count && items[k + 1].Text is null)
            {
                k += 2;
                clause.Add(items[k].Term);
            }

            clauses.Add(clause);
            k++;
        }

        return clauses;
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

        public SearchTerm Term => new(Text!, Prefix);
    }
}

/// <summary>
/// A word or a phrase (several words in a row, as typed between quotes or joined by punctuation) and
/// whether its last word is a prefix. The text is as the user typed it; each backend's tokenizer splits it.
/// </summary>
internal sealed record SearchTerm(string Text, bool Prefix);
