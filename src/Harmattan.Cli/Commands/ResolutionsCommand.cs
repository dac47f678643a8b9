using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>resolutions DOC</c>: what each entity of a document was linked to when it was stored, and why.</summary>
internal static class ResolutionsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var id = new Argument<string>("DOC") { Description = "A document id or a prefix of at least 6 characters." };
        var json = CommonOptions.Json();
        var command = new Command("resolutions", "Show how a document's entities were linked to the knowledge base (registry, alias, acronym, surname, fuzzy, new).") { id, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var resolutions = store.GetResolutions(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, resolutions.Select(r => new
                {
                    name = r.Name,
                    extracted = r.ExtractedId,
                    entity = r.EntityId,
                    method = r.Method,
                    score = Math.Round(r.Score, 3),
                    matched = r.Matched,
                    note = r.Note,
                }));
                return HarmattanCli.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("name", "method", "score", "matched", "entity", "note");
            foreach (var r in resolutions)
            {
                table.AddRow(
                    Markup.Escape(r.Name),
                    r.Method.ToString().ToLowerInvariant(),
                    r.Score.ToString("0.###", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Matched ?? ""),
                    r.EntityId,
                    Markup.Escape(r.Note ?? ""));
            }

            env.Console.Write(table);
            return HarmattanCli.Ok;
        });
        return command;
    }
}
