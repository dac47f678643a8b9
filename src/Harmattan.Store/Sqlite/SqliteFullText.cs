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
    /// Documents and claims matching the query, best first by bm25 (lower is better, so the score is its
    /// negation); both kinds share one ordering, which is approximate across the two indexes. Ranking comes
    /// first and snippets are made only for the hits returned: a snippet reads the whole text, and a common
    /// term may match every document in the store. Only the newest <paramref name="window"/> matches of each index are
    /// ranked: the row id of the oldest of them is found by walking the index from its newest end, and FTS5 then
    /// seeks past every older entry of each term's list (a phrase of common words, such as an actor's full name,
    /// otherwise walks the whole list of "the" and "of" to rank every report that names it).
    /// </summary>
    public static IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit, int window) =>
        connection.Query<SearchRow>(
            $"""
            WITH ranked_documents AS (
                SELECT rowid AS seq, bm25(documents_fts, {TitleWeight.ToString("0.0", CultureInfo.InvariantCulture)}, 1.0) AS rank
                FROM documents_fts
                WHERE documents_fts MATCH @Match
                  AND rowid >= coalesce((SELECT rowid FROM documents_fts WHERE documents_fts MATCH @Match ORDER BY rowid DESC LIMIT 1 OFFSET @Skip), 0)
                ORDER BY rank LIMIT @Limit
            ),
            ranked_claims AS (
                SELECT rowid AS seq, bm25(claims_fts) AS rank
                FROM claims_fts
                WHERE claims_fts MATCH @Match
                  AND rowid >= coalesce((SELECT rowid FROM claims_fts WHERE claims_fts MATCH @Match ORDER BY rowid DESC LIMIT 1 OFFSET @Skip), 0)
                ORDER BY rank LIMIT @Limit
            ),
            top AS (
                SELECT 'document' AS kind, seq, rank FROM ranked_documents
                UNION ALL
                SELECT 'claim', seq, rank FROM ranked_claims
                ORDER BY rank LIMIT @Limit
            )
            SELECT 'document' AS Kind, d.id AS DocumentId, d.title AS Title, NULL AS ClaimId, -top.rank AS Score,
                   snippet(documents_fts, -1, @Open, @Close, '…', 16) AS Snippet
            FROM top
            JOIN documents_fts ON documents_fts.rowid = top.seq
            JOIN documents d ON d.seq = top.seq
            WHERE top.kind = 'document' AND documents_fts MATCH @Match
            UNION ALL
            SELECT 'claim', c.document_id, d.title, c.id, -top.rank,
                   snippet(claims_fts, 0, @Open, @Close, '…', 16)
            FROM top
            JOIN claims_fts ON claims_fts.rowid = top.seq
            JOIN claims c ON c.seq = top.seq
            JOIN documents d ON d.id = c.document_id
            WHERE top.kind = 'claim' AND claims_fts MATCH @Match AND c.status <> 'rejected'
            ORDER BY Score DESC, DocumentId, ClaimId
            """,
            new { Match = Fts5Query.Render(query), Open = SearchQuery.MatchOpen, Close = SearchQuery.MatchClose, Limit = limit, Skip = window - 1 },
            transaction).AsList();
}
