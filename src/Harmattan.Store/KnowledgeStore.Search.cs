using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The most matching documents, and matching claims, a search ranks; past it, hits are listed newest first.</summary>
    public const int SearchWindow = 1000;

    /// <summary>
    /// Full-text search over document titles and texts and over claim texts, best first (a title match
    /// weighs ten body matches). The query language is words (all must match), <c>"phrases"</c>,
    /// <c>prefix*</c> and <c>OR</c> between terms (<see cref="SearchQuery"/>); anything else the user types
    /// is searched as text, so no input is a syntax error. A query with no words in it is HRM0206. Ranking reads
    /// every match (bm25 counts how many documents hold each term or phrase), so a query that matches more than
    /// <see cref="SearchWindow"/> documents or claims lists the newest first instead, unranked
    /// (<see cref="SearchResults.Ranked"/> says which): a search costs the same in a knowledge base of any size.
    /// </summary>
    public SearchResults Search(string query, int limit = 20) => Search(query, limit, SearchWindow);

    /// <summary>A search that ranks at most <paramref name="window"/> matches of each kind (tests make it small).</summary>
    internal SearchResults Search(string query, int limit, int window)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var parsed = SearchQuery.Parse(query);
        using var transaction = BeginRead();
        _dialect.BeginSearch(_connection, transaction);
        // Ranking reads every match; counting up to one past the window stops early.
        var ranked = _dialect.CountMatches(_connection, transaction, parsed, window + 1) <= window;
        return new SearchResults(_dialect.Search(_connection, transaction, parsed, limit, ranked)
            .Select(row => new SearchHit(
                string.Equals(row.Kind, "claim", StringComparison.Ordinal) ? SearchHitKind.Claim : SearchHitKind.Document,
                row.DocumentId,
                row.Title,
                row.ClaimId,
                ranked ? row.Score : 0,
                row.Snippet))
            .ToList(), ranked);
    }
}
