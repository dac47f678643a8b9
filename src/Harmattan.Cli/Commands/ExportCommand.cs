using System.CommandLine;
using Harmattan.Exchange;

namespace Harmattan.Cli.Commands;

/// <summary><c>export</c>: the knowledge base, or part of it, as STIX 2.1, ACLED-style CSV, GraphML, GeoJSON or JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "stix, acled, graphml, geojson or jsonl.",
            Required = true,
            HelpName = "FORMAT",
        };
        var since = QueryOptions.Since();
        var until = QueryOptions.Until();
        var actor = QueryOptions.Entity("--actor", "Only the facts this actor takes part in.");
        var place = QueryOptions.Entity("--place", "Only the events at this place and the facts that name it.");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Export the knowledge base with its provenance: STIX 2.1, ACLED-style CSV, GraphML, GeoJSON or JSON Lines.")
        {
            format, since, until, actor, place, output,
        };
        command.SetAction(parse =>
        {
            var chosen = ExportFormat.Parse(parse.GetValue(format), "--format");
            var period = QueryOptions.Period(parse, since, until);
            var context = ExchangeContext.Load(Workspace.Data(parse));
            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(actor), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(place), env, out var where))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            using var selection = ExportSelection.From(store, new ExportFilter(period, who, where));
            var path = parse.GetValue(output);
            if (path is null)
            {
                using (var stdout = new BufferedStream(new TextWriterStream(env.Output), 1 << 16))
                {
                    new Exporter(context).Write(chosen, selection, stdout);
                }

                return HarmattanCli.Ok;
            }

            using (var file = OutputFile.Create(path))
            {
                new Exporter(context).Write(chosen, selection, file);
            }

            env.Error.WriteLine(
                $"harmattan: wrote {chosen.Name} to {path}: {(selection.Entities.Count == 1 ? "1 entity" : $"{selection.Entities.Count} entities")}, "
                + $"{QueryOptions.Count(selection.Counts.Relations, "relation")}, {QueryOptions.Count(selection.Counts.Events, "event")}, "
                + $"{QueryOptions.Count(selection.Counts.Claims, "claim")} from {QueryOptions.Count(selection.Documents.Count, "document")}");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
