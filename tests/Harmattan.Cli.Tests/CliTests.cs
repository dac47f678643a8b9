using System.Globalization;
using System.Text.Json;

namespace Harmattan.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void Init_creates_a_knowledge_base_in_the_working_directory()
    {
        var run = Run("init");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("schema version", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "harmattan.db")));
    }

    [Fact]
    public void A_verb_that_migrates_the_knowledge_base_says_so_first_and_only_then()
    {
        Assert.Equal(0, Run("ingest", TempFolder.SampleReports).ExitCode);
        var before = Counts(Run("stats", "--json").Output);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir.Path, "harmattan.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Harmattan.Store.Tests.OlderSchemas.VersionThirteen()
                + "UPDATE harmattan_meta SET value = '13' WHERE key = 'schema_version'; PRAGMA user_version = 13;";
            command.ExecuteNonQuery();
        }

        var migrated = Run("stats", "--json");

        Assert.Equal(0, migrated.ExitCode);
        Assert.StartsWith("harmattan: migrating ", migrated.Error, StringComparison.Ordinal);
        Assert.Contains($"harmattan.db from schema version 13 to {Harmattan.Store.KnowledgeStore.LatestSchemaVersion};", migrated.Error, StringComparison.Ordinal);
        Assert.Equal(before, Counts(migrated.Output));
        var again = Run("stats", "--json");
        Assert.Equal("", again.Error);
        Assert.Equal(before, Counts(again.Output));

        // The migrated file keeps the pages it freed, so its size is not compared.
        static string Counts(string stats)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(stats)!.AsObject();
            json.Remove("size_bytes");
            return json.ToJsonString();
        }
    }

    [Fact]
    public void Ingesting_the_samples_twice_adds_then_reports_unchanged()
    {
        var first = Run("ingest", TempFolder.SampleReports);
        var count = Directory.EnumerateFiles(TempFolder.SampleReports).Count();

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{count} added, 0 unchanged, 0 failed", first.Output, StringComparison.Ordinal);

        var second = Run("ingest", TempFolder.SampleReports);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"0 added, {count} unchanged, 0 failed", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_fails_with_its_code_and_name_while_the_good_ones_are_stored()
    {
        var good = _dir.File("in/good.txt", "Timbuktu, Mali\n\nFighters of Ansar Dine entered Timbuktu in April 2012, a resident said.");
        var empty = _dir.File("in/empty.txt", "");
        _dir.Bytes("in/binary.txt", [0x4d, 0x5a, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff]);

        var run = Run("ingest", Path.Combine(_dir.Path, "in"), Path.Combine(_dir.Path, "missing.md"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 added, 0 unchanged, 3 failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("[HRM0101]", run.Error, StringComparison.Ordinal);
        Assert.Contains(empty, run.Error, StringComparison.Ordinal);
        Assert.Contains("[HRM0103]", run.Error, StringComparison.Ordinal);
        Assert.Contains("[HRM0106]", run.Error, StringComparison.Ordinal);
        Assert.Contains("missing.md", run.Error, StringComparison.Ordinal);

        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement;
        Assert.Equal(1, docs.GetArrayLength());
        Assert.Equal(good, docs[0].GetProperty("source").GetString());
    }

    [Fact]
    public void A_write_the_database_fails_is_HRM0222_naming_it_and_what_was_stored_before_stays()
    {
        var database = Path.Combine(_dir.Path, "harmattan.db");
        var first = _dir.File("first.txt", "Timbuktu, Mali\n\nFighters of Ansar Dine entered Timbuktu in April 2012, a resident said.");
        var second = _dir.File("second.txt", "Gao, Mali\n\nThe MNLA said on Monday that its fighters had left Gao.");
        Assert.Equal(0, Run("ingest", first).ExitCode);

        // The database refuses the ingest's write midway (here a trigger on the audit log, written after the
        // document's rows; a full disk or a lock held past the timeouts fail the same way).
        Sql(database, "CREATE TRIGGER refuse AFTER INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no space left for the audit log'); END");
        var run = Run("ingest", second);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"[HRM0222] {database}: the database failed the operation", run.Error, StringComparison.Ordinal);
        Assert.Contains("no space left for the audit log", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement;
        Assert.Equal([first], docs.EnumerateArray().Select(d => d.GetProperty("source").GetString()));

        // Nothing of the refused document was left behind: once the database takes writes again, it is stored whole.
        Sql(database, "DROP TRIGGER refuse");
        Assert.Equal(0, Run("check").ExitCode);
        Assert.Equal(0, Run("ingest", second).ExitCode);
        Assert.Equal(2, JsonDocument.Parse(Run("docs", "--json").Output).RootElement.GetArrayLength());
    }

    private static void Sql(string database, string statement)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Standard_input_is_ingested_with_the_metadata_given_on_the_command_line()
    {
        var run = CliRun.WithStdin(_dir.Path, "MNLA fighters took Kidal on 30 March 2012, the group's spokesman said.",
            "ingest", "-", "--title", "Wire note", "--published", "2012-04-01", "--url", "https://example.org/wire");

        Assert.Equal(0, run.ExitCode);
        var doc = JsonDocument.Parse(Run("docs", "--json").Output).RootElement[0];
        Assert.Equal("Wire note", doc.GetProperty("title").GetString());
        Assert.Equal("2012-04-01", doc.GetProperty("published").GetString());
    }

    [Fact]
    public void A_plain_text_report_takes_its_date_from_the_date_line_at_its_top()
    {
        var file = _dir.File("note.txt", "Field note from Gao\nPublished 3 May 2013\n\nMUJAO fighters attacked the market in Gao on 2 May, residents said.");

        Assert.Equal(0, Run("ingest", file).ExitCode);

        var doc = JsonDocument.Parse(Run("docs", "--json").Output).RootElement[0];
        Assert.Equal("2013-05-03", doc.GetProperty("published").GetString());
        var shown = JsonDocument.Parse(Run("show", doc.GetProperty("id").GetString()!, "--json").Output).RootElement;
        Assert.Contains(shown.GetProperty("events").EnumerateArray(), e => e.GetProperty("date").GetString() == "2013-05-02");
    }

    [Fact]
    public void A_file_that_is_not_a_harmattan_database_is_refused_untouched()
    {
        var notes = _dir.File("notes.db", "these are my notes, not a database");

        var run = Run("--db", notes, "stats");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[HRM0201]", run.Error, StringComparison.Ordinal);
        Assert.Contains("notes.db", run.Error, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(notes));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ingest")]
    [InlineData("show")]
    [InlineData("docs", "--limit", "many")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var run = Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public void A_bad_published_date_is_a_usage_error_naming_the_option()
    {
        var file = _dir.File("a.txt", "Gao was taken by MUJAO fighters in June 2012.");

        var run = Run("ingest", file, "--published", "last Tuesday");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[HRM0401] --published", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_finds_a_document_by_prefix_and_refuses_an_unknown_id()
    {
        Run("ingest", TempFolder.SampleReports);
        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement;
        var id = docs[0].GetProperty("id").GetString()!;

        var shown = Run("show", id[..8], "--json");
        Assert.Equal(0, shown.ExitCode);
        var json = JsonDocument.Parse(shown.Output).RootElement;
        Assert.Equal(id, json.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal("utf16", json.GetProperty("offsets").GetString());

        // Every layer is shown, relations and attributes included, for some sample report.
        var all = docs.EnumerateArray()
            .Select(d => JsonDocument.Parse(Run("show", d.GetProperty("id").GetString()!, "--json").Output).RootElement)
            .ToList();
        Assert.Contains(all, d => d.GetProperty("relations").GetArrayLength() > 0);
        Assert.Contains(all, d => d.GetProperty("attributes").EnumerateArray().Any(a => a.GetProperty("name").GetString() == "leader"));

        var missing = Run("show", "ffffffffffff");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("[HRM0204]", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ranks_documents_and_highlights_the_matched_words()
    {
        Run("ingest", TempFolder.SampleReports);

        var run = Run("search", "Kidal");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[[Kidal]]", run.Output, StringComparison.Ordinal);
        var hits = JsonDocument.Parse(Run("search", "Kidal", "--json").Output).RootElement;
        Assert.True(hits.GetArrayLength() > 0);
        var scores = hits.EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        // bm25 scores of seven reports are small: the listing shows them to three significant digits, not as 0.00.
        Assert.All(scores, s => Assert.True(s > 0, $"score {s}"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"score {scores[0]:G3})"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_counts_what_was_ingested()
    {
        Run("ingest", TempFolder.SampleReports);

        var stats = JsonDocument.Parse(Run("stats", "--json").Output).RootElement;

        Assert.True(stats.GetProperty("documents").GetInt64() >= 7);
        Assert.True(stats.GetProperty("entities").GetInt64() > 20);
        Assert.True(stats.GetProperty("top_entities").GetArrayLength() > 0);
    }
}
