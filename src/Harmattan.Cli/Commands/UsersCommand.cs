using System.CommandLine;
using System.Globalization;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>users add NAME --role ROLE | list | disable NAME</c>: who may use the server, and with which role.</summary>
internal static class UsersCommand
{
    /// <summary>
    /// The verbs' access policy, said in the help of users and tokens: roles and tokens govern the API; on the
    /// command line, whoever can write the knowledge base is its admin, since they could change any table directly.
    /// </summary>
    public const string LocalAdmin =
        "Verbs are not role-checked: whoever can write the knowledge base (the SQLite file, or the PostgreSQL login) is its admin, "
        + "as they could change its tables directly; protect it with file permissions or database roles. Roles and tokens govern the API (serve).";

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("users", "Manage the users of a shared knowledge base (roles: viewer, analyst, admin). " + LocalAdmin);
        command.Subcommands.Add(Add(env));
        command.Subcommands.Add(List(env));
        command.Subcommands.Add(Disable(env));
        return command;
    }

    private static Option<string> By() =>
        new("--by") { Description = "Who makes the change (recorded in the audit log). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };

    private static Command Add(CliEnvironment env)
    {
        var name = new Argument<string>("NAME") { Description = "Letters, digits, '.', '_', '-' or '@'." };
        var role = new Option<string>("--role") { Description = "viewer, analyst or admin.", Required = true };
        var by = By();
        var json = CommonOptions.Json();
        var command = new Command("add", "Add a user with a role; then 'tokens issue NAME' gives them a token.") { name, role, by, json };
        command.SetAction(parse =>
        {
            var parsedRole = KnowledgeStore.ParseRole(parse.GetValue(role)!);
            using var store = Workspace.OpenStore(parse, env);
            var user = store.AddUser(parse.GetValue(name)!, parsedRole, parse.GetValue(by));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, Json(user));
            }
            else
            {
                env.Output.WriteLine($"added {user.Name} ({KnowledgeStore.RoleName(user.Role)})");
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List users, disabled ones included.") { json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var users = store.ListUsers();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, users.Select(Json));
                return HarmattanCli.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("user", "role", "created by", "created", "disabled");
            foreach (var u in users)
            {
                table.AddRow(
                    Markup.Escape(u.Name), KnowledgeStore.RoleName(u.Role), Markup.Escape(u.CreatedBy), Time(u.CreatedAt),
                    u.DisabledAt is { } at ? Markup.Escape($"{u.DisabledBy} {Time(at)}") : "");
            }

            env.Console.Write(table);
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{users.Count} user(s)"));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command Disable(CliEnvironment env)
    {
        var name = new Argument<string>("NAME");
        var by = By();
        var command = new Command("disable", "Disable a user: every token of theirs is refused from now on.") { name, by };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var user = store.DisableUser(parse.GetValue(name)!, parse.GetValue(by));
            env.Output.WriteLine($"disabled {user.Name} (by {user.DisabledBy} at {Time(user.DisabledAt!.Value)})");
            return HarmattanCli.Ok;
        });
        return command;
    }

    internal static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static object Json(User u) => new
    {
        u.Name,
        Role = KnowledgeStore.RoleName(u.Role),
        u.CreatedBy,
        u.CreatedAt,
        u.DisabledBy,
        u.DisabledAt,
    };
}
