using System.CommandLine;
using System.Globalization;

namespace Harmattan.Cli.Commands;

/// <summary><c>entity-log [ENTITY]</c>: merges and splits, newest first, with who, when and whether undone.</summary>
internal static class EntityLogCommand
{
    public static Command Create(CliEnvironment env)
    {
        var entity = new Argument<string?>("ENTITY") { Description = "Only changes involving this entity (id, name or alias; absorbed names work too).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(100);
        var command = new Command("entity-log", "List merges and splits of entities, newest first.") { entity, json, limit };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse);
            var changes = store.ListChanges(parse.GetValue(entity), parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, changes.Select(EntityChangeOutput.Json));
                return HarmattanCli.Ok;
            }

            env.Console.Write(EntityChangeOutput.Table(changes));
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{changes.Count} change(s)"));
            return HarmattanCli.Ok;
        });
        return command;
    }
}
