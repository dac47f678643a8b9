using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;

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
            using var store = Workspace.OpenStore(parse, env);
            var changes = store.ListChanges(parse.GetValue(entity), parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, changes.Select(EntityChangeOutput.Json));
                return HarmattanCli.Ok;
            }

            env.Console.Write(EntityChangeOutput.Table(changes));
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{changes.Count} change(s)"));
            if (parse.GetValue(entity) is { } name && Latest(store, name) is { } latest)
            {
                // What merge/split --expect takes to change this entity only if nobody else has since.
                env.Output.WriteLine($"latest change in force on {name}: {latest}");
            }
            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>The entity's latest change in force (or none); null for a name that is no entity now (an absorbed one) or several.</summary>
    private static string? Latest(KnowledgeStore store, string name)
    {
        try
        {
            return store.LatestChange(name)?.Id ?? KnowledgeStore.NoChange;
        }
        catch (HarmattanException e) when (e.Error == HarmattanError.EntityNotFound || e.Error == HarmattanError.AmbiguousEntity)
        {
            return null;
        }
    }
}
