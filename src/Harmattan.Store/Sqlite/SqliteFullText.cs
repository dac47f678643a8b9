using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// The FTS5 side of the store. The indexes are external-content tables over documents and claims
/// (see Migrations/0001_initial.sql); the store fills them itself, inside the document's transaction.
/// </summary>
internal static class SqliteFullText
{
    /// <summary>A title term counts this many times a body term: a report titled on it is about it.</summary>
    private const double TitleWeight = 10.0;

    public static void Index(DbConnection connection, DbTransaction transaction, string documentId) =>
        connection.Execute(
            """
            INSERT INTO documents_fts (rowid, title, text) SELECT seq, title, text FROM documents WHERE id = @Id;
            INSERT INTO claims_fts (rowid, text) SELECT seq, text FROM claims WHERE document_id = @Id;
            """,
            new { Id = documentId },
            transaction);

    /// <summary>Both indexes are external-content: their rows go out with the old values, before the rows they index.</summary>
    public static void UnindexDocument(DbConnection connection, DbTransaction transaction, string documentId) =>
        connection.Execute(
            """
            INSERT INTO claims_fts (claims_fts, rowid, text) SELECT 'delete', seq, text FROM claims WHERE document_id = @Id;
            INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', seq, title, text FROM documents WHERE id = @Id;
            """,
            new { Id = documentId },
            transaction);

    /// <summary>The claims index is external-content: its rows go out with the old text, before the claims change.</summary>
    public static void UnindexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        connection.Execute(
            "INSERT INTO claims_fts (claims_fts, rowid, text) SELECT 'delete', seq, text FROM claims WHERE document_id = @Id",
            new { Id = documentId },
            transaction);

    public static void IndexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        connection.Execute(
            "INSERT INTO claims_fts (rowid, text) SELECT seq, text FROM claims WHERE document_id = @Id",
            new { Id = documentId },
            transaction);

    /// <summary>
    /// The matches of the larger index, counted up to <paramref name="cap"/>: walks as many matches as that. The
    /// claims are counted only when the documents did not reach the cap (the answer is then known). The claims
    /// index holds rejected claims too, so a rejected claim may count.
    /// </summary>
    public static long CountMatches(DbConnection connection, DbTransaction transaction, SearchQuery query, int cap) =>
        connection.ExecuteScalar<long>(
            """
            SELECT CASE WHEN documents.n >= @Cap THEN documents.n
                        ELSE max(documents.n, (SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH @Match LIMIT @Cap)))
                   END
            FROM (SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH @Match LIMIT @Cap)) documents
            """,
            new { Match = Fts5Query.Render(query), Cap = cap },
            transaction);

    /// <summary>
    /// Documents and claims matching the query (rejected claims left out), at most <paramref name="limit"/>:
    /// when <paramref name="ranked"/>, best first by bm25 (lower is better, so the score is its negation; both
    /// kinds share one ordering, approximate across the two indexes); otherwise newest first, by the stored
    /// order of the documents, walking the indexes from their newest end and stopping at the limit. Ranking is
    /// not bounded by a LIMIT: bm25 counts every row holding each term or phrase of the query, and a phrase of
    /// common words (an actor's full name) walks the whole list of "the" and "of" to do so.
    /// </summary>
    /// <remarks>
    /// Each index is read once, and its snippets are made in that same scan, for the rows it returns: FTS5 orders
    /// by rowid, or by <c>rank</c> (bm25 with the title weighted, computed for every match and sorted inside
    /// FTS5), so the LIMIT stops the scan and no snippet is made for a row that is not returned. Matching the
    /// query again for each hit to make its snippet (a join on the index by rowid) looked the query up anew in
    /// every segment of the index: three quarters of a search's time on 100,000 documents.
    /// </remarks>
    public static IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit, bool ranked)
    {
        // Ranked, a hit scores its negated bm25; unranked, its document's stored order (newest first).
        var order = ranked ? "rank" : "rowid DESC";
        var documentScore = ranked ? "-rank" : "rowid";
        var claimHitScore = ranked ? "-rank" : "NULL";
        var claimScore = ranked ? "h.score" : "d.seq";
        var titleWeighted = ranked
            ? $" AND rank MATCH 'bm25({TitleWeight.ToString("0.0", CultureInfo.InvariantCulture)}, 1.0)'"
            : "";
        return connection.Query<SearchRow>(
            $"""
            WITH document_hits AS (
                SELECT rowid AS seq, {documentScore} AS score, snippet(documents_fts, -1, @Open, @Close, '…', 16) AS snippet
                FROM documents_fts WHERE documents_fts MATCH @Match{titleWeighted} ORDER BY {order} LIMIT @Limit
            ),
            claim_hits AS (
                SELECT rowid AS seq, {claimHitScore} AS score, snippet(claims_fts, 0, @Open, @Close, '…', 16) AS snippet
                FROM claims_fts WHERE claims_fts MATCH @Match ORDER BY {order} LIMIT @Limit
            )
            SELECT 'document' AS Kind, d.id AS DocumentId, d.title AS Title, NULL AS ClaimId, h.score AS Score, h.snippet AS Snippet
            FROM document_hits h
            JOIN documents d ON d.seq = h.seq
            UNION ALL
            SELECT 'claim', c.document_id, d.title, c.id, {claimScore}, h.snippet
            FROM claim_hits h
            JOIN claims c ON c.seq = h.seq
            JOIN documents d ON d.id = c.document_id
            WHERE c.status <> 'rejected'
            ORDER BY Score DESC, DocumentId, ClaimId
            LIMIT @Limit
            """,
            new { Match = Fts5Query.Render(query), Open = SearchQuery.MatchOpen, Close = SearchQuery.MatchClose, Limit = limit },
            transaction).AsList();
    }
}
