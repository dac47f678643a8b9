using System.Text.Json;

namespace Harmattan.Cli.Tests;

/// <summary>users, tokens and audit: a secret printed once, exit codes and codes for mistakes, the audit export as JSON Lines.</summary>
public sealed class TeamCliTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of(_dir.Path, args);

    [Fact]
    public void Users_and_tokens_are_managed_and_every_change_is_in_the_audit_export()
    {
        Assert.Equal(0, Run("users", "add", "amina", "--role", "admin", "--by", "root").ExitCode);
        Assert.Equal(0, Run("users", "add", "moussa", "--role", "viewer", "--by", "amina").ExitCode);
        var duplicate = Run("users", "add", "amina", "--role", "viewer");
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("[HRM0219]", duplicate.Error, StringComparison.Ordinal);
        var badRole = Run("users", "add", "idrissa", "--role", "owner");
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("[HRM0401]", badRole.Error, StringComparison.Ordinal);

        var issued = JsonDocument.Parse(Run("tokens", "issue", "amina", "--name", "laptop", "--by", "root", "--json").Output).RootElement;
        var secret = issued.GetProperty("secret").GetString()!;
        var id = issued.GetProperty("id").GetString()!;
        Assert.StartsWith("hrm_", secret, StringComparison.Ordinal);
        var list = Run("tokens", "list", "--json");
        Assert.Contains(id, list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("tokens", "revoke", id, "--by", "amina").ExitCode);
        Assert.Contains("[HRM0220]", Run("tokens", "revoke", "tok_nothing", "--by", "amina").Error, StringComparison.Ordinal);
        Assert.Equal(0, Run("users", "disable", "moussa", "--by", "amina").ExitCode);
        Assert.Contains("amina 2", Run("users", "list").Output.Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, Run("ingest", TempFolder.SampleReports).ExitCode);

        var export = Run("audit", "--json", "--by", "amina");
        Assert.Equal(0, export.ExitCode);
        var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["user.add", "token.revoke", "user.disable"], lines.Select(l => l.GetProperty("action").GetString()));
        Assert.Equal("moussa", lines[2].GetProperty("subject").GetString());

        var ingests = Run("audit", "--json", "--action", "ingest").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Directory.EnumerateFiles(TempFolder.SampleReports).Count(), ingests.Length);
        Assert.Contains("token.issue", Run("audit", "--since", "2000-01-01").Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("audit", "--since", "yesterday").ExitCode);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("tokens")]
    public void The_help_says_that_the_verbs_are_not_role_checked_and_why(string verb)
    {
        var help = Run(verb, "--help");

        Assert.Equal(0, help.ExitCode);
        var text = string.Join(' ', help.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not role-checked: whoever can write the knowledge base", text, StringComparison.Ordinal);
        Assert.Contains("Roles and tokens govern the API", text, StringComparison.Ordinal);
    }
}
