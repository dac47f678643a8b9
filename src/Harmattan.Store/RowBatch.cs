using System.Data.Common;

namespace Harmattan.Store;

/// <summary>A table the store fills in bulk, with the columns it writes, in the order of each row's values.</summary>
internal sealed record BulkTable(string Name, params string[] Columns);

/// <summary>
/// Rows gathered while documents are written, then inserted table by table in one go
/// (<see cref="StoreDialect.InsertRows"/>: one prepared statement on SQLite, binary COPY on PostgreSQL).
/// A document's facts are a few hundred rows, and writing each as a statement of its own cost more than
/// extracting them did. Tables are inserted in the order they were first added to, so a table whose rows
/// refer to another's (a mention to its document) must be added after it; rows that later statements of
/// the same transaction read (entities and their keys, which resolve the next document) must not wait here.
/// </summary>
internal sealed class RowBatch
{
    private readonly List<(BulkTable Table, List<object?[]> Rows)> _tables = [];
    private readonly Dictionary<BulkTable, List<object?[]>> _byTable = [];

    public void Add(BulkTable table, params object?[] values)
    {
        if (values.Length != table.Columns.Length)
        {
            throw new ArgumentException($"{table.Name} takes {table.Columns.Length} values, not {values.Length}", nameof(values));
        }

        RowsOf(table).Add(values);
    }

    /// <summary>Takes every row of <paramref name="other"/> (a document written in full), which is left empty.</summary>
    public void AddAll(RowBatch other)
    {
        foreach (var (table, rows) in other._tables)
        {
            RowsOf(table).AddRange(rows);
        }

        other.Clear();
    }

    public void Clear()
    {
        _tables.Clear();
        _byTable.Clear();
    }

    /// <summary>Inserts every row gathered, in the transaction, and empties the batch.</summary>
    public void Flush(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        foreach (var (table, rows) in _tables)
        {
            if (rows.Count > 0)
            {
                dialect.InsertRows(connection, transaction, table.Name, table.Columns, rows);
            }
        }

        Clear();
    }

    private List<object?[]> RowsOf(BulkTable table)
    {
        if (!_byTable.TryGetValue(table, out var rows))
        {
            rows = [];
            _byTable.Add(table, rows);
            _tables.Add((table, rows));
        }

        return rows;
    }
}
