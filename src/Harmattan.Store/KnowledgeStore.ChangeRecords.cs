using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// How a merge or split records what it does (entity_change_rows) and how undo plays the record back.
/// Rows are named by <see cref="StoreDialect.RowId"/> (SQLite's rowid, PostgreSQL's seq, the same number
/// after a copy between them), and a removed row is kept as JSON without its row id, which the record holds.
/// Table and column names reach SQL text only from <see cref="EntityColumns"/>, never from stored data unchecked.
/// </summary>
public sealed partial class KnowledgeStore
{
    /// <summary>Moves one column's references from one entity to another, recording each row; returns how many rows it touched.</summary>
    private int Repoint(string changeId, EntityColumn column, string from, string to, string? documentId, DbTransaction transaction)
    {
        var (table, name) = (column.Table, column.Column);
        var where = $"{name} = @From" + (documentId is null ? "" : $" AND {DocumentColumn.Is(table, table, "@DocumentId")}");
        var parameters = new { From = from, To = to, DocumentId = documentId, ChangeId = changeId };
        var rows = 0;
        if (column.UniqueWith.Length > 0)
        {
            var same = string.Join(" AND ", column.UniqueWith.Select(c => $"x.{c} = {table}.{c}"));
            rows += DeleteRecorded(changeId, table, $"{where} AND EXISTS (SELECT 1 FROM {table} x WHERE x.{name} = @To AND {same})", parameters, transaction);
        }

        rows += Record(changeId, "update", table, name, $"SELECT {_dialect.RowId} FROM {table} WHERE {where}", parameters, transaction);
        _connection.Execute($"UPDATE {table} SET {name} = @To WHERE {where}", parameters, transaction);
        return rows;
    }

    /// <summary>Records an update of <paramref name="column"/> for each row the query selects (by row id), with its current value.</summary>
    private int Record(string changeId, string action, string table, string column, string selectRowIds, object parameters, DbTransaction transaction)
    {
        var rows = _connection.Query<long>(selectRowIds, parameters, transaction).AsList();
        _connection.Execute(
            $"""
            INSERT INTO entity_change_rows (change_id, action, table_name, row_id, column_name, old_value)
            SELECT @ChangeId, @Action, '{table}', {_dialect.RowId}, '{column}', {column} FROM {table} WHERE {_dialect.RowId} = @RowId
            """,
            rows.Select(rowId => new { ChangeId = changeId, Action = action, RowId = rowId }),
            transaction);
        return rows.Count;
    }

    /// <summary>Deletes the rows <paramref name="where"/> selects, keeping each whole (as JSON) in the record.</summary>
    private int DeleteRecorded(string changeId, string table, string where, object parameters, DbTransaction transaction)
    {
        var rows = _connection.Query($"SELECT {_dialect.RowId} AS \"rowid!\", * FROM {table} WHERE {where}", parameters, transaction)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        foreach (var row in rows)
        {
            _connection.Execute(
                """
                INSERT INTO entity_change_rows (change_id, action, table_name, row_id, row_json)
                VALUES (@ChangeId, 'delete', @Table, @RowId, @Json)
                """,
                new { ChangeId = changeId, Table = table, RowId = (long)row["rowid!"]!, Json = JsonSerializer.Serialize(row.Where(kv => kv.Key is not ("rowid!" or "seq")).ToDictionary()) },
                transaction);
        }

        _connection.Execute($"DELETE FROM {table} WHERE {where}", parameters, transaction);
        return rows.Count;
    }

    /// <summary>Runs an INSERT ... RETURNING the row id and records the row it added (nothing when it added none).</summary>
    private int InsertRecorded(string changeId, string table, string insertReturningRowId, object parameters, DbTransaction transaction)
    {
        var rowIds = _connection.Query<long>(insertReturningRowId, parameters, transaction).AsList();
        _connection.Execute(
            "INSERT INTO entity_change_rows (change_id, action, table_name, row_id) VALUES (@ChangeId, 'insert', @Table, @RowId)",
            rowIds.Select(rowId => new { ChangeId = changeId, Table = table, RowId = rowId }),
            transaction);
        return rowIds.Count;
    }

    /// <summary>
    /// Refuses (HRM0214) to undo a change some of whose recorded rows of a document are not there as it left
    /// them: the row is gone, or a row now holding its row id belongs to a document stored or re-extracted
    /// after the change (a deleted document, an import that replaced its record, a re-ingest of deleted text),
    /// or a row it removed belongs to a document that is no longer stored as it was. Restoring by row id would
    /// then write into the wrong row, or bring back a row of a document that is not there.
    /// </summary>
    private void RefuseIfRowsGone(EntityChange change, DbTransaction transaction)
    {
        var at = StoredValues.Timestamp(change.At);
        const string StoredBefore = "d.ingested_at <= @At AND (d.extracted_at IS NULL OR d.extracted_at <= @At)";
        var missing = 0L;
        foreach (var table in EntityColumns.Where(c => c.PerDocument).Select(c => c.Table).Distinct(StringComparer.Ordinal))
        {
            missing += _connection.ExecuteScalar<long>(
                $"""
                SELECT count(*) FROM entity_change_rows r
                WHERE r.change_id = @Id AND r.table_name = '{table}' AND r.action = 'update'
                  AND NOT EXISTS (SELECT 1 FROM {table} t JOIN documents d ON {DocumentColumn.Joins(table, "t", "d")}
                                  WHERE t.{_dialect.RowId} = r.row_id AND {StoredBefore})
                """,
                new { change.Id, At = at },
                transaction);
            var removedFrom = _connection.Query<string>(
                    $"SELECT row_json FROM entity_change_rows WHERE change_id = @Id AND table_name = '{table}' AND action = 'delete'",
                    new { change.Id },
                    transaction)
                .Select(json => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!["document_id"].GetString()!)
                .ToList();
            if (removedFrom.Count > 0)
            {
                var stored = _connection.Query<string>(
                        $"SELECT d.id FROM documents d WHERE {_dialect.InStrings("d.id", "@Ids")} AND {StoredBefore}",
                        new { Ids = _dialect.Strings(removedFrom.Distinct(StringComparer.Ordinal)), At = at },
                        transaction)
                    .ToHashSet(StringComparer.Ordinal);
                missing += removedFrom.Count(document => !stored.Contains(document));
            }
        }

        if (missing > 0)
        {
            throw HarmattanError.UndoRefused.At(
                change.Id,
                $"{missing} rows it rewrote are gone: a document it touched was deleted or replaced after it; merge or split again instead");
        }
    }

    private void Restore(ChangeRow row, DbTransaction transaction)
    {
        var table = KnownTable(row.TableName);
        switch (row.Action)
        {
            case "update":
                var column = KnownColumn(row.ColumnName!);
                _connection.Execute($"UPDATE {table} SET {column} = @Value WHERE {_dialect.RowId} = @RowId", new { Value = row.OldValue, row.RowId }, transaction);
                break;
            case "insert":
                _connection.Execute($"DELETE FROM {table} WHERE {_dialect.RowId} = @RowId", new { row.RowId }, transaction);
                break;
            case "delete":
                var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.RowJson!)!;
                var parameters = new DynamicParameters();
                var names = new List<string>();
                // Records written before row ids were dialect-neutral hold seq where the table has one: it
                // was the same value as the row id, which is restored instead.
                foreach (var (name, value) in values.Where(v => v.Key != "seq"))
                {
                    names.Add(KnownColumn(name));
                    parameters.Add("c" + names.Count.ToString(CultureInfo.InvariantCulture), FromJson(value));
                }

                // SQLite hands the highest row id to the next row once its row is deleted (a merge removes
                // the entity it absorbs, often the newest): if a row added since holds it, the removed row
                // comes back with all its values under a new row id. Nothing refers to it by the old one:
                // only this change's record did, and a later change naming its entities blocks the undo.
                var taken = _connection.ExecuteScalar<long>(
                    $"SELECT count(*) FROM {table} WHERE {_dialect.RowId} = @RowId", new { row.RowId }, transaction) > 0;
                if (!taken)
                {
                    names.Add(_dialect.RowId);
                    parameters.Add("c" + names.Count.ToString(CultureInfo.InvariantCulture), row.RowId);
                }

                var placeholders = string.Join(", ", names.Select((_, i) => "@c" + (i + 1).ToString(CultureInfo.InvariantCulture)));
                _connection.Execute($"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({placeholders})", parameters, transaction);
                break;
            default:
                throw new InvalidOperationException($"entity_change_rows: unknown action '{row.Action}'");
        }
    }

    private static object? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new InvalidOperationException($"entity_change_rows: unexpected JSON value {value}"),
    };

    /// <summary>Table and column names in SQL text come only from this list, never from stored data unchecked.</summary>
    private static string KnownTable(string table) =>
        table == "entities" || EntityColumns.Any(c => c.Table == table)
            ? table
            : throw new InvalidOperationException($"entity_change_rows names an unknown table '{table}'");

    private static string KnownColumn(string column) =>
        column.All(c => c is (>= 'a' and <= 'z') or '_')
            ? column
            : throw new InvalidOperationException($"entity_change_rows names an unsafe column '{column}'");
}
