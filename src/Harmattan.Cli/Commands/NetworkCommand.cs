using System.CommandLine;
using System.Globalization;
using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>network</c>: actors linked by relations, with degree and betweenness within the network shown, around one
/// actor or among the newest relations; read within limits (<see cref="NetworkLimits"/>), saying when they cut it.
/// </summary>
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
        var maxActors = new Option<int>("--max-actors")
        {
            Description = "The most actors to show: around an actor, its best-supported neighbours first; without, those with the most neighbours.",
            DefaultValueFactory = _ => new NetworkLimits().MaxActors,
            HelpName = "N",
        };
        var json = CommonOptions.Json();
        var command = new Command("network", "Show the network of relations between actors, with degree and betweenness centrality.")
        {
            around, depth, since, until, types, entityTypes, maxActors, json,
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

            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(around), env, out var centre))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            if (parse.GetValue(maxActors) is < 1 or > NetworkLimits.MaxActorsAllowed)
            {
                throw HarmattanError.BadArgument.At("--max-actors", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {NetworkLimits.MaxActorsAllowed}"));
            }

            var filter = new RelationFilter(period, relationTypes, kinds);
            var limits = new NetworkLimits(MaxActors: parse.GetValue(maxActors));
            bool IsDirected(string type) => !schema.TryGetRelation(type, out var r) || r.Directed;
            var network = centre is null
                ? NetworkReader.Recent(store, filter, IsDirected, limits)
                : NetworkReader.Around(store, centre, parse.GetValue(depth), filter, IsDirected, limits);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    around = centre is null ? null : QueryOptions.Json(centre),
                    depth = centre is null ? (int?)null : parse.GetValue(depth),
                    since = period.Since?.ToIso(),
                    until = period.Until?.ToIso(),
                    truncated = network.Truncated,
                    statements = network.Statements,
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
                $"{QueryOptions.Count(network.Nodes.Count, "actor")}, {QueryOptions.Count(network.Edges.Count, "relation")} ({period}{(centre is null ? ", the newest relations" : $", around {centre.Name} at depth {parse.GetValue(depth)}")})");
            if (network.Truncated)
            {
                env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"truncated: read the newest {network.Statements} relation statements and kept at most {limits.MaxActors} actors; narrow it (--type, --since/--until, --entity-type) or raise --max-actors"));
            }
            return HarmattanCli.Ok;
        });
        return command;
    }
}
