using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary>review and reextract through the real CLI, on reports ingested by the real pipeline.</summary>
public sealed class ReviewCliTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public ReviewCliTests()
    {
        _dir.File("in/gao.txt",
            "Gao, Mali\n\nFighters of the Movement for Oneness and Jihad in West Africa attacked the MNLA in Gao on 27 June 2012, "
            + "a spokesman for the MNLA said. Ansar Dine fighters fought alongside the MNLA in Kidal.");
        Assert.Equal(0, Run("ingest", Path.Combine(_dir.Path, "in")).ExitCode);
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void A_fact_from_the_queue_is_corrected_kept_through_re_extraction_and_undone()
    {
        var queue = Run("review", "queue", "--kind", "event", "--json");
        Assert.Equal(0, queue.ExitCode);
        var item = JsonDocument.Parse(queue.Output).RootElement.GetProperty("items")[0];
        var fact = $"event:{item.GetProperty("document_id").GetString()![..12]}:{item.GetProperty("fact_id").GetString()}";

        var corrected = Run("review", "correct", fact, "--set", "date=2012-06-28", "--by", "amina");
        Assert.Equal(0, corrected.ExitCode);
        Assert.Contains("date: 2012-06-27 -> 2012-06-28", corrected.Output, StringComparison.Ordinal);
        Assert.Contains("by amina", corrected.Output, StringComparison.Ordinal);

        var reextract = Run("reextract", "--all");
        Assert.Equal(0, reextract.ExitCode);
        Assert.Contains("kept 1 reviewed", reextract.Output, StringComparison.Ordinal);
        Assert.Contains("2012-06-28", Run("timeline").Output, StringComparison.Ordinal);

        var log = JsonDocument.Parse(Run("review", "log", "--json").Output).RootElement;
        var id = log.GetProperty("reviews")[0].GetProperty("id").GetString()!;
        var undo = Run("review", "undo", id[..12], "--by", "ibrahim");
        Assert.Equal(0, undo.ExitCode);
        Assert.Contains("undone by ibrahim", undo.Output, StringComparison.Ordinal);
        Assert.Contains("2012-06-27", Run("timeline").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_review_commands_exit_non_zero_naming_the_problem()
    {
        var badFact = Run("review", "confirm", "gossip:123");
        Assert.NotEqual(0, badFact.ExitCode);
        Assert.Contains("[HRM0401]", badFact.Error, StringComparison.Ordinal);

        var badField = Run("review", "correct", "entity:MNLA", "--set", "colour=red");
        Assert.NotEqual(0, badField.ExitCode);
        Assert.Contains("no correctable field 'colour'", badField.Error, StringComparison.Ordinal);

        var unknown = Run("review", "undo", "rev_00000000000000");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("[HRM0216]", unknown.Error, StringComparison.Ordinal);

        var nothing = Run("reextract");
        Assert.NotEqual(0, nothing.ExitCode);
        Assert.Contains("--all", nothing.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(Run("review", "log", "--json").Output).RootElement.GetProperty("total").GetInt32());
    }
}
