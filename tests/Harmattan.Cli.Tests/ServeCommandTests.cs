namespace Harmattan.Cli.Tests;

/// <summary>
/// The serve verb's checks before it starts listening: bad options and an unusable database are the
/// CLI's usage errors, so nothing is served. The endpoints themselves are tested in Harmattan.Server.Tests.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--port", "70000")]
    [InlineData("--bind", "everywhere")]
    [InlineData("--max-upload-mb", "0")]
    [InlineData("--cache-mb", "-1")]
    public void Bad_options_are_usage_errors_naming_the_option(string option, string value)
    {
        var run = CliRun.Of(_folder.Path, "serve", option, value);
        Assert.Equal(HarmattanCli.UsageError, run.ExitCode);
        Assert.Contains($"[HRM0401] {option}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_before_serving()
    {
        var notDb = _folder.File("notes.db", "these are notes, not a database");
        var run = CliRun.Of(_folder.Path, "--db", notDb, "serve", "--port", "5097");
        Assert.Equal(HarmattanCli.UsageError, run.ExitCode);
        Assert.Contains("[HRM0201]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", run.Output, StringComparison.Ordinal);
    }
}
