using System.Diagnostics;
using System.Text.Json;
using Harmattan.Corpus;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Tests;

/// <summary>
/// A real <c>harmattan ingest</c> process killed with SIGKILL in the middle of a corpus: the store it
/// leaves is consistent, and running the same ingest again stores the rest, with no document twice and
/// none lost.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Reports = 120;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_killed_ingest_leaves_a_consistent_store_and_resumes_without_duplicates_or_losses()
    {
        var corpus = Path.Combine(_dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        var generator = CorpusGenerator.Load(DataDirectory.Locate(Path.Combine(Harmattan.Tests.RepositoryRoot.Path, "data")));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Reports; i++)
        {
            var report = generator.Generate(7, i);
            File.WriteAllText(Path.Combine(corpus, $"{i:D4}.txt"), report.Text);
        }

        var database = Path.Combine(_dir.Path, "kb.db");
        using (var process = StartIngest(corpus, database))
        {
            // Kill it once some documents are committed and more are on their way.
            var stored = await WaitForDocuments(database, process, atLeast: 15);
            Assert.True(stored < Reports, $"the ingest finished ({stored} documents) before it could be killed; make the corpus larger");
            process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no flush, no goodbye
            await process.WaitForExitAsync();
        }

        var check = CliRun.Of(_dir.Path, "--db", database, "check");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        int before;
        using (var store = KnowledgeStore.Open(database))
        {
            before = (int)store.CountDocuments();
        }

        var resumed = CliRun.Of(_dir.Path, "--db", database, "ingest", corpus);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{Reports - before} added, {before} unchanged, 0 failed", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of(_dir.Path, "--db", database, "check").ExitCode);
        var stats = JsonDocument.Parse(CliRun.Of(_dir.Path, "--db", database, "stats", "--json").Output).RootElement;
        Assert.Equal(Reports, stats.GetProperty("documents").GetInt32());
        var listed = JsonDocument.Parse(CliRun.Of(_dir.Path, "--db", database, "docs", "--limit", "1000", "--json").Output).RootElement;
        foreach (var doc in listed.EnumerateArray())
        {
            Assert.True(ids.Add(doc.GetProperty("id").GetString()!), "a document is stored twice");
        }

        Assert.Equal(Reports, ids.Count);
    }

    [Fact]
    public void Check_names_what_a_store_damaged_behind_its_back_has_lost()
    {
        var database = Path.Combine(_dir.Path, "kb.db");
        Assert.Equal(0, CliRun.Of(_dir.Path, "--db", database, "ingest", TempFolder.SampleReports).ExitCode);
        Assert.Equal(0, CliRun.Of(_dir.Path, "--db", database, "check").ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM documents_fts WHERE rowid = (SELECT max(seq) FROM documents)";
            command.ExecuteNonQuery();
        }

        var check = CliRun.Of(_dir.Path, "--db", database, "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("documents_fts", check.Error, StringComparison.Ordinal);
        Assert.Contains("problems", check.Output, StringComparison.Ordinal);
    }

    /// <summary>The CLI in a process of its own, one extraction thread so the run lasts long enough to be killed.</summary>
    private static Process StartIngest(string corpus, string database)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "harmattan.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(database)!,
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

    private static async Task<int> WaitForDocuments(string database, Process process, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the ingest exited with {(process.HasExited ? process.ExitCode : 0)} before it was killed");
            if (File.Exists(database))
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
                try
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM documents";
                    var count = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                    if (count >= atLeast)
                    {
                        return count;
                    }
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // The schema is being created: look again.
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"fewer than {atLeast} documents were stored in 3 minutes");
    }
}
