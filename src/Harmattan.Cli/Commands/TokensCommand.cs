using System.CommandLine;
using System.Globalization;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>tokens issue USER | list | revoke ID</c>: API tokens; a secret is printed once, when issued.</summary>
internal static class TokensCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("tokens", "Manage API tokens (the server's 'Authorization: Bearer SECRET'). " + UsersCommand.LocalAdmin);
        command.Subcommands.Add(Issue(env));
        command.Subcommands.Add(List(env));
        command.Subcommands.Add(Revoke(env));
        return command;
    }

    private static Option<string> By() =>
        new("--by") { Description = "Who makes the change (recorded in the audit log). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };

    private static Command Issue(CliEnvironment env)
    {
        var user = new Argument<string>("USER");
        var name = new Option<string?>("--name") { Description = "What the token is for (a laptop, a script)." };
        var by = By();
        var json = CommonOptions.Json();
        var command = new Command("issue", "Issue a token for a user and print its secret, once: it cannot be shown again.") { user, name, by, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var issued = store.IssueToken(parse.GetValue(user)!, parse.GetValue(name), parse.GetValue(by));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new { issued.Token.Id, issued.Token.User, issued.Token.Name, issued.Secret });
            }
            else
            {
                env.Output.WriteLine($"token {issued.Token.Id} for {issued.Token.User}; its secret (shown only now):");
                env.Output.WriteLine(issued.Secret);
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var user = new Option<string?>("--user") { Description = "Only this user's tokens." };
        var json = CommonOptions.Json();
        var command = new Command("list", "List tokens (never their secrets), revoked ones included.") { user, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var tokens = store.ListTokens(parse.GetValue(user));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, tokens);
                return HarmattanCli.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("token", "user", "name", "created", "last used", "revoked");
            foreach (var t in tokens)
            {
                table.AddRow(
                    t.Id, Markup.Escape(t.User), Markup.Escape(t.Name), UsersCommand.Time(t.CreatedAt),
                    t.LastUsedAt is { } used ? UsersCommand.Time(used) : "",
                    t.RevokedAt is { } at ? Markup.Escape($"{t.RevokedBy} {UsersCommand.Time(at)}") : "");
            }

            env.Console.Write(table);
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tokens.Count} token(s)"));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command Revoke(CliEnvironment env)
    {
        var id = new Argument<string>("ID") { Description = "The token id (tok_...), as 'tokens list' shows it." };
        var by = By();
        var command = new Command("revoke", "Revoke a token: its secret is refused from now on.") { id, by };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var token = store.RevokeToken(parse.GetValue(id)!, parse.GetValue(by));
            env.Output.WriteLine($"revoked {token.Id} of {token.User}");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
