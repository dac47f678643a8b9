using System.Text;
using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary>delete through the real CLI: asked or refused without --yes, audited, checked whole, and the text can come back.</summary>
public sealed class DeleteCliTests : IDisposable
{
    private const string Kidal =
        "Kidal, Mali\n\nFighters of Ansar Dine entered Kidal on 30 March 2012, residents said. "
        + "The MNLA said its fighters had held the town since the morning.";

    private readonly TempFolder _dir = new();
    private readonly string _kidal;
    private readonly string _id;

    public DeleteCliTests()
    {
        _kidal = _dir.File("in/kidal.txt", Kidal);
        _dir.File("in/gao.txt", "Gao, Mali\n\nMUJAO drove the MNLA out of Gao in June 2012, a spokesman for the MNLA said.");
        Assert.Equal(0, Run("ingest", Path.Combine(_dir.Path, "in")).ExitCode);
        _id = Documents().Single(d => d.Title == "Kidal, Mali").Id;
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    private List<(string Id, string Title)> Documents() =>
        JsonDocument.Parse(Run("docs", "--json").Output).RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("title").GetString()!))
            .ToList();

    [Fact]
    public void Without_yes_a_script_is_refused_and_nothing_is_deleted()
    {
        var refused = Run("delete", _id[..8]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("[HRM0401] --yes", refused.Error, StringComparison.Ordinal);
        Assert.Contains("deleting cannot be undone", refused.Error, StringComparison.Ordinal);
        Assert.Contains("'Kidal, Mali'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, Documents().Count);
    }

    [Fact]
    public void An_unknown_document_among_several_deletes_none()
    {
        var refused = Run("delete", _id, "0000000000", "--yes");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("[HRM0204]", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, Documents().Count);
    }

    [Fact]
    public void Delete_with_yes_removes_the_document_is_audited_and_the_same_file_can_be_ingested_again()
    {
        var deleted = Run("delete", _id[..10], "--yes", "--by", "amina", "--json");

        Assert.Equal(0, deleted.ExitCode);
        var result = JsonDocument.Parse(deleted.Output).RootElement.EnumerateArray().Single();
        Assert.Equal((_id, "amina"), (result.GetProperty("id").GetString(), result.GetProperty("by").GetString()));
        Assert.Contains(result.GetProperty("removed_entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Ansar Dine");
        Assert.Equal(["Gao, Mali"], Documents().Select(d => d.Title));
        Assert.Equal(0, Run("check").ExitCode);
        Assert.Equal(2, Run("show", _id).ExitCode);
        var audit = JsonDocument.Parse(Run("audit", "--action", "delete", "--json").Output).RootElement;
        Assert.Equal(("amina", _id), (audit.GetProperty("by").GetString(), audit.GetProperty("subject").GetString()));

        var again = Run("ingest", _kidal);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1 added", again.Output, StringComparison.Ordinal);
        Assert.Contains(_id, Documents().Select(d => d.Id));
        Assert.Equal(0, Run("check").ExitCode);
    }

    [Fact]
    public void In_a_terminal_it_asks_and_only_yes_deletes()
    {
        var database = Path.Combine(_dir.Path, "harmattan.db");

        var declined = Interactive("n\n", "--db", database, "delete", _id);
        Assert.Equal(2, declined.Code);
        Assert.Contains("will delete " + _id[..12] + " 'Kidal, Mali'", declined.Output, StringComparison.Ordinal);
        Assert.Contains("nothing deleted", declined.Output, StringComparison.Ordinal);
        Assert.Equal(2, Documents().Count);

        var accepted = Interactive("y\n", "--db", database, "delete", _id);
        Assert.Equal(0, accepted.Code);
        Assert.Contains("deleted " + _id[..12] + " 'Kidal, Mali'", accepted.Output, StringComparison.Ordinal);
        Assert.Single(Documents());
    }

    /// <summary>A run as from a terminal (the CLI may ask), answering from <paramref name="stdin"/>.</summary>
    private static (int Code, string Output) Interactive(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var env = new CliEnvironment(output, new StringWriter(), () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), interactive: true);
        return (HarmattanCli.Run(args, env), output.ToString());
    }
}
