using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>How many rows of one table a copy wrote.</summary>
public sealed record CopiedTable(string Table, long Rows);

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every table of a knowledge base, each after the tables its rows refer to, so rows can be written in
    /// this order with every reference checked as it is written. A table the schema has and this list lacks
    /// stops a copy before it writes anything: nothing is ever left behind unnoticed.
    /// </summary>
    private static readonly string[] CopyOrder =
    [
        "documents", "imported_records", "entities", "entity_tallies", "entity_aliases", "document_entities", "mentions", "claims", "claim_about",
        "relations", "events", "event_places", "event_actors", "quantities", "properties", "entity_keys",
        "entity_resolutions", "entity_changes", "entity_change_rows", "reviews", "review_changes", "users", "api_tokens",
        "audit_log",
    ];

    /// <summary>Written by the target's own migrations: the copy leaves them as they are.</summary>
    private static readonly string[] OwnMetaKeys = ["application", "schema_version"];

    /// <summary>
    /// Copies this knowledge base, row for row, into <paramref name="target"/>, which may be on the other
    /// backend (SQLite to PostgreSQL and back) and must hold nothing yet. Every row keeps its values and its
    /// row id, so a merge or split recorded before the copy can still be undone after it; the target's own
    /// search index is rebuilt from the copied rows. The target is written in one transaction: a copy that
    /// fails leaves it empty. This store is read in one snapshot, so a writer beside the copy does not tear it.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0401 when the target is not empty (or is this store).</exception>
    public IReadOnlyList<CopiedTable> CopyTo(KnowledgeStore target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(target, this) || string.Equals(target.Location, Location, StringComparison.Ordinal))
        {
            throw HarmattanError.BadArgument.At(target.Location, "a knowledge base cannot be copied onto itself");
        }

        using var read = BeginRead();
        using var write = target.BeginWrite();
        CheckTables(this, read);
        CheckTables(target, write);
        var filled = CopyOrder
            .Select(table => (Table: table, Rows: target._connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}", transaction: write)))
            .Where(t => t.Rows > 0)
            .ToList();
        if (filled.Count > 0)
        {
            throw HarmattanError.BadArgument.At(
                target.Location,
                "the target already holds a knowledge base (" + string.Join(", ", filled.Select(t => $"{t.Rows} rows in {t.Table}"))
                + "); copy into a new, empty one");
        }

        var copied = new List<CopiedTable>();
        foreach (var table in CopyOrder)
        {
            copied.Add(new CopiedTable(table, CopyTable(target, table, read, write)));
        }

        foreach (var (key, value) in _connection.Query<(string Key, string Value)>("SELECT key, value FROM harmattan_meta ORDER BY key", transaction: read))
        {
            if (!OwnMetaKeys.Contains(key, StringComparer.Ordinal))
            {
                target._connection.Execute(
                    "INSERT INTO harmattan_meta (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    new { Key = key, Value = value },
                    write);
            }
        }

        target._dialect.FinishCopy(target._connection, write, CopyOrder);
        write.Commit();
        return copied;
    }

    /// <summary>
    /// Streams one table across. The row id goes into the target's seq where the table has one (always on
    /// PostgreSQL), else into its rowid (SQLite's tables without seq); every stored column goes by name.
    /// </summary>
    private long CopyTable(KnowledgeStore target, string table, DbTransaction read, DbTransaction write)
    {
        var columns = _dialect.Columns(_connection, read, table).Where(c => c != "seq").ToList();
        var targetColumns = target._dialect.Columns(target._connection, write, table);
        var missing = columns.Where(c => !targetColumns.Contains(c, StringComparer.Ordinal)).ToList();
        var unfilled = targetColumns.Where(c => c != "seq" && !columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || unfilled.Count > 0)
        {
            throw new InvalidOperationException(
                $"{table} differs between {Backend} ({string.Join(", ", columns)}) and {target.Backend} ({string.Join(", ", targetColumns)}) at the same schema version; the migrations of the two backends disagree");
        }

        var rowId = targetColumns.Contains("seq", StringComparer.Ordinal) ? "seq" : target._dialect.RowId;
        using var command = _connection.CreateCommand();
        command.Transaction = read;
        command.CommandText = $"SELECT {_dialect.RowId}, {string.Join(", ", columns)} FROM {table} ORDER BY {_dialect.RowId}";
        using var reader = command.ExecuteReader();
        return target._dialect.InsertRows(target._connection, write, table, [rowId, .. columns], Rows(reader));

        static IEnumerable<object?[]> Rows(DbDataReader reader)
        {
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                yield return values;
            }
        }
    }

    private static void CheckTables(KnowledgeStore store, DbTransaction transaction)
    {
        var tables = store._dialect.Tables(store._connection, transaction).Where(t => t != "harmattan_meta").ToList();
        var unknown = tables.Except(CopyOrder, StringComparer.Ordinal).ToList();
        var absent = CopyOrder.Except(tables, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || absent.Count > 0)
        {
            throw new InvalidOperationException(
                $"{store.Location} has tables {string.Join(", ", unknown)} the copy does not know and lacks {string.Join(", ", absent)}: KnowledgeStore.CopyOrder must list every table of the schema");
        }
    }
}
