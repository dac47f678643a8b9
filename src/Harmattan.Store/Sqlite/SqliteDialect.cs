using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Harmattan.Store.Sqlite;

/// <summary>SQLite's side of <see cref="StoreDialect"/>: one file, one writer at a time, FTS5.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    /// <summary>The dialect of stores opened one by one (<see cref="KnowledgeStore.Open"/>): it remembers nothing of any file.</summary>
    public static readonly SqliteDialect Instance = new(rememberTables: false);

    /// <param name="rememberTables">For the one file of a <see cref="KnowledgeStoreSource"/>: see <see cref="StoreDialect"/>.</param>
    public SqliteDialect(bool rememberTables)
        : base(rememberTables)
    {
    }

    // SQLite result codes (sqlite3.h).
    private const int SqliteError = 1;
    private const int SqliteConstraint = 19;

    /// <summary>Every table has a rowid; where a table has seq INTEGER PRIMARY KEY, it is the same value.</summary>
    public override string RowId => "rowid";

    /// <summary>BEGIN DEFERRED: a read snapshot that takes no write lock.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => StatementCachingConnection.Native(connection).BeginTransaction(deferred: true);

    /// <summary>BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the file's write lock first.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => StatementCachingConnection.Native(connection).BeginTransaction();

    public override void IndexDocument(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.Index(connection, transaction, documentId);

    public override void UnindexDocument(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.UnindexDocument(connection, transaction, documentId);

    public override void UnindexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.UnindexClaims(connection, transaction, documentId);

    public override void IndexClaims(DbConnection connection, DbTransaction transaction, string documentId) =>
        SqliteFullText.IndexClaims(connection, transaction, documentId);

    public override long CountMatches(DbConnection connection, DbTransaction transaction, SearchQuery query, int cap) =>
        Searching(query, () => SqliteFullText.CountMatches(connection, transaction, query, cap));

    public override IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit, bool ranked) =>
        Searching(query, () => SqliteFullText.Search(connection, transaction, query, limit, ranked));

    /// <summary>
    /// A full-text statement, with SQLite's errors reported as the query's. Fts5Query quotes every term, so an
    /// error is a bug there; still, the user gets the catalogued error for their query rather than SQLite's message.
    /// </summary>
    private static T Searching<T>(SearchQuery query, Func<T> statement)
    {
        try
        {
            return statement();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError)
        {
            throw HarmattanError.BadSearchQuery.At(query.Text, e.Message, e);
        }
    }

    /// <summary>Page cache of a connection that writes batches (SQLite's default is 2 MB).</summary>
    public const int WriterCacheKilobytes = 128 * 1024;

    /// <summary>Pages the write-ahead log holds before the committing connection copies them into the file.</summary>
    public const int WriterCheckpointPages = 50_000;

    /// <summary>
    /// A batch rewrites index pages all over the file. With SQLite's default 2 MB page cache, a 100,000-document
    /// store read a third of the writer's pages back from the OS on every batch, and with its default checkpoint
    /// every 1,000 pages (4 MB, less than one batch) copied each batch's pages into the file again: a large cache
    /// and a checkpoint every 40 MB cut the writer's system time by 40% there. Past 10,000 documents one batch
    /// dirties more than 40 MB (the indexes by entity and day take each document's rows at random places), so
    /// the checkpoint is every 200 MB: a page several batches rewrite is copied into the file once (20,000
    /// documents: 18% fewer bytes written, 8.5% more documents per second). The cache grows only as pages are
    /// read, up to its bound; reading connections keep the defaults.
    /// <para>
    /// SQLite keeps the undo copies of the pages changed under a savepoint (each document of a batch has one, so
    /// that one that fails leaves the others) and under each multi-row statement in temporary files: 17 writes
    /// there for each write to the write-ahead log, and a fifth of the ingest's CPU spent in the kernel. The
    /// writer keeps them in memory, dropped as each savepoint is released and each statement ends; the peak
    /// memory of an ingest did not change. 3,000 documents: 134 docs/s before, 148 and 153 after.
    /// </para>
    /// </summary>
    public override void BeforeBatch(DbConnection connection) =>
        connection.Execute($"PRAGMA cache_size = -{WriterCacheKilobytes}; PRAGMA wal_autocheckpoint = {WriterCheckpointPages}; PRAGMA temp_store = MEMORY;");

    public override long DatabaseSize(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<long>("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", transaction: transaction);

    /// <summary>
    /// The version in the file header's user_version, which the migrator writes with harmattan_meta's in one
    /// transaction: no table is read. Asked of SQLite directly, since it runs in every transaction (a third of the
    /// cost of the same statement through Dapper and Microsoft.Data.Sqlite).
    /// </summary>
    public override int SchemaVersion(DbConnection connection, DbTransaction transaction)
    {
        var db = StatementCachingConnection.Native(connection).Handle!;
        var rc = raw.sqlite3_prepare_v2(db, "PRAGMA user_version", out var statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        using (statement)
        {
            rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return raw.sqlite3_column_int(statement, 0);
        }
    }

    protected override bool TableExists(DbConnection connection, DbTransaction transaction, string table) =>
        connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @Name", new { Name = table }, transaction) > 0;

    public override bool IsConstraintViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    /// <summary>The file's structure, foreign keys, and each FTS5 index against its content table.</summary>
    public override IEnumerable<string> CheckDatabase(DbConnection connection, DbTransaction transaction)
    {
        var problems = SqliteCheck.Run(StatementCachingConnection.Native(connection), transaction).ToList();
        foreach (var (index, table) in new[] { ("claims_fts", "claims"), ("documents_fts", "documents") })
        {
            var difference = connection.ExecuteScalar<long>(
                $"SELECT (SELECT count(*) FROM {table}) - (SELECT count(*) FROM {index}_docsize)", transaction: transaction);
            if (difference != 0)
            {
                problems.Add($"{index}: {difference} {table} differ between the table and its full-text index");
            }
        }

        return problems;
    }

    /// <summary>Ordinary tables; an FTS5 table and the shadow tables it keeps (documents_fts_data, ...) are the index's own.</summary>
    public override IReadOnlyList<string> Tables(DbConnection connection, DbTransaction transaction)
    {
        var all = connection.Query<(string Name, string Sql)>(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
            transaction: transaction).AsList();
        var virtualTables = all.Where(t => t.Sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
        return all.Select(t => t.Name)
            .Where(name => !virtualTables.Any(v => name == v || name.StartsWith(v + "_", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>pragma_table_xinfo lists generated columns too, with hidden 2 or 3.</summary>
    public override IReadOnlyList<string> Columns(DbConnection connection, DbTransaction transaction, string table) =>
        connection.Query<string>("SELECT name FROM pragma_table_xinfo(@Table) WHERE hidden = 0 ORDER BY cid", new { Table = table }, transaction).AsList();

    /// <summary>One prepared INSERT, its parameters rebound for each row, in the caller's transaction.</summary>
    /// <summary>
    /// One past the largest seq stored, as SQLite itself gives a row id; the write transaction holds the file's
    /// write lock, so no other writer takes it meanwhile.
    /// </summary>
    public override long NextDocumentSeq(DbConnection connection, DbTransaction transaction, long? previous) =>
        previous is { } last ? last + 1 : connection.ExecuteScalar<long>("SELECT coalesce(max(seq), 0) + 1 FROM documents", transaction: transaction);

    /// <summary>
    /// One statement prepared once and stepped for every row through SQLite's own interface: the ADO.NET
    /// command costs more per execution (a data reader, parameters found by name) than the insert itself.
    /// </summary>
    public override long InsertRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows) =>
        Insert(connection, table, columns, "", rows);

    public override void MergeRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, string onConflict, IEnumerable<object?[]> rows) =>
        Insert(connection, table, columns, onConflict, rows);

    private static long Insert(DbConnection connection, string table, IReadOnlyList<string> columns, string onConflict, IEnumerable<object?[]> rows)
    {
        var db = StatementCachingConnection.Native(connection).Handle!;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))}) {onConflict}";
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        using (statement)
        {
            long count = 0;
            foreach (var row in rows)
            {
                raw.sqlite3_reset(statement);
                for (var i = 0; i < row.Length; i++)
                {
                    rc = Bind(statement, i + 1, row[i]);
                    if (rc != raw.SQLITE_OK)
                    {
                        SqliteException.ThrowExceptionForRC(rc, db);
                    }
                }

                rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                count++;
            }

            return count;
        }
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(statement, index, number),
        float number => raw.sqlite3_bind_double(statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} cannot be stored", nameof(value)),
    };

    /// <summary>The external-content FTS5 indexes read the copied documents and claims again.</summary>
    public override void FinishCopy(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables) =>
        connection.Execute(
            """
            INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
            INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
            """,
            transaction: transaction);

    /// <summary>GLOB compares code points in a character class, so the class spans the planes above the BMP.</summary>
    public override string HasCharacterBeyondBmp(string expression) => $"{expression} GLOB '*[\U00010000-\U0010FFFF]*'";

    /// <summary>The keys as one JSON array of [type, kind, key] triples; per triple, an equality on the keys' unique index.</summary>
    public override IReadOnlyList<(string Type, string Kind, string Key, string EntityId)> EntitiesByKey(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Kind, string Key)> keys) =>
        connection.Query<(string Type, string Kind, string Key, string EntityId)>(
            """
            SELECT k.type, k.kind, k.key, k.entity_id
            FROM json_each(@Keys) p
            JOIN entity_keys k ON k.type = p.value ->> 0 AND k.kind = p.value ->> 1 AND k.key = p.value ->> 2
            """,
            new { Keys = System.Text.Json.JsonSerializer.Serialize(keys.Select(k => new[] { k.Type, k.Kind, k.Key })) },
            transaction).AsList();

    /// <summary>The words as one JSON array of [type, word] pairs; per pair, a range scan of the keys' unique index.</summary>
    public override IReadOnlyList<(string Type, string Key, string EntityId)> SharedWords(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Word)> words, int limit) =>
        connection.Query<(string Type, string Key, string EntityId)>(
            """
            SELECT k.type, k.key, k.entity_id
            FROM json_each(@Words) w
            JOIN entity_keys k ON k.rowid IN (
                SELECT x.rowid FROM entity_keys x
                WHERE x.type = w.value ->> 0 AND x.kind = 'token' AND x.key = w.value ->> 1
                ORDER BY x.entity_id
                LIMIT @Limit)
            """,
            new { Words = System.Text.Json.JsonSerializer.Serialize(words.Select(w => new[] { w.Type, w.Word })), Limit = limit },
            transaction).AsList();

    /// <summary>The strings travel as one JSON array, which json_each opens as a table.</summary>
    public override string InStrings(string expression, string parameter) => $"{expression} IN (SELECT value FROM json_each({parameter}))";

    public override object Strings(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);

    public override string StringRows(string parameter, string alias) => $"json_each({parameter}) {alias}";

    public override string JsonArray(string expression, string order) => $"json_group_array({expression} ORDER BY {order})";

    public override IEnumerable<List<TRow>> Pages<TRow>(DbConnection connection, DbTransaction transaction, string sql, object? parameters, int pageSize) =>
        connection.Query<TRow>(sql, parameters, transaction, buffered: false).Chunk(pageSize).Select(page => page.ToList());
}
