using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary>merge, split, entity-log and resolutions through the real CLI, on reports ingested by the real pipeline.</summary>
public sealed class EntityChangeCliTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public EntityChangeCliTests()
    {
        _dir.File("in/kidal.txt",
            "Kidal, Mali\n\nFighters of Ansar Dine entered Kidal on 30 March 2012, residents said. "
            + "The Kidal Youth Committee said shops had been looted. "
            + "The MNLA said its fighters had held the town since the morning.");
        _dir.File("in/gao.txt",
            "Gao, Mali\n\nThe Movement for Oneness and Jihad in West Africa drove the MNLA out of Gao in June 2012, "
            + "a spokesman for the MNLA said. The Youth Committee of Kidal said families from Kidal had reached Gao.");
        Assert.Equal(0, Run("ingest", Path.Combine(_dir.Path, "in")).ExitCode);
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void Merge_records_who_and_split_by_the_absorbed_name_undoes_it()
    {
        var merge = Run("merge", "Ansar Dine", "Gao", "--by", "amina");
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("[HRM0212]", merge.Error, StringComparison.Ordinal);
        Assert.Contains("different types never merge", merge.Error, StringComparison.Ordinal);

        // Two registry entries are two actors for the registry too: not merged.
        merge = Run("merge", "Ansar Dine", "MNLA");
        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("registry lists them as different actors", merge.Error, StringComparison.Ordinal);

        // One committee named two ways, which no rule links: the analyst merges them.
        merge = Run("merge", "Kidal Youth Committee", "Youth Committee of Kidal", "--by", "amina", "--json");
        Assert.Equal(0, merge.ExitCode);
        var change = JsonDocument.Parse(merge.Output).RootElement;
        Assert.Equal("merge", change.GetProperty("kind").GetString());
        Assert.Equal("amina", change.GetProperty("by").GetString());
        Assert.Equal("Youth Committee of Kidal", change.GetProperty("other_name").GetString());
        Assert.True(change.GetProperty("rows").GetInt32() > 0);

        var log = Run("entity-log", "Kidal Youth Committee");
        Assert.Equal(0, log.ExitCode);
        Assert.Contains(change.GetProperty("id").GetString()!, log.Output, StringComparison.Ordinal);
        Assert.Contains("amina", log.Output, StringComparison.Ordinal);

        var split = Run("split", "Youth Committee of Kidal", "--by", "ibrahim");
        Assert.Equal(0, split.ExitCode);
        Assert.Contains("undone by ibrahim", split.Output, StringComparison.Ordinal);
        var entries = JsonDocument.Parse(Run("entity-log", "--json").Output).RootElement;
        Assert.Equal("ibrahim", Assert.Single(entries.EnumerateArray()).GetProperty("undone_by").GetString());

        var again = Run("split", "Youth Committee of Kidal");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("[HRM0213]", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_by_document_gives_that_document_a_new_entity_and_split_by_change_id_undoes_it()
    {
        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement.EnumerateArray()
            .ToDictionary(d => Path.GetFileName(d.GetProperty("source").GetString()!), d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);

        var split = Run("split", "MNLA", "--document", docs["gao.txt"][..8], "--json");

        Assert.Equal(0, split.ExitCode);
        var change = JsonDocument.Parse(split.Output).RootElement;
        Assert.Equal("split", change.GetProperty("kind").GetString());
        var newId = change.GetProperty("other").GetString()!;
        var gao = JsonDocument.Parse(Run("show", docs["gao.txt"], "--json").Output).RootElement;
        Assert.Contains(gao.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == newId);

        var ambiguous = Run("merge", "MNLA", "MNLA");
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("[HRM0211]", ambiguous.Error, StringComparison.Ordinal);
        Assert.Contains(newId, ambiguous.Error, StringComparison.Ordinal);

        var undo = Run("split", change.GetProperty("id").GetString()!);
        Assert.Equal(0, undo.ExitCode);
        gao = JsonDocument.Parse(Run("show", docs["gao.txt"], "--json").Output).RootElement;
        Assert.DoesNotContain(gao.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == newId);
    }

    [Fact]
    public void Merge_and_split_with_expect_refuse_a_state_someone_changed_meanwhile()
    {
        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement.EnumerateArray()
            .ToDictionary(d => Path.GetFileName(d.GetProperty("source").GetString()!), d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Contains("latest change in force on Kidal Youth Committee: none", Run("entity-log", "Kidal Youth Committee").Output, StringComparison.Ordinal);

        // Both analysts looked when nothing had changed; amina merges first.
        var merge = Run("merge", "Kidal Youth Committee", "Youth Committee of Kidal", "--by", "amina", "--expect", "none", "--expect-absorbed", "none", "--json");
        Assert.Equal(0, merge.ExitCode);
        var id = JsonDocument.Parse(merge.Output).RootElement.GetProperty("id").GetString()!;

        var stale = Run("split", "Kidal Youth Committee", "--document", docs["gao.txt"], "--by", "ibrahim", "--expect", "none");

        Assert.Equal(2, stale.ExitCode);
        Assert.Contains("[HRM0221]", stale.Error, StringComparison.Ordinal);
        Assert.Contains(id, stale.Error, StringComparison.Ordinal);
        Assert.Contains("entity-log", stale.Error, StringComparison.Ordinal);
        Assert.Contains($"latest change in force on Kidal Youth Committee: {id}", Run("entity-log", "Kidal Youth Committee").Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("split", "Kidal Youth Committee", "--document", docs["gao.txt"], "--by", "ibrahim", "--expect", id).ExitCode);
        var undoWithExpect = Run("split", id, "--expect", id);
        Assert.Equal(2, undoWithExpect.ExitCode);
        Assert.Contains("[HRM0401] --expect", undoWithExpect.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolutions_show_how_each_entity_was_linked()
    {
        var docs = JsonDocument.Parse(Run("docs", "--json").Output).RootElement.EnumerateArray()
            .ToDictionary(d => Path.GetFileName(d.GetProperty("source").GetString()!), d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);

        // A folder is ingested in name order: Gao's report first, so Kidal's finds the MNLA stored.
        string Method(string file)
        {
            var run = Run("resolutions", docs[file], "--json");
            Assert.Equal(0, run.ExitCode);
            return Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray(), r => r.GetProperty("name").GetString() == "MNLA")
                .GetProperty("method").GetString()!;
        }

        Assert.Equal("new", Method("gao.txt"));
        Assert.Equal("id", Method("kidal.txt"));
        Assert.Contains("MNLA", Run("resolutions", docs["kidal.txt"]).Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("resolutions", "0000000000").ExitCode);
    }
}
