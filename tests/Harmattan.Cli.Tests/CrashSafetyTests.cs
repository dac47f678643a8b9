using System.Diagnostics;
using System.Text.Json;
using Harmattan.Corpus;
using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Tests;
using Npgsql;

namespace Harmattan.Cli.Tests;

/// <summary>
/// A real <c>harmattan ingest</c> process killed with SIGKILL in the middle of a corpus: the store it
/// leaves is consistent, and running the same ingest again stores the rest, with no document twice and
/// none lost. Written once; each backend's class says where its knowledge base lives and how to count
/// what a running ingest has committed, behind the store's back.
/// </summary>
public abstract class CrashSafetyTests : IDisposable
{
    private const int Reports = 120;

    protected TempFolder Dir { get; } = new();

    public virtual void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A knowledge base location no store has used yet (the ingest creates its tables).</summary>
    protected abstract string NewDatabase();

    /// <summary>How many documents are committed at the location; 0 while its tables do not exist yet.</summary>
    protected abstract int CommittedDocuments(string database);

    [Fact]
    public async Task A_killed_ingest_leaves_a_consistent_store_and_resumes_without_duplicates_or_losses()
    {
        var corpus = Path.Combine(Dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        var generator = CorpusGenerator.Load(DataDirectory.Locate(Path.Combine(RepositoryRoot.Path, "data")));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Reports; i++)
        {
            var report = generator.Generate(7, i);
            File.WriteAllText(Path.Combine(corpus, $"{i:D4}.txt"), report.Text);
        }

        var database = NewDatabase();
        using (var process = StartIngest(corpus, database, Dir.Path))
        {
            // Kill it once some documents are committed and more are on their way.
            var stored = await WaitForDocuments(database, process, atLeast: 15);
            Assert.True(stored < Reports, $"the ingest finished ({stored} documents) before it could be killed; make the corpus larger");
            process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no flush, no goodbye
            await process.WaitForExitAsync();
        }

        var check = CliRun.Of(Dir.Path, "--db", database, "check");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        int before;
        using (var store = KnowledgeStore.Open(database))
        {
            before = (int)store.CountDocuments();
        }

        var resumed = CliRun.Of(Dir.Path, "--db", database, "ingest", corpus);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{Reports - before} added, {before} unchanged, 0 failed", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of(Dir.Path, "--db", database, "check").ExitCode);
        var stats = JsonDocument.Parse(CliRun.Of(Dir.Path, "--db", database, "stats", "--json").Output).RootElement;
        Assert.Equal(Reports, stats.GetProperty("documents").GetInt32());
        var listed = JsonDocument.Parse(CliRun.Of(Dir.Path, "--db", database, "docs", "--limit", "1000", "--json").Output).RootElement;
        foreach (var doc in listed.EnumerateArray())
        {
            Assert.True(ids.Add(doc.GetProperty("id").GetString()!), "a document is stored twice");
        }

        Assert.Equal(Reports, ids.Count);
    }

    /// <summary>The CLI in a process of its own, one extraction thread so the run lasts long enough to be killed.</summary>
    private static Process StartIngest(string corpus, string database, string workingDirectory)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "harmattan.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { cli, "--db", database, "ingest", corpus })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<int> WaitForDocuments(string database, Process process, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the ingest exited with {(process.HasExited ? process.ExitCode : 0)} before it was killed");
            var count = CommittedDocuments(database);
            if (count >= atLeast)
            {
                return count;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"fewer than {atLeast} documents were stored in 3 minutes");
    }
}

/// <summary>The crash test on an SQLite file, and what <c>check</c> says of a file damaged behind the store's back.</summary>
public sealed class SqliteCrashSafetyTests : CrashSafetyTests
{
    protected override string NewDatabase() => Path.Combine(Dir.Path, "kb.db");

    protected override int CommittedDocuments(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The schema is being created: look again.
            return 0;
        }
    }

    [Fact]
    public void Check_names_what_a_store_damaged_behind_its_back_has_lost()
    {
        var database = Path.Combine(Dir.Path, "kb.db");
        Assert.Equal(0, CliRun.Of(Dir.Path, "--db", database, "ingest", TempFolder.SampleReports).ExitCode);
        Assert.Equal(0, CliRun.Of(Dir.Path, "--db", database, "check").ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM documents_fts WHERE rowid = (SELECT max(seq) FROM documents)";
            command.ExecuteNonQuery();
        }

        var check = CliRun.Of(Dir.Path, "--db", database, "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("documents_fts", check.Error, StringComparison.Ordinal);
        Assert.Contains("problems", check.Output, StringComparison.Ordinal);
    }
}

/// <summary>
/// The crash test on a database of the PostgreSQL server the test run starts: the killed process's connection
/// drops with its transaction open, and the server must roll it back.
/// </summary>
public sealed class PostgresCrashSafetyTests : CrashSafetyTests
{
    private readonly List<string> _databases = [];

    public override void Dispose()
    {
        foreach (var name in _databases)
        {
            PostgresServer.DropDatabase(name);
        }

        base.Dispose();
    }

    protected override string NewDatabase()
    {
        var (name, location) = PostgresServer.CreateDatabase();
        _databases.Add(name);
        return location;
    }

    protected override int CommittedDocuments(string database)
    {
        using var connection = PostgresServer.Connect(_databases.Single());
        try
        {
            using var command = new NpgsqlCommand("SELECT count(*) FROM documents", connection);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The ingest has not created its tables yet: look again.
            return 0;
        }
    }
}
