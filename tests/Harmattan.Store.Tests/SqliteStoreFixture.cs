using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Tests;

/// <summary>Real SQLite files in a temporary directory of their own, deleted afterwards.</summary>
public sealed class SqliteStoreFixture : IStoreFixture
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "harmattan-store-tests", Guid.NewGuid().ToString("N"));

    public SqliteStoreFixture() => Directory.CreateDirectory(_directory);

    public string NewLocation() => Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");

    public KnowledgeStore Open(string location) => KnowledgeStore.Open(location);

    public string CreateEmptyLocation()
    {
        var location = NewLocation();
        File.WriteAllBytes(location, []);
        return location;
    }

    public string CreateForeignDatabase()
    {
        var location = NewLocation();
        using (var connection = Connect(location))
        {
            Execute(connection, """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO customers (name) VALUES ('Sahel Logistics SARL'), ('Bamako Freight');
                """);
        }

        return location;
    }

    public string CreateNonDatabase()
    {
        var location = NewLocation();
        File.WriteAllText(location, "Field notes, Gao, 3 July 2012: the market reopened after the fighting.\n");
        return location;
    }

    public string CreateVersion1Database(string entityId, string type, string name, params string[] aliases)
    {
        var location = NewLocation();
        var schema = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Harmattan.Store", "Migrations", "0001_initial.sql"));
        using (var connection = Connect(location))
        {
            Execute(connection, schema);
            Execute(connection, "INSERT INTO harmattan_meta (key, value) VALUES ('application', 'harmattan'), ('schema_version', '1'); PRAGMA user_version = 1;");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO entities (id, type, name) VALUES ($id, $type, $name)";
            insert.Parameters.AddWithValue("$id", entityId);
            insert.Parameters.AddWithValue("$type", type);
            insert.Parameters.AddWithValue("$name", name);
            insert.ExecuteNonQuery();
            foreach (var alias in aliases)
            {
                using var add = connection.CreateCommand();
                add.CommandText = "INSERT INTO entity_aliases (entity_id, alias) VALUES ($id, $alias)";
                add.Parameters.AddWithValue("$id", entityId);
                add.Parameters.AddWithValue("$alias", alias);
                add.ExecuteNonQuery();
            }
        }

        return location;
    }

    /// <summary>The repository this file was compiled from (the shipped migration is read from its source).</summary>
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harmattan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Harmattan.slnx) was not found above " + sourceFile);
    }

    public string UnavailableLocation() => Path.Combine(_directory, "no-such-directory", "kb.db");

    public void Execute(string location, string sql)
    {
        using var connection = Connect(location);
        Execute(connection, sql);
    }

    public void SetSchemaVersion(string location, int version)
    {
        using var connection = Connect(location);
        Execute(connection, $"UPDATE harmattan_meta SET value = '{version}' WHERE key = 'schema_version'; PRAGMA user_version = {version};");
    }

    public string Fingerprint(string location) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(location)));

    public IReadOnlySet<string> Tables(string location)
    {
        using var connection = Connect(location);
        return Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, long> RowCounts(string location)
    {
        using var connection = Connect(location);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)command.ExecuteScalar()!;
        }

        return counts;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Contents(string location, params string[] except) =>
        Read(location, except, inOrder: false);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> RowsInOrder(string location, params string[] except) =>
        Read(location, except, inOrder: true);

    /// <summary>A reference to a document by its seq, read as the document's id.</summary>
    private const string DocumentBySeq = "(SELECT d.id FROM documents d WHERE d.seq = document_seq)";

    private static SortedDictionary<string, IReadOnlyList<string>> Read(string location, string[] except, bool inOrder)
    {
        using var connection = Connect(location);
        var contents = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'"))
        {
            if (except.Contains(table, StringComparer.Ordinal))
            {
                continue;
            }

            var columns = inOrder
                ? string.Join(", ", Strings(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'seq'").Select(c => c == "document_seq" ? DocumentBySeq : $"\"{c}\""))
                : "*";
            using var command = connection.CreateCommand();
            command.CommandText = inOrder
                ? $"SELECT row_number() OVER (ORDER BY rowid), {columns} FROM \"{table}\" ORDER BY rowid"
                : $"SELECT rowid, * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join(" | ", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }

            contents[table] = rows;
        }

        return contents;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A connection of its own to the file at <paramref name="location"/>, unpooled, so nothing keeps it open.</summary>
    internal static SqliteConnection Connect(string location)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
