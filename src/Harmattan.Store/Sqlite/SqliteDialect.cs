using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Sqlite;

/// <summary>SQLite's side of <see cref="StoreDialect"/>: one file, one writer at a time, FTS5.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    // SQLite result codes (sqlite3.h).
    private const int SqliteError = 1;
    private const int SqliteConstraint = 19;

    /// <summary>Every table has a rowid; where a table has seq INTEGER PRIMARY KEY, it is the same value.</summary>
    public override string RowId => "rowid";

    /// <summary>BEGIN DEFERRED: a read snapshot that takes no write lock.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the file's write lock first.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction();

    /// <summary>Dapper expands a list parameter into (@P1, @P2, ...) for SQLite.</summary>
    public override string InList(string expression, string parameter) => $"{expression} IN {parameter}";

    public override void IndexDocument(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.Index(connection, transaction, documentId);

    public override void UnindexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.UnindexClaims(connection, transaction, documentId);

    public override void IndexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.IndexClaims(connection, transaction, documentId);

    public override IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit)
    {
        try
        {
            return SqliteFullText.Search(connection, transaction, query, limit);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError)
        {
            // Fts5Query quotes every term, so this is a bug there; still, the user gets the catalogued
            // error for their query rather than SQLite's message.
            throw HarmattanError.BadSearchQuery.At(query.Text, e.Message, e);
        }
    }

    public override long DatabaseSize(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", transaction: transaction);

    public override bool HasTable(DbConnection connection, DbTransaction transaction, string table) =>
        connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @Name", new { Name = table }, transaction) > 0;

    public override bool IsConstraintViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };
}
