using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Harmattan.Store.Postgres;

/// <summary>
/// PostgreSQL's side of <see cref="StoreDialect"/>: repeatable-read snapshots for reads, writers serialised by
/// an advisory lock (as SQLite serialises them), seq as the row id, arrays for list parameters, and full
/// text with the tsvector columns the database keeps itself (Migrations/Postgres/0001_initial.sql).
/// </summary>
internal sealed partial class PostgresDialect : StoreDialect
{
    /// <summary>How ts_headline cuts snippets: about as long as SQLite's (16 tokens), matches marked as there.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel=\"{SearchQuery.MatchOpen}\", StopSel=\"{SearchQuery.MatchClose}\", MaxWords=16, MinWords=6, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>The similarity operator of pg_trgm, qualified by its schema, or null without the extension and its index.</summary>
    private readonly string? _similar;

    private PostgresDialect(string? similar) => _similar = similar;

    /// <summary>The dialect for one open database: whether fuzzy-name lookups can use the trigram index depends on it.</summary>
    public static PostgresDialect For(NpgsqlConnection connection)
    {
        var schema = connection.ExecuteScalar<string?>(
            """
            SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_trgm'
              AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'entity_keys_by_trigram' AND c.relnamespace = current_schema()::regnamespace)
            """);
        return new PostgresDialect(schema is null ? null : $"OPERATOR({QuoteIdentifier(schema)}.%)");
    }

    public override string RowId => "seq";

    public override DbTransaction BeginRead(DbConnection connection) =>
        ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.RepeatableRead);

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            // Held until commit or rollback. Taken before anything is read, so each statement after it
            // sees what every earlier writer committed.
            connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgresMigrator.LockKey }, transaction);
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The rows' statements in one NpgsqlBatch: one round trip instead of one per row (an ingest writes a few
    /// hundred rows per document). Each @Name becomes a positional parameter, bound from the row's property of
    /// that name; a null string is sent as a null text.
    /// </summary>
    public override void ExecuteEach(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<object> rows)
    {
        var list = rows as IReadOnlyList<object> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var names = new List<string>();
        var positional = Parameter().Replace(sql, match =>
        {
            var name = match.Groups[1].Value;
            var index = names.IndexOf(name);
            if (index < 0)
            {
                names.Add(name);
                index = names.Count - 1;
            }

            return "$" + (index + 1).ToString(CultureInfo.InvariantCulture);
        });
        using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var row in list)
        {
            var command = new NpgsqlBatchCommand(positional);
            var type = row.GetType();
            foreach (var name in names)
            {
                var property = type.GetProperty(name) ?? throw new InvalidOperationException($"the row has no property {name} for @{name} in: {sql}");
                var value = property.GetValue(row);
                command.Parameters.Add(value is null && property.PropertyType == typeof(string)
                    ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }
                    : new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    /// <summary>Dapper passes a list to Npgsql as one array parameter.</summary>
    public override string InList(string expression, string parameter) => $"{expression} = ANY({parameter})";

    // The tsvector columns are GENERATED ... STORED: the database indexes every row it writes.
    public override void IndexDocument(DbConnection connection, DbTransaction transaction, string documentId)
    {
    }

    public override void UnindexDocument(DbConnection connection, DbTransaction transaction, string documentId)
    {
    }

    public override void UnindexClaims(DbConnection connection, DbTransaction transaction, string documentId)
    {
    }

    public override void IndexClaims(DbConnection connection, DbTransaction transaction, string documentId)
    {
    }

    /// <summary>
    /// Ranked by ts_rank (documents weigh a title word ten body words); documents and claims share one
    /// ordering, approximate across the two, as on SQLite. Snippets (ts_headline re-reads the text) are
    /// made only for the hits returned: of the body where it matches, else of the title.
    /// </summary>
    public override IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit) =>
        connection.Query<SearchRow>(
            """
            WITH query AS (SELECT to_tsquery('harmattan_search', @Query) AS q),
            ranked_documents AS (
                SELECT d.seq, ts_rank(d.search, query.q) AS score
                FROM documents d, query WHERE d.search @@ query.q
                ORDER BY score DESC, d.seq LIMIT @Limit
            ),
            ranked_claims AS (
                SELECT c.seq, ts_rank(c.search, query.q) AS score
                FROM claims c, query WHERE c.search @@ query.q AND c.status <> 'rejected'
                ORDER BY score DESC, c.seq LIMIT @Limit
            ),
            top AS (
                SELECT 'document' AS kind, seq, score FROM ranked_documents
                UNION ALL
                SELECT 'claim', seq, score FROM ranked_claims
                ORDER BY score DESC LIMIT @Limit
            )
            SELECT 'document' AS Kind, d.id AS DocumentId, d.title AS Title, NULL AS ClaimId, top.score::double precision AS Score,
                   CASE WHEN strpos(body.headline, @Open) > 0 THEN body.headline
                        ELSE ts_headline('harmattan_search', d.title, query.q, @Options) END AS Snippet
            FROM top
            CROSS JOIN query
            JOIN documents d ON d.seq = top.seq
            CROSS JOIN LATERAL (SELECT ts_headline('harmattan_search', d.text, query.q, @Options) AS headline) body
            WHERE top.kind = 'document'
            UNION ALL
            SELECT 'claim', c.document_id, d.title, c.id, top.score::double precision,
                   ts_headline('harmattan_search', c.text, query.q, @Options)
            FROM top
            CROSS JOIN query
            JOIN claims c ON c.seq = top.seq
            JOIN documents d ON d.id = c.document_id
            WHERE top.kind = 'claim'
            ORDER BY Score DESC, DocumentId, ClaimId NULLS FIRST
            """,
            new { Query = TsQuery.Render(query), Open = SearchQuery.MatchOpen, Options = HeadlineOptions, Limit = limit },
            transaction).AsList();

    /// <summary>The tables of the knowledge base with their indexes and TOAST, not the whole database (which may hold other schemas).</summary>
    public override long DatabaseSize(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<long>(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
            """,
            transaction: transaction);

    public override bool HasTable(DbConnection connection, DbTransaction transaction, string table) =>
        connection.ExecuteScalar<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname = @Name)
            """,
            new { Name = table },
            transaction);

    /// <summary>
    /// The server enforces every reference and computes the tsvector columns itself, so neither can be
    /// wrong. What can: an identity sequence behind the rows (after a restore or a copy by other means),
    /// which makes the next insert into that table fail.
    /// </summary>
    public override IEnumerable<string> CheckDatabase(DbConnection connection, DbTransaction transaction)
    {
        var problems = new List<string>();
        foreach (var table in Tables(connection, transaction))
        {
            if (!Columns(connection, transaction, table).Contains("seq"))
            {
                continue;
            }

            var sequence = connection.ExecuteScalar<string>($"SELECT pg_get_serial_sequence('{table}', 'seq')", transaction: transaction);
            var (highest, next) = connection.QuerySingle<(long Highest, long Next)>(
                $"""
                SELECT coalesce((SELECT max(seq) FROM {table}), 0),
                       (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {sequence})
                """,
                transaction: transaction);
            if (next <= highest)
            {
                problems.Add($"{table}: the next seq would be {next}, but rows up to {highest} are stored; the next insert may collide");
            }
        }

        return problems;
    }

    /// <summary>Class 23: integrity constraint violation (unique, foreign key, check, not null).</summary>
    public override bool IsConstraintViolation(DbException exception) =>
        exception is PostgresException { SqlState: [ '2', '3', .. ] };

    /// <summary>
    /// Folded names of <paramref name="type"/> within pg_trgm's similarity threshold (0.3 by default) of any of
    /// <paramref name="names"/>, through the trigram index on entity_keys.
    /// </summary>
    public override IEnumerable<string> SimilarlySpelled(DbConnection connection, DbTransaction transaction, string type, IReadOnlyList<string> names, int limit) =>
        _similar is null || names.Count == 0
            ? []
            : connection.Query<string>(
                $"""
                SELECT DISTINCT k.entity_id
                FROM unnest(@Names) AS wanted (name)
                JOIN entity_keys k ON k.kind = 'name' AND k.key {_similar} wanted.name
                WHERE k.type = @Type
                LIMIT @Limit
                """,
                new { Names = names.ToArray(), Type = type, Limit = limit },
                transaction);

    public override IReadOnlyList<string> Tables(DbConnection connection, DbTransaction transaction) =>
        connection.Query<string>(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY c.relname",
            transaction: transaction).AsList();

    public override IReadOnlyList<string> Columns(DbConnection connection, DbTransaction transaction, string table) =>
        StoredColumns(connection, transaction, table).Select(c => c.Name).ToList();

    /// <summary>Binary COPY, each value written as its column's type (a value SQLite kept in an ANY column becomes text).</summary>
    public override long InsertRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var types = StoredColumns(connection, transaction, table).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var targets = columns.Select(c => types.TryGetValue(c, out var type)
            ? type
            : throw new InvalidOperationException($"{table} has no column {c}")).ToArray();
        using var importer = ((NpgsqlConnection)connection).BeginBinaryImport(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < targets.Length; i++)
            {
                WriteValue(importer, row[i], targets[i]);
            }

            count++;
        }

        importer.Complete();
        return count;
    }

    /// <summary>Identity columns continue after the highest seq copied, so the next row gets a new one.</summary>
    public override void FinishCopy(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables)
    {
        foreach (var table in tables)
        {
            connection.Execute(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), coalesce((SELECT max(seq) FROM {table}), 0) + 1, false)",
                transaction: transaction);
        }
    }

    private static List<(string Name, string Type)> StoredColumns(DbConnection connection, DbTransaction transaction, string table) =>
        connection.Query<(string Name, string Type)>(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @Table AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """,
            new { Table = table },
            transaction).AsList();

    private static void WriteValue(NpgsqlBinaryImporter importer, object? value, string type)
    {
        if (value is null or DBNull)
        {
            importer.WriteNull();
            return;
        }

        switch (type)
        {
            case "bigint":
                importer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                break;
            case "double precision":
                importer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                break;
            case "text":
                importer.Write(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                break;
            default:
                throw new InvalidOperationException($"a knowledge base column of type {type} cannot be copied");
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A regular expression class of the code points above the BMP (the database is UTF-8).</summary>
    public override string HasCharacterBeyondBmp(string expression) => $"{expression} ~ '[\U00010000-\U0010FFFF]'";

    /// <summary>A text array parameter.</summary>
    public override string InStrings(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override object Strings(IEnumerable<string> values) => values.ToArray();
}
