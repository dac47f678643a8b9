using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary>The export verb as a user runs it, on a knowledge base the ingest verb built from the sample reports.</summary>
public sealed class ExchangeCommandTests(QueryWorkspace workspace) : IClassFixture<QueryWorkspace>
{
    [Theory]
    [InlineData("stix")]
    [InlineData("acled")]
    [InlineData("graphml")]
    [InlineData("geojson")]
    [InlineData("jsonl")]
    public void Export_writes_each_format_to_a_file(string format)
    {
        var file = Path.Combine(workspace.Folder.Path, "out." + format);
        var run = CliRun.Of(workspace.Folder.Path, "export", "--format", format, "-o", file);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"wrote {format} to {file}", run.Error, StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length > 1000);
    }

    [Fact]
    public void Export_to_standard_output_narrowed_to_an_actor()
    {
        var run = CliRun.Of(workspace.Folder.Path, "export", "--format", "jsonl", "--actor", "MUJAO");
        Assert.Equal(0, run.ExitCode);
        var relations = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(o => o.GetProperty("kind").GetString() == "relation").ToList();
        Assert.NotEmpty(relations);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_naming_the_option()
    {
        var run = CliRun.Of(workspace.Folder.Path, "export", "--format", "kml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[HRM0401] --format", run.Error, StringComparison.Ordinal);
        Assert.Contains("stix, acled, graphml, geojson, jsonl", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_actor_exits_1_and_says_so()
    {
        var run = CliRun.Of(workspace.Folder.Path, "export", "--format", "stix", "--actor", "Nobody At All");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HRM0210", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_named()
    {
        var run = CliRun.Of(workspace.Folder.Path, "export", "--format", "stix", "-o", "/nonexistent-dir/x.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent-dir/x.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_writes_markdown_to_standard_output_and_html_to_a_file()
    {
        var markdown = CliRun.Of(workspace.Folder.Path, "brief", "--actor", "Ansar Dine");
        Assert.True(markdown.ExitCode == 0, markdown.Error);
        Assert.StartsWith("# Briefing: Ansar Dine", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("[^1]:", markdown.Output, StringComparison.Ordinal);

        var file = Path.Combine(workspace.Folder.Path, "brief.html");
        var html = CliRun.Of(workspace.Folder.Path, "brief", "--since", "2012", "--until", "2013", "--format", "html", "-o", file);
        Assert.True(html.ExitCode == 0, html.Error);
        Assert.Contains("wrote the briefing to", html.Error, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "brief" }, "HRM0401")]
    [InlineData(new[] { "brief", "--actor", "MNLA", "--place", "Gao" }, "HRM0401")]
    [InlineData(new[] { "brief", "--actor", "MNLA", "--format", "pdf" }, "HRM0401")]
    public void Brief_usage_errors_exit_2_with_their_code(string[] args, string code)
    {
        var run = CliRun.Of(workspace.Folder.Path, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(code, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_reports_malformed_rows_by_line_and_exits_1_then_reimports_unchanged()
    {
        var folder = new TempFolder();
        try
        {
            var csv = folder.File(
                "events.csv",
                "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,country,location,latitude,longitude,notes,fatalities\n"
                + "CLI1,2013-02-21,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,16.27,-0.04,\"Clashes, then \"\"calm\"\"\",3\n"
                + "CLI2,someday,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,,,,0\n");
            var first = CliRun.Of(folder.Path, "import", csv);
            Assert.Equal(1, first.ExitCode);
            Assert.Contains("[HRM0113] " + csv + ":3: event_date 'someday' is not a date; skipped", first.Error, StringComparison.Ordinal);
            Assert.Contains("(acled): 1 added, 0 unchanged, 0 replaced, 1 malformed", first.Output, StringComparison.Ordinal);

            var again = CliRun.Of(folder.Path, "import", csv);
            Assert.Contains("0 added, 1 unchanged", again.Output, StringComparison.Ordinal);

            var stix = Path.Combine(Harmattan.Tests.RepositoryRoot.Path, "..", "shared", "standards", "stix-2.1", "examples", "threat-reports", "apt1.json");
            var bundle = CliRun.Of(folder.Path, "import", stix);
            Assert.True(bundle.ExitCode == 0, bundle.Error);
            Assert.Contains("(stix):", bundle.Output, StringComparison.Ordinal);
            Assert.Contains("have no Harmattan equivalent", bundle.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Dispose();
        }
    }

    [Fact]
    public void Import_of_a_file_that_is_not_an_import_names_it()
    {
        var folder = new TempFolder();
        try
        {
            var file = folder.File("notes.csv", "title,author\nA,B\n");
            var run = CliRun.Of(folder.Path, "import", file);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("[HRM0112] " + file, run.Error, StringComparison.Ordinal);
            var format = CliRun.Of(folder.Path, "import", file, "--format", "kml");
            Assert.Equal(2, format.ExitCode);
            Assert.Contains("[HRM0401] --format", format.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Dispose();
        }
    }
}
