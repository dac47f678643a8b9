using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>How many of the newest matching documents, and of the newest matching claims, a search ranks.</summary>
    public const int SearchWindow = 1000;

    /// <summary>
    /// Full-text search over document titles and texts and over claim texts, best first (a title match
    /// weighs ten body matches). The query language is words (all must match), <c>"phrases"</c>,
    /// <c>prefix*</c> and <c>OR</c> between terms (<see cref="SearchQuery"/>); anything else the user types
    /// is searched as text, so no input is a syntax error. A query with no words in it is HRM0206. So that a
    /// search costs the same in a knowledge base of any size, only the newest <see cref="SearchWindow"/> matching
    /// documents (and as many matching claims), by when they were stored, are ranked: an older report is found when
    /// the query is narrow enough to have fewer newer matches.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20) => Search(query, limit, SearchWindow);

    /// <summary>A search that ranks the newest <paramref name="window"/> matches of each kind (tests make it small).</summary>
    internal IReadOnlyList<SearchHit> Search(string query, int limit, int window)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var parsed = SearchQuery.Parse(query);
        using var transaction = BeginRead();
        return _dialect.Search(_connection, transaction, parsed, limit, window)
            .Select(row => new SearchHit(
                string.Equals(row.Kind, "claim", StringComparison.Ordinal) ? SearchHitKind.Claim : SearchHitKind.Document,
                row.DocumentId,
                row.Title,
                row.ClaimId,
                row.Score,
                row.Snippet))
            .ToList();
    }
}
