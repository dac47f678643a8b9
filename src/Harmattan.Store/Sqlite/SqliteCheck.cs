using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Sqlite;

/// <summary>SQLite's own checks: the file's structure, foreign keys, and each FTS5 index against its content table.</summary>
internal static class SqliteCheck
{
    public static IEnumerable<string> Run(SqliteConnection connection, DbTransaction transaction)
    {
        foreach (var line in connection.Query<string>("PRAGMA integrity_check", transaction: transaction))
        {
            if (!string.Equals(line, "ok", StringComparison.Ordinal))
            {
                yield return "integrity_check: " + line;
            }
        }

        foreach (var row in connection.Query<(string Table, long RowId, string Parent, long Key)>("PRAGMA foreign_key_check", transaction: transaction))
        {
            yield return $"foreign key: {row.Table} row {row.RowId} names a missing {row.Parent} row";
        }

        foreach (var index in new[] { "documents_fts", "claims_fts" })
        {
            string? failure = null;
            try
            {
                // Compares the index with the content table it is built from (external content).
                connection.Execute($"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)", transaction: transaction);
            }
            catch (SqliteException e)
            {
                failure = $"{index}: {e.Message}";
            }

            if (failure is not null)
            {
                yield return failure;
            }
        }
    }
}
