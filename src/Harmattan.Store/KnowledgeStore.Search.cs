using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Full-text search over document titles and texts and over claim texts, best first (a title match
    /// weighs ten body matches). The query language is words (all must match), <c>"phrases"</c>,
    /// <c>prefix*</c> and <c>OR</c> between terms (<see cref="SearchQuery"/>); anything else the user types
    /// is searched as text, so no input is a syntax error. A query with no words in it is HRM0206.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var parsed = SearchQuery.Parse(query);
        using var transaction = BeginRead();
        return _dialect.Search(_connection, transaction, parsed, limit)
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
