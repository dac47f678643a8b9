using System.CommandLine;
using System.Globalization;
using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>network</c>: actors linked by relations, with degree and betweenness, optionally around one actor.</summary>
internal static class NetworkCommand
{
    public static Command Create(CliEnvironment env)
    {
        var around = QueryOptions.Entity("--around", "Only the actors within --depth relations of this one.");
        var depth = new Option<int>("--depth") { Description = "How many relations away from --around to go.", DefaultValueFactory = _ => 1 };
        var since = QueryOptions.Since();
        var until = QueryOptions.Until();
        var types = new Option<string[]>("--type")
        {
            Description = "Only these relation types (cooperates_with, opposes, ...); repeatable.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "RELTYPE",
        };
        var entityTypes = new Option<string[]>("--entity-type")
        {
            Description = "Only relations between actors of these types (ArmedGroup, Person, ...); repeatable.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "TYPE",
        };
        var json = CommonOptions.Json();
        var command = new Command("network", "Show the network of relations between actors, with degree and betweenness centrality.")
        {
            around, depth, since, until, types, entityTypes, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(depth) < 0)
            {
                throw HarmattanError.BadArgument.At("--depth", "the depth must be 0 or more");
            }

            var schema = Schema.Load(Workspace.Data(parse));
            var relationTypes = parse.GetValue(types) ?? [];
            foreach (var type in relationTypes)
            {
                if (!schema.TryGetRelation(type, out _))
                {
                    throw HarmattanError.BadArgument.At("--type", $"'{type}' is not a relation type; known: {string.Join(", ", schema.RelationTypes.Select(r => r.Name))}");
                }
            }

            var kinds = (parse.GetValue(entityTypes) ?? [])
                .Select(t => Enum.TryParse<EntityType>(t, ignoreCase: true, out var k) && !int.TryParse(t, CultureInfo.InvariantCulture, out _)
                    ? k
                    : throw HarmattanError.BadArgument.At("--entity-type", $"'{t}' is not an entity type; known: {string.Join(", ", Enum.GetNames<EntityType>())}"))
                .ToList();
            var period = QueryOptions.Period(parse, since, until);

            using var store = Workspace.OpenStore(parse);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(around), env, out var centre))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var relations = store.FindRelations(new RelationFilter(period, relationTypes, kinds));
            var network = NetworkBuilder.Build(
                relations,
                type => !schema.TryGetRelation(type, out var r) || r.Directed,
                centre,
                parse.GetValue(depth));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    around = centre is null ? null : QueryOptions.Json(centre),
                    depth = centre is null ? (int?)null : parse.GetValue(depth),
                    since = period.Since?.ToIso(),
                    until = period.Until?.ToIso(),
                    nodes = network.Nodes.Select(n => new
                    {
                        n.Entity.Id,
                        n.Entity.Name,
                        type = n.Entity.Type.ToString(),
                        n.Degree,
                        betweenness = Math.Round(n.Betweenness, 4),
                        normalized_betweenness = Math.Round(n.NormalizedBetweenness, 4),
                    }),
                    edges = network.Edges.Select(e => new
                    {
                        e.Type,
                        source = e.Source.Id,
                        target = e.Target.Id,
                        e.Directed,
                        e.Documents,
                        document_ids = e.DocumentIds,
                    }),
                });
                return HarmattanCli.Ok;
            }

            var nodes = QueryOptions.Table("actors", "actor", "type", "degree", "betweenness", "normalised");
            foreach (var n in network.Nodes)
            {
                nodes.AddRow(
                    Markup.Escape(n.Entity.Name),
                    n.Entity.Type.ToString(),
                    n.Degree.ToString(CultureInfo.InvariantCulture),
                    n.Betweenness.ToString("0.##", CultureInfo.InvariantCulture),
                    n.NormalizedBetweenness.ToString("0.000", CultureInfo.InvariantCulture));
            }

            var edges = QueryOptions.Table("relations", "source", "relation", "target", "documents");
            foreach (var e in network.Edges)
            {
                edges.AddRow(Markup.Escape(e.Source.Name), Markup.Escape(e.Type), Markup.Escape(e.Target.Name), e.Documents.ToString(CultureInfo.InvariantCulture));
            }

            env.Console.Write(nodes);
            env.Console.Write(edges);
            env.Output.WriteLine(
                $"{QueryOptions.Count(network.Nodes.Count, "actor")}, {QueryOptions.Count(network.Edges.Count, "relation")} ({period}{(centre is null ? "" : $", around {centre.Name} at depth {parse.GetValue(depth)}")})");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
