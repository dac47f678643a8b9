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
}
