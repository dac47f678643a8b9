using Harmattan.Knowledge;
using Harmattan.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Full-text search over document titles and texts and over claim texts, best first (bm25; a title
    /// match weighs ten body matches). The query language is words (all must match), <c>"phrases"</c>,
    /// <c>prefix*</c> and <c>OR</c> between terms; anything else the user types is searched as text, so
    /// no input is a syntax error. A query with no words in it is HRM0206.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = Fts5Query.Build(query);
        try
        {
            return SqliteFullText.Search(_connection, match, limit)
                .Select(row => new SearchHit(
                    string.Equals(row.Kind, "claim", StringComparison.Ordinal) ? SearchHitKind.Claim : SearchHitKind.Document,
                    row.DocumentId,
                    row.Title,
                    row.ClaimId,
                    -row.Rank,
                    row.Snippet))
                .ToList();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // Fts5Query quotes every term, so this is a bug there; still, the user gets the catalogued
            // error for their query rather than SQLite's message.
            throw HarmattanError.BadSearchQuery.At(query, e.Message, e);
        }
    }
}
