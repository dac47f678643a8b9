using System.Text;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Store;

/// <summary>
/// A search hit's snippet cut in the application, as SQLite's FTS5 <c>snippet()</c> cuts it in the database: at most
/// <see cref="Words"/> words of the text, where most of the query's clauses match, the matched words between
/// <see cref="SearchQuery.MatchOpen"/> and <see cref="SearchQuery.MatchClose"/>, and "…" where the text goes on.
/// Words are runs of letters and digits (and their combining marks) compared as <see cref="NameKey"/> folds them:
/// case and accents aside, as the search found them. A phrase matches its words in a row and is marked as one span,
/// as FTS5 marks it; a prefix term matches its last word's beginning.
/// </summary>
/// <remarks>
/// PostgreSQL's <c>ts_headline</c> did this work there before, and was most of a search's time: it parses the
/// whole text given to it with the full-text parser, for each hit. This walks the text once, folding only the
/// words whose length could match.
/// </remarks>
internal static class SearchSnippet
{
    /// <summary>The most words a snippet holds (as FTS5's <c>snippet(..., 16)</c>).</summary>
    public const int Words = 16;

    private const char Ellipsis = '…';

    /// <summary>How far around the first place the query's longest term is spelled its snippet is looked for first.</summary>
    private const int Reach = 600;

    /// <summary>The snippet of <paramref name="text"/> for <paramref name="query"/> (<see cref="Marker.Marked"/>).</summary>
    public static string? Marked(string text, SearchQuery query) => For(query).Marked(text);

    /// <summary>What cuts the snippets of one search's hits: the query's terms, folded once.</summary>
    public static Marker For(SearchQuery query) => new(Terms(query), query.Clauses.Count);

    /// <summary>The folded terms of one query, and the word a snippet is looked for around first (its longest term's first).</summary>
    internal sealed class Marker(List<Term> terms, int clauses)
    {
        private readonly string? _probe = terms.MaxBy(term => term.Words.Sum(word => word.Length))?.Words[0];

        /// <summary>
        /// The snippet of <paramref name="text"/>; null when no word of it matches. It is looked for first within
        /// <see cref="Reach"/> characters of the first place the query's longest term begins, spelled as folded (ASCII
        /// case aside), and in the whole text only when nothing matches there (an accent, or the term inside a longer
        /// word): a long report is not split into words for every hit.
        /// </summary>
        public string? Marked(string text)
        {
            if (_probe is null)
            {
                return null;
            }

            var at = text.AsSpan().IndexOf(_probe, StringComparison.OrdinalIgnoreCase);
            return (at >= 0 ? MarkedIn(text, Math.Max(0, at - Reach), Math.Min(text.Length, at + Reach), terms, clauses) : null)
                ?? MarkedIn(text, 0, text.Length, terms, clauses);
        }
    }

    private static string? MarkedIn(string text, int from, int to, List<Term> terms, int clauses)
    {
        var words = Split(text, from, to);
        var clauseOf = new int[words.Count];
        Array.Fill(clauseOf, -1);
        // The first word of the match each word is in (-1: none): a phrase is marked as one span, as FTS5 marks it.
        var matchOf = new int[words.Count];
        Array.Fill(matchOf, -1);
        var buffer = new char[64];
        var any = false;
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var term in terms)
            {
                if (i + term.Words.Length <= words.Count && Matches(text, words, i, term, ref buffer))
                {
                    for (var k = 0; k < term.Words.Length; k++)
                    {
                        clauseOf[i + k] = term.Clause;
                        matchOf[i + k] = i;
                    }

                    any = true;
                }
            }
        }

        return any ? Cut(text, words, BestWindow(clauseOf, clauses), matchOf) : null;
    }

    /// <summary>The first <see cref="Words"/> words of <paramref name="text"/>, unmarked: the snippet of a hit none of whose words match.</summary>
    public static string Opening(string text) => Cut(text, Split(text, 0, text.Length), 0, null);

    /// <summary>The start of the window of <see cref="Words"/> words with the most clauses matched, then the most words matched, then its first match nearest its fourth word.</summary>
    private static int BestWindow(int[] clauseOf, int clauses)
    {
        var best = 0;
        (int Clauses, int Matched, int Offset) bestScore = (-1, -1, int.MinValue);
        var seen = new int[clauses];
        for (var start = 0; start < Math.Max(1, clauseOf.Length - Words + 1); start++)
        {
            Array.Clear(seen);
            var (distinct, matched, first) = (0, 0, -1);
            for (var i = start; i < Math.Min(clauseOf.Length, start + Words); i++)
            {
                if (clauseOf[i] < 0)
                {
                    continue;
                }

                matched++;
                first = first < 0 ? i - start : first;
                if (seen[clauseOf[i]]++ == 0)
                {
                    distinct++;
                }
            }

            var score = (distinct, matched, -Math.Abs(first - 3));
            if (score.CompareTo(bestScore) > 0)
            {
                (best, bestScore) = (start, score);
            }
        }

        return best;
    }

    /// <param name="matchOf">For each word, the first word of the match it is in, or -1; null marks nothing.</param>
    private static string Cut(string text, List<(int Start, int End)> words, int start, int[]? matchOf)
    {
        if (words.Count == 0)
        {
            return "";
        }

        var end = Math.Min(words.Count, start + Words);
        var snippet = new StringBuilder();
        // The text before the first word and after the last is kept where the snippet reaches it, as FTS5 keeps it.
        var before = words[start].Start;
        _ = HasWordBefore(text, before) ? snippet.Append(Ellipsis) : snippet.Append(text, 0, before);

        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                snippet.Append(text, words[i - 1].End, words[i].Start - words[i - 1].End);
            }

            // A mark opens where a match begins (or the snippet does) and closes where it ends (or the snippet does).
            var match = matchOf?[i] ?? -1;
            var opens = match >= 0 && (i == start || matchOf![i - 1] != match);
            var closes = match >= 0 && (i == end - 1 || matchOf![i + 1] != match);
            snippet.Append(opens ? SearchQuery.MatchOpen : "")
                .Append(text, words[i].Start, words[i].End - words[i].Start)
                .Append(closes ? SearchQuery.MatchClose : "");
        }

        var after = words[end - 1].End;
        _ = HasWordAfter(text, after) ? snippet.Append(Ellipsis) : snippet.Append(text, after, text.Length - after);

        return snippet.ToString();
    }

    /// <summary>Whether the words from <paramref name="at"/> spell <paramref name="term"/>.</summary>
    private static bool Matches(string text, List<(int Start, int End)> words, int at, Term term, ref char[] buffer)
    {
        for (var k = 0; k < term.Words.Length; k++)
        {
            var (start, end) = words[at + k];
            var word = text.AsSpan(start, end - start);
            var wanted = term.Words[k];
            var prefix = term.Prefix && k == term.Words.Length - 1;
            if (Ascii.IsValid(word))
            {
                // An ASCII word folds to its lower case: compared as it is, without folding.
                if (prefix ? !word.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) : !word.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                continue;
            }

            var key = NameKey.Fold(word, ref buffer);
            if (prefix ? !key.StartsWith(wanted, StringComparison.Ordinal) : !key.SequenceEqual(wanted))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWordBefore(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (IsWordCharacter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWordAfter(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
        {
            if (IsWordCharacter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The whole words of a text between two offsets (a word cut by either is left out): runs of letters, digits and
    /// combining marks (a surrogate pair is one character of a word).
    /// </summary>
    private static List<(int Start, int End)> Split(string text, int from, int to)
    {
        var words = new List<(int, int)>();
        while (from > 0 && from < to && IsWordCharacter(text[from]) && IsWordCharacter(text[from - 1]))
        {
            from++;
        }

        var start = -1;
        for (var i = from; i <= to; i++)
        {
            var inWord = i < to && IsWordCharacter(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i < to || to == text.Length || !IsWordCharacter(text[to]))
                {
                    words.Add((start, i));
                }

                start = -1;
            }
        }

        return words;
    }

    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>Each term of the query as folded words, with its clause.</summary>
    private static List<Term> Terms(SearchQuery query)
    {
        var terms = new List<Term>();
        for (var clause = 0; clause < query.Clauses.Count; clause++)
        {
            foreach (var term in query.Clauses[clause])
            {
                var words = Split(term.Text, 0, term.Text.Length).Select(w => NameKey.Fold(term.Text[w.Start..w.End])).Where(w => w.Length > 0).ToArray();
                if (words.Length > 0)
                {
                    terms.Add(new Term(words, term.Prefix, clause));
                }
            }
        }

        return terms;
    }

    internal sealed record Term(string[] Words, bool Prefix, int Clause);
}
