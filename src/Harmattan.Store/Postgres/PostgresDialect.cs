using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
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
    /// <summary>The similarity operator of pg_trgm, qualified by its schema, or null without the extension and its index.</summary>
    private readonly string? _similar;

    /// <summary>Column types by table, for bulk writes (<see cref="ColumnTypes"/>); concurrent, since a source's stores share the dialect.</summary>
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _columnTypes = new(StringComparer.Ordinal);

    private PostgresDialect(string? similar, bool rememberTables)
        : base(rememberTables)
    {
        _similar = similar;
    }

    /// <summary>
    /// The dialect for one open database: whether fuzzy-name lookups can use the trigram index depends on it, which
    /// the catalogue says. A <see cref="KnowledgeStoreSource"/> asks once and shares the dialect between its
    /// stores (<paramref name="rememberTables"/>); a store opened on its own asks when it opens.
    /// </summary>
    public static PostgresDialect For(NpgsqlConnection connection, bool rememberTables = false)
    {
        var schema = connection.ExecuteScalar<string?>(
            """
            SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_trgm'
              AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'entity_keys_by_trigram' AND c.relnamespace = current_schema()::regnamespace)
            """);
        return new PostgresDialect(schema is null ? null : $"OPERATOR({QuoteIdentifier(schema)}.%)", rememberTables);
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
    /// Refreshes the statistics of the tables entity resolution reads once they changed by a fifth (and at least
    /// a thousand rows) since last analysed. Autovacuum does it too, but only every minute or so: a new
    /// knowledge base filled faster than that has none, and the planner then takes the trigram index for exact
    /// names, which made each document's lookup a hundred times slower.
    /// </summary>
    public override void AfterBatch(DbConnection connection)
    {
        var stale = connection.Query<string>(
            """
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND relname IN ('entities', 'entity_keys')
              AND n_mod_since_analyze > greatest(1000, n_live_tup / 5)
            """).AsList();
        foreach (var table in stale)
        {
            connection.Execute($"ANALYZE {QuoteIdentifier(table)}");
        }
    }

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
    /// The documents, or claims, holding every word of the query (a phrase's words anywhere), whichever are more, up
    /// to <paramref name="cap"/>. GIN keeps no word positions: a phrase is found by taking from the index the rows
    /// holding its words and testing each, and ranking tests them all. So the rows to test are what decides
    /// whether a search is ranked here. Counting them needs no test, as the index answers words alone exactly:
    /// 12 ms for "National Movement for the Liberation of the Azawad" at 100,000 documents, where counting the
    /// phrase's 1,001 matches tested 7,710 documents (82 ms). A query of words alone counts its matches.
    /// </summary>
    public override long CountMatches(DbConnection connection, DbTransaction transaction, SearchQuery query, int cap) =>
        connection.ExecuteScalar<long>(
            $"""
            WITH documents AS (SELECT count(*) AS n FROM (SELECT 1 FROM documents d WHERE d.search @@ {AllWords} LIMIT @Cap) x)
            SELECT CASE WHEN documents.n >= @Cap THEN documents.n
                        ELSE greatest(documents.n, (SELECT count(*) FROM (SELECT 1 FROM claims c WHERE c.search @@ {AllWords} AND c.status <> 'rejected' LIMIT @Cap) y))
                   END
            FROM documents
            """,
            new { Query = TsQuery.Render(query), Cap = cap },
            transaction);

    /// <summary>
    /// The query with its phrases' words joined by AND (to_tsquery's rendering with its followed-by operators,
    /// <c>&lt;-&gt;</c> and <c>&lt;N&gt;</c>, replaced; lexemes are quoted words, which never hold them).
    /// </summary>
    private const string AllWords =
        "regexp_replace(to_tsquery('harmattan_search', @Query)::text, '<[0-9]*->|<[0-9]+>', '&', 'g')::tsquery";

    /// <summary>
    /// Search statements are planned for the words searched, in this transaction: each condition names the query
    /// (to_tsquery of the parameter, not a common table expression the planner cannot see into), and the plan is
    /// made for its value rather than kept generic after five runs of the prepared statement. Whether to walk a
    /// table newest first testing each row or to take the matches from the index depends on how many rows
    /// match: planned blind, a name with no claims walked all 2.6 million claims of a 100,000-document store
    /// (1.5 s) to find none. Nor does a search read a table from end to end: the planner, which cannot estimate
    /// a phrase, took a sequential scan to count the documents holding "Armed Islamic Group", testing 14,890
    /// documents for 1,001 matches (104 ms at 100,000 documents), where the index gives only those holding the
    /// three words.
    /// </summary>
    public override void BeginSearch(DbConnection connection, DbTransaction transaction) =>
        connection.Execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL enable_seqscan = off", transaction: transaction);

    /// <summary>
    /// When <paramref name="ranked"/>, by ts_rank (documents weigh a title word ten body words); documents and
    /// claims share one ordering, approximate across the two, as on SQLite. Otherwise newest first
    /// (<see cref="NewestMatchingDocuments"/>), each claim in its document's place. Snippets are cut here from the
    /// texts of the hits returned (<see cref="SearchSnippet"/>): of the body where it matches, else of the title.
    /// ts_headline cut them in the database until session 9; parsing each hit's whole text, it was most of a
    /// search's time.
    /// </summary>
    public override IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit, bool ranked)
    {
        var text = TsQuery.Render(query);
        var hits = ranked ? RankedHits(connection, transaction, text, limit) : NewestHits(connection, transaction, text, limit);
        var snippets = SearchSnippet.For(query);
        foreach (var hit in hits)
        {
            // A document matched in its body, else in its title.
            hit.Snippet = snippets.Marked(hit.Text)
                ?? (hit.ClaimId is null ? snippets.Marked(hit.Title) : null)
                ?? SearchSnippet.Opening(hit.Text);
        }

        return hits;
    }

    private static List<HitRow> RankedHits(DbConnection connection, DbTransaction transaction, string query, int limit) =>
        connection.Query<HitRow>(
            """
            WITH query AS (SELECT to_tsquery('harmattan_search', @Query) AS q),
            ranked_documents AS (
                SELECT d.seq, ts_rank(d.search, query.q) AS score
                FROM documents d, query WHERE d.search @@ to_tsquery('harmattan_search', @Query)
                ORDER BY score DESC, d.seq LIMIT @Limit
            ),
            ranked_claims AS (
                SELECT c.seq, ts_rank(c.search, query.q) AS score
                FROM claims c, query WHERE c.search @@ to_tsquery('harmattan_search', @Query) AND c.status <> 'rejected'
                ORDER BY score DESC, c.seq LIMIT @Limit
            ),
            top AS (
                SELECT 'document' AS kind, seq, score FROM ranked_documents
                UNION ALL
                SELECT 'claim', seq, score FROM ranked_claims
                ORDER BY score DESC LIMIT @Limit
            )
            SELECT 'document' AS Kind, d.id AS DocumentId, d.title AS Title, NULL AS ClaimId, top.score::double precision AS Score, d.text AS Text
            FROM top JOIN documents d ON d.seq = top.seq
            WHERE top.kind = 'document'
            UNION ALL
            SELECT 'claim', c.document_id, d.title, c.id, top.score::double precision, c.text
            FROM top
            JOIN claims c ON c.seq = top.seq
            JOIN documents d ON d.id = c.document_id
            WHERE top.kind = 'claim'
            ORDER BY Score DESC, DocumentId, ClaimId NULLS FIRST
            """,
            new { Query = query, Limit = limit },
            transaction).AsList();

    /// <summary>
    /// The newest matching documents, then the matching claims among theirs: a claim's text is a passage of its
    /// document's, so a matching claim sits in a matching document and ranks with it, and no claim of an older
    /// document can reach the page. Each document's claims are read by the document and tested (OFFSET 0 keeps
    /// the planner from taking every claim holding the words from the index instead: 85 ms against 16).
    /// </summary>
    private static List<HitRow> NewestHits(DbConnection connection, DbTransaction transaction, string query, int limit)
    {
        var documents = NewestMatchingDocuments(connection, transaction, query, limit);
        return documents.Length == 0
            ? []
            : connection.Query<HitRow>(
                """
                SELECT 'document' AS Kind, d.id AS DocumentId, d.title AS Title, NULL AS ClaimId, d.seq::double precision AS Score, d.text AS Text
                FROM documents d WHERE d.seq = ANY(@Documents)
                UNION ALL
                SELECT 'claim', c.document_id, d.title, c.id, d.seq::double precision, c.text
                FROM documents d
                CROSS JOIN LATERAL (SELECT c.id, c.document_id, c.text, c.search FROM claims c WHERE c.document_id = d.id AND c.status <> 'rejected' OFFSET 0) c
                WHERE d.seq = ANY(@Documents) AND c.search @@ to_tsquery('harmattan_search', @Query)
                ORDER BY Score DESC, DocumentId, ClaimId NULLS FIRST
                LIMIT @Limit
                """,
                new { Query = query, Documents = documents, Limit = limit },
                transaction).AsList();
    }

    /// <summary>
    /// How many of the newest documents a newest-first search tests one by one before asking the index instead:
    /// a page of 20 found in them when at least one document in 200 matches; a deeper page (the API asks for
    /// offset + limit hits) costs at most this walk (about 20 ms at 100,000 documents) before the index.
    /// </summary>
    private const int Walked = 4_000;

    /// <summary>
    /// The seqs of the newest documents matching, newest first. GIN keeps no word positions, so the index answers
    /// a phrase with every document holding its words, each then read and tested, and the planner, which cannot
    /// estimate a phrase, expects one: asked for the newest 20 of 7,672 matches, it read all of them (105 ms at
    /// 100,000 documents). A search gets here only when more documents or claims than the ranking window hold its
    /// words, so the newest documents are walked first and tested one by one, stopping at the page (under a
    /// millisecond for that query). The index is asked only when the walk's few thousand documents do not fill
    /// the page: a phrase rare among many documents holding its words then tests them all, as counting its
    /// matches did before.
    /// </summary>
    private static long[] NewestMatchingDocuments(DbConnection connection, DbTransaction transaction, string query, int limit)
    {
        var walked = connection.Query<long>(
            """
            SELECT seq FROM (SELECT seq, search FROM documents ORDER BY seq DESC LIMIT @Walk) newest
            WHERE search @@ to_tsquery('harmattan_search', @Query)
            ORDER BY seq DESC LIMIT @Limit
            """,
            new { Query = query, Limit = limit, Walk = Walked },
            transaction).ToArray();
        return walked.Length == limit
            ? walked
            : connection.Query<long>(
                """
                SELECT d.seq FROM documents d WHERE d.search @@ to_tsquery('harmattan_search', @Query)
                ORDER BY d.seq DESC LIMIT @Limit
                """,
                new { Query = query, Limit = limit },
                transaction).ToArray();
    }

    /// <summary>A hit with the text its snippet is cut from (a document's, or a claim's).</summary>
    private sealed class HitRow : SearchRow
    {
        public string Text { get; set; } = "";
    }

    /// <summary>The tables of the knowledge base with their indexes and TOAST, not the whole database (which may hold other schemas).</summary>
    public override long DatabaseSize(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<long>(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
            """,
            transaction: transaction);

    /// <summary>harmattan_meta's schema_version (a primary-key lookup); a schema without it reads as version 0.</summary>
    public override int SchemaVersion(DbConnection connection, DbTransaction transaction)
    {
        var text = connection.ExecuteScalar<string?>("SELECT value FROM harmattan_meta WHERE key = 'schema_version'", transaction: transaction);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    protected override bool TableExists(DbConnection connection, DbTransaction transaction, string table) =>
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
    public override IReadOnlyList<IReadOnlyList<string>> SimilarlySpelled(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, IReadOnlyList<string> Names)> probes, int limit)
    {
        var found = probes.Select(_ => new List<string>()).ToList();
        var wanted = probes.SelectMany((p, i) => p.Names.Select(name => (Probe: i, p.Type, Name: name))).ToList();
        if (_similar is null || wanted.Count == 0)
        {
            return found;
        }

        // One statement for every probe of the document; each probe's block is limited on its own.
        var rows = connection.Query<(int Probe, string EntityId)>(
            $"""
            WITH wanted AS (SELECT * FROM unnest(@Probes, @Types, @Names) AS w (probe, type, name))
            SELECT p.probe, s.entity_id
            FROM (SELECT DISTINCT probe, type FROM wanted) p
            CROSS JOIN LATERAL (
                SELECT DISTINCT k.entity_id
                FROM wanted w JOIN entity_keys k ON k.kind = 'name' AND k.key {_similar} w.name
                WHERE w.probe = p.probe AND k.type = p.type
                LIMIT @Limit
            ) s
            """,
            new
            {
                Probes = wanted.Select(w => w.Probe).ToArray(),
                Types = wanted.Select(w => w.Type).ToArray(),
                Names = wanted.Select(w => w.Name).ToArray(),
                Limit = limit,
            },
            transaction);
        foreach (var (probe, entityId) in rows)
        {
            found[probe].Add(entityId);
        }

        return found;
    }

    /// <summary>
    /// A condition on a pg_class row aliased c: the relation is not a member of an extension. Extensions put
    /// tables and views in the schema they are created in (pg_stat_statements its views, PostGIS
    /// spatial_ref_sys); they belong to the database, not to the knowledge base or to another application.
    /// </summary>
    internal const string NotOfAnExtension =
        "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    public override IReadOnlyList<string> Tables(DbConnection connection, DbTransaction transaction) =>
        connection.Query<string>(
            $"SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND {NotOfAnExtension} ORDER BY c.relname",
            transaction: transaction).AsList();

    public override IReadOnlyList<string> Columns(DbConnection connection, DbTransaction transaction, string table) =>
        StoredColumns(connection, transaction, table).Select(c => c.Name).ToList();

    /// <summary>The documents' identity sequence: concurrent writers never take the same seq.</summary>
    public override long NextDocumentSeq(DbConnection connection, DbTransaction transaction, long? previous) =>
        connection.ExecuteScalar<long>("SELECT nextval(pg_get_serial_sequence('documents', 'seq'))", transaction: transaction);

    /// <summary>Binary COPY, each value written as its column's type (a value SQLite kept in an ANY column becomes text).</summary>
    public override long InsertRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var targets = ColumnTypes(connection, transaction, table, columns);
        using var importer = ((NpgsqlConnection)connection).BeginBinaryImport(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        long count = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < targets.Length; i++)
            {
                switch (Typed(row[i], targets[i]).Value)
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case long number:
                        importer.Write(number, NpgsqlDbType.Bigint);
                        break;
                    case double number:
                        importer.Write(number, NpgsqlDbType.Double);
                        break;
                    case var text:
                        importer.Write((string)text, NpgsqlDbType.Text);
                        break;
                }
            }

            count++;
        }

        importer.Complete();
        return count;
    }

    /// <summary>One NpgsqlBatch of single-row inserts: one round trip, each value sent as its column's type.</summary>
    public override void MergeRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, string onConflict, IEnumerable<object?[]> rows)
    {
        var list = rows as IReadOnlyList<object?[]> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var targets = ColumnTypes(connection, transaction, table, columns);
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))}) {onConflict}";
        using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var row in list)
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < targets.Length; i++)
            {
                var (value, type) = Typed(row[i], targets[i]);
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
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

    /// <summary>The types of a table's columns, asked once per table for as long as the dialect lives (a store's, or a source's).</summary>
    private string[] ColumnTypes(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        if (!_columnTypes.TryGetValue(table, out var types))
        {
            types = StoredColumns(connection, transaction, table).ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
            _columnTypes.TryAdd(table, types);
        }

        return columns.Select(c => types.TryGetValue(c, out var type)
            ? type
            : throw new InvalidOperationException($"{table} has no column {c}")).ToArray();
    }

    /// <summary>A value as its column's type wants it (null for SQL NULL).</summary>
    private static (object? Value, NpgsqlDbType Type) Typed(object? value, string type)
    {
        var dbType = type switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "double precision" => NpgsqlDbType.Double,
            "text" => NpgsqlDbType.Text,
            _ => throw new InvalidOperationException($"a knowledge base column of type {type} cannot be written in bulk"),
        };
        if (value is null or DBNull)
        {
            return (null, dbType);
        }

        return dbType switch
        {
            NpgsqlDbType.Bigint => (Convert.ToInt64(value, CultureInfo.InvariantCulture), dbType),
            NpgsqlDbType.Double => (Convert.ToDouble(value, CultureInfo.InvariantCulture), dbType),
            _ => (value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!, dbType),
        };
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A regular expression class of the code points above the BMP (the database is UTF-8).</summary>
    public override string HasCharacterBeyondBmp(string expression) => $"{expression} ~ '[\U00010000-\U0010FFFF]'";

    /// <summary>
    /// The types, kinds and keys as three arrays; per key, an equality on the keys' unique btree (type, kind, key,
    /// entity_id). Asked for names alone, the planner had taken the trigram index over names, a hundred times
    /// slower for exact keys.
    /// </summary>
    public override IReadOnlyList<(string Type, string Kind, string Key, string EntityId)> EntitiesByKey(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Kind, string Key)> keys) =>
        connection.Query<(string Type, string Kind, string Key, string EntityId)>(
            """
            SELECT p.type, p.kind, p.key, k.entity_id
            FROM unnest(@Types, @Kinds, @Keys) AS p (type, kind, key)
            CROSS JOIN LATERAL (
                SELECT x.entity_id FROM entity_keys x
                WHERE x.type = p.type AND x.kind = p.kind AND x.key = p.key) k
            """,
            new { Types = keys.Select(k => k.Type).ToArray(), Kinds = keys.Select(k => k.Kind).ToArray(), Keys = keys.Select(k => k.Key).ToArray() },
            transaction).AsList();

    /// <summary>The types and words as two arrays; per pair, a limited scan of the keys' unique index.</summary>
    public override IReadOnlyList<(string Type, string Key, string EntityId)> SharedWords(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Word)> words, int limit) =>
        connection.Query<(string Type, string Key, string EntityId)>(
            """
            SELECT w.type, w.word, k.entity_id
            FROM unnest(@Types, @Words) AS w (type, word)
            CROSS JOIN LATERAL (
                SELECT x.entity_id FROM entity_keys x
                WHERE x.type = w.type AND x.kind = 'token' AND x.key = w.word
                ORDER BY x.entity_id
                LIMIT @Limit) k
            """,
            new { Types = words.Select(w => w.Type).ToArray(), Words = words.Select(w => w.Word).ToArray(), Limit = limit },
            transaction).AsList();

    /// <summary>A text array parameter.</summary>
    public override string InStrings(string expression, string parameter) => $"{expression} = ANY({parameter})";

    public override object Strings(IEnumerable<string> values) => values.ToArray();

    public override string StringRows(string parameter, string alias) => $"unnest({parameter}) {alias} (value)";

    public override string JsonArray(string expression, string order) => $"coalesce(json_agg({expression} ORDER BY {order}), '[]')::text";

    public override IEnumerable<List<TRow>> Pages<TRow>(DbConnection connection, DbTransaction transaction, string sql, object? parameters, int pageSize)
    {
        // A connection reads one result at a time: a cursor of the transaction lets other statements run between pages.
        var cursor = "harmattan_pages_" + Guid.NewGuid().ToString("N");
        connection.Execute($"DECLARE {cursor} NO SCROLL CURSOR FOR {sql}", parameters, transaction);
        try
        {
            while (true)
            {
                var page = connection.Query<TRow>($"FETCH FORWARD {pageSize} FROM {cursor}", transaction: transaction).AsList();
                if (page.Count == 0)
                {
                    yield break;
                }

                yield return page;
            }
        }
        finally
        {
            connection.Execute($"CLOSE {cursor}", transaction: transaction);
        }
    }
}
