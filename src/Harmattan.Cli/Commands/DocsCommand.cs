using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>docs</c>: the stored documents, newest first.</summary>
internal static class DocsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(50);
        var offset = new Option<int>("--offset") { Description = "Skip this many documents first." };
        var command = new Command("docs", "List the stored documents, newest first.") { json, limit, offset };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var docs = store.ListDocuments(parse.GetValue(limit), parse.GetValue(offset));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, docs.Select(d => new
                {
                    d.Id,
                    d.Title,
                    published = d.Published?.ToIso(),
                    d.Source,
                    d.Format,
                    ingested_at = d.IngestedAt,
                    words = d.WordCount,
                    entities = d.EntityCount,
                    claims = d.ClaimCount,
                    events = d.EventCount,
                }));
                return HarmattanCli.Ok;
            }

            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("id", "title", "published", "format", "words", "entities", "claims", "events");
            foreach (var d in docs)
            {
                table.AddRow(
                    Workspace.ShortId(d.Id),
                    Markup.Escape(d.Title),
                    d.Published?.ToIso() ?? "",
                    d.Format,
                    d.WordCount.ToString(CultureInfo.InvariantCulture),
                    d.EntityCount.ToString(CultureInfo.InvariantCulture),
                    d.ClaimCount.ToString(CultureInfo.InvariantCulture),
                    d.EventCount.ToString(CultureInfo.InvariantCulture));
            }

            env.Console.Write(table);
            env.Output.WriteLine($"{docs.Count} document(s)");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
