using System.CommandLine;
using System.Globalization;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>stats</c>: what the knowledge base holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("stats", "Count what the knowledge base holds.") { json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var stats = store.GetStats();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    database = store.Location,
                    schema_version = stats.SchemaVersion,
                    stats.Documents,
                    stats.Entities,
                    stats.Aliases,
                    stats.Mentions,
                    stats.Claims,
                    stats.Relations,
                    stats.Events,
                    stats.Quantities,
                    entities_by_type = stats.EntitiesByType.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal),
                    top_entities = stats.TopEntities.Select(t => new { t.Id, t.Name, type = t.Type.ToString(), t.Documents, t.Mentions }),
                    size_bytes = stats.SizeBytes,
                });
                return HarmattanCli.Ok;
            }

            Render(env.Console, store.Location, stats);
            return HarmattanCli.Ok;
        });
        return command;
    }

    internal static void Render(IAnsiConsole console, string path, StoreStats stats)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var counts = new Table().Border(TableBorder.Simple).AddColumns("what", "count");
        counts.Columns[1].RightAligned();
        counts.AddRow("documents", N(stats.Documents));
        counts.AddRow("entities", N(stats.Entities));
        foreach (var (type, count) in stats.EntitiesByType.OrderByDescending(p => p.Value))
        {
            counts.AddRow($"  {type}", N(count));
        }

        counts.AddRow("aliases", N(stats.Aliases));
        counts.AddRow("mentions", N(stats.Mentions));
        counts.AddRow("claims", N(stats.Claims));
        counts.AddRow("relations", N(stats.Relations));
        counts.AddRow("events", N(stats.Events));
        counts.AddRow("quantities", N(stats.Quantities));
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{path}: schema {stats.SchemaVersion}, {stats.SizeBytes / 1024.0:0} KB")));
        console.Write(counts);
        if (stats.TopEntities.Count > 0)
        {
            var top = new Table().Border(TableBorder.Simple).Title("most mentioned").AddColumns("entity", "type", "documents", "mentions");
            foreach (var t in stats.TopEntities)
            {
                top.AddRow(Markup.Escape(t.Name), t.Type.ToString(), N(t.Documents), N(t.Mentions));
            }

            console.Write(top);
        }
    }
}
