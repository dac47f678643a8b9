using System.Globalization;
using System.Text.Json;
using Harmattan.Store;
using Harmattan.Tests;
using Microsoft.Data.Sqlite;

namespace Harmattan.Cli.Tests;

/// <summary>
/// The verbs on a PostgreSQL knowledge base, on the server the test run starts: selected by --db or
/// HARMATTAN_DB, and <c>migrate</c> carrying the sample reports from SQLite to PostgreSQL and back without
/// losing a row.
/// </summary>
public sealed class PostgresCliTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        foreach (var name in _databases)
        {
            PostgresServer.DropDatabase(name);
        }

        _dir.Dispose();
    }

    private string NewDatabase()
    {
        var (name, location) = PostgresServer.CreateDatabase();
        _databases.Add(name);
        return location;
    }

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void The_samples_go_from_sqlite_to_postgresql_and_back_without_losing_a_row()
    {
        Assert.Equal(0, Run("--db", "first.db", "ingest", TempFolder.SampleReports).ExitCode);
        var postgres = NewDatabase();

        var there = Run("migrate", "--from", "sqlite:first.db", "--to", postgres);
        var back = Run("migrate", "--from", postgres, "--to", "sqlite:second.db");

        Assert.True(there.ExitCode == 0, there.Error);
        Assert.True(back.ExitCode == 0, back.Error);
        Assert.Contains("(SQLite) to postgres://postgres@127.0.0.1:", there.Output, StringComparison.Ordinal);
        Assert.Contains("(PostgreSQL)", there.Output, StringComparison.Ordinal);
        var first = Dump(Path.Combine(_dir.Path, "first.db"));
        Assert.True(first["documents"].Count >= 5);
        Assert.Equal(first, Dump(Path.Combine(_dir.Path, "second.db")));

        // The queries answer the same on both backends.
        foreach (var verb in new[] { new[] { "actor", "MNLA", "--json" }, ["timeline", "--actor", "Ansar Dine", "--json"], ["claims", "--about", "Mali", "--json"], ["docs", "--json"] })
        {
            var sqlite = Run(["--db", "first.db", .. verb]);
            var onPostgres = Run(["--db", postgres, .. verb]);
            Assert.True(onPostgres.ExitCode == 0, onPostgres.Error);
            Assert.Equal(sqlite.Output, onPostgres.Output);
        }

        var hits = Run("--db", postgres, "search", "Ansar", "Dine", "--limit", "100", "--json");
        Assert.True(hits.ExitCode == 0, hits.Error);
        Assert.Equal(DocumentsOf(Run("--db", "first.db", "search", "Ansar", "Dine", "--limit", "100", "--json")), DocumentsOf(hits));
    }

    [Fact]
    public void HARMATTAN_DB_names_the_knowledge_base_when_db_is_not_given()
    {
        var postgres = NewDatabase();
        var variables = new Dictionary<string, string?> { ["HARMATTAN_DB"] = postgres };

        var init = CliRun.WithEnvironment(_dir.Path, variables, "init");
        var ingest = CliRun.WithEnvironment(_dir.Path, variables, "ingest", Path.Combine(TempFolder.SampleReports, "2017-03-jnim-merger.md"));
        var stats = CliRun.WithEnvironment(_dir.Path, variables, "stats", "--json");
        var explicitDb = CliRun.WithEnvironment(_dir.Path, variables, "--db", "local.db", "stats", "--json");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.StartsWith("postgres://postgres@127.0.0.1:", init.Output, StringComparison.Ordinal);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Equal(1, JsonDocument.Parse(stats.Output).RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(explicitDb.Output).RootElement.GetProperty("documents").GetInt32());
        Assert.False(File.Exists(Path.Combine(_dir.Path, "harmattan.db")));
    }

    [Fact]
    public void A_server_that_cannot_be_reached_exits_2_with_HRM0203_naming_the_host_without_the_password()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = Run("--db", $"postgres://analyst:correct-horse@127.0.0.1:{port}/sahel", "stats");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"[HRM0203] postgres://analyst@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/sahel", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_refuses_a_target_that_holds_a_knowledge_base_and_leaves_it_as_it_was()
    {
        Assert.Equal(0, Run("--db", "a.db", "ingest", Path.Combine(TempFolder.SampleReports, "2017-03-jnim-merger.md")).ExitCode);
        var postgres = NewDatabase();
        Assert.Equal(0, Run("migrate", "--from", "a.db", "--to", postgres).ExitCode);
        var before = Run("--db", postgres, "docs", "--json").Output;

        var again = Run("migrate", "--from", "a.db", "--to", postgres);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("[HRM0401]", again.Error, StringComparison.Ordinal);
        Assert.Contains("already holds a knowledge base", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, Run("--db", postgres, "docs", "--json").Output);
    }

    private static List<string> DocumentsOf(CliRun run) =>
        JsonDocument.Parse(run.Output).RootElement.EnumerateArray()
            .Select(h => h.GetProperty("document").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every row of every table but the full-text index's, with its rowid, in rowid order.</summary>
    private static SortedDictionary<string, List<string>> Dump(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT rowid, * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join(" | ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            dump[table] = rows;
        }

        return dump;
    }
}
