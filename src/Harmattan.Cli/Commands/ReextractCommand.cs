using System.CommandLine;
using System.Globalization;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>reextract DOC... | --all</c>: runs the current pipeline and data again over stored documents (after
/// the lexicons, registries or components improved) and replaces their facts, keeping every fact an analyst
/// reviewed exactly as reviewed.
/// </summary>
internal static class ReextractCommand
{
    public static Command Create(CliEnvironment env)
    {
        var documents = new Argument<string[]>("DOC") { Description = "Document ids or prefixes.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every stored document." };
        var json = CommonOptions.Json();
        var command = new Command("reextract", "Extract stored documents again, keeping every reviewed fact as reviewed.") { documents, all, json };
        command.SetAction(parse =>
        {
            var ids = parse.GetValue(documents) ?? [];
            if (ids.Length == 0 == !parse.GetValue(all))
            {
                throw HarmattanError.BadArgument.At("DOC", "name the documents to re-extract, or give --all (not both)");
            }

            using var store = Workspace.OpenStore(parse, env);
            if (parse.GetValue(all))
            {
                ids = [.. store.ListDocuments(int.MaxValue).Select(d => d.Id)];
            }

            var ingestor = new Ingestor(Workspace.Reader(), Workspace.Pipeline(parse), store, EntityChangeOutput.DefaultAnalyst());
            var outcomes = new List<ReextractOutcome>(ids.Length);
            foreach (var id in ids)
            {
                var outcome = ingestor.Reextract(id);
                outcomes.Add(outcome);
                if (!parse.GetValue(json))
                {
                    env.Output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Workspace.ShortId(outcome.DocumentId)} kept {outcome.KeptReviewed} reviewed, replaced {outcome.Removed} proposed facts with {outcome.Added}"));
                }
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, outcomes);
            }

            return HarmattanCli.Ok;
        });
        return command;
    }
}
