using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>delete DOC... --yes</c>: removes stored documents with everything extracted from them (recorded in the
/// audit log). It cannot be undone, so it asks first in a terminal and needs <c>--yes</c> anywhere else.
/// </summary>
internal static class DeleteCommand
{
    public static Command Create(CliEnvironment env)
    {
        var documents = new Argument<string[]>("DOC") { Description = "Document ids or prefixes (6+ hex digits).", Arity = ArgumentArity.OneOrMore };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask: deleting cannot be undone." };
        var by = new Option<string>("--by") { Description = "Who deletes (recorded in the audit log). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };
        var json = CommonOptions.Json();
        var command = new Command(
            "delete",
            "Delete stored documents with their facts, mentions and the reviews of their facts; entities no other document names go too, "
            + "unless an analyst reviewed, merged or split them. Cannot be undone; the same text can be ingested again.")
        {
            documents, yes, by, json,
        };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            // Every id is checked before anything is deleted: a typo in the third deletes none.
            var targets = (parse.GetValue(documents) ?? []).Select(id => store.GetDocument(id).Document).DistinctBy(d => d.Id).ToList();
            if (!parse.GetValue(yes) && !Confirmed(env, targets))
            {
                return HarmattanCli.UsageError;
            }

            var deletions = targets.Select(d => store.DeleteDocument(d.Id, parse.GetValue(by))).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, deletions);
                return HarmattanCli.Ok;
            }

            foreach (var d in deletions)
            {
                env.Output.WriteLine(Line(d));
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// In a terminal, lists what would go and asks; elsewhere (a script, a pipe) refuses, since nobody can answer.
    /// </summary>
    private static bool Confirmed(CliEnvironment env, IReadOnlyList<Document> targets)
    {
        if (!env.Interactive)
        {
            throw HarmattanError.BadArgument.At("--yes", "deleting cannot be undone: run again with --yes to delete " + string.Join(", ", targets.Select(Describe)));
        }

        foreach (var d in targets)
        {
            env.Output.WriteLine("will delete " + Describe(d));
        }

        env.Output.Write("Delete for good, with the reviews of their facts? [y/N] ");
        using var input = new StreamReader(env.OpenStdin());
        var answer = input.ReadLine()?.Trim();
        if (string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        env.Output.WriteLine("nothing deleted");
        return false;
    }

    private static string Describe(Document d) => $"{Workspace.ShortId(d.Id)} '{d.Title}'";

    private static string Line(DocumentDeletion d)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"deleted {Workspace.ShortId(d.Id)} '{d.Title}': {d.Facts} facts, {d.Mentions} mentions, {d.Reviews} reviews; {d.RemovedEntities.Count} entities no other document names removed");
        if (d.KeptEntities.Count > 0)
        {
            line += "; kept (reviewed, merged or split): " + string.Join(", ", d.KeptEntities.Select(e => e.Name));
        }

        if (d.StrandedChanges.Count > 0)
        {
            line += "; these merges or splits can no longer be undone: " + string.Join(", ", d.StrandedChanges);
        }

        return line;
    }
}
