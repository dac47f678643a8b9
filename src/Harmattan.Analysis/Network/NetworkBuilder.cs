using Harmattan.Store;

namespace Harmattan.Analysis.Network;

/// <summary>
/// Builds the actor network from stored relations: one edge per relation type and pair of actors,
/// counting the documents that state it, and each actor's centrality.
/// </summary>
public static class NetworkBuilder
{
    /// <summary>
    /// The network of <paramref name="relations"/>. With <paramref name="around"/>, only the actors
    /// within <paramref name="depth"/> steps of it (over relations of any type and direction) and the
    /// edges among them are returned; centrality is still measured on the whole network given, so an
    /// actor's betweenness does not change with the window an analyst looks through.
    /// </summary>
    /// <param name="isDirected">Whether a relation type has a direction (from data/schema/relations).</param>
    public static ActorNetwork Build(
        IEnumerable<RelationFact> relations,
        Func<string, bool> isDirected,
        EntityRef? around = null,
        int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(isDirected);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);

        var edges = new Dictionary<(string Type, string Source, string Target), (EntityRef Source, EntityRef Target, bool Directed, SortedSet<string> Documents)>();
        var entities = new Dictionary<string, EntityRef>(StringComparer.Ordinal);
        var adjacency = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in relations)
        {
            var directed = isDirected(r.Type);
            var (source, target) = directed || string.CompareOrdinal(r.Source.Id, r.Target.Id) <= 0 ? (r.Source, r.Target) : (r.Target, r.Source);
            var key = (r.Type, source.Id, target.Id);
            if (!edges.TryGetValue(key, out var edge))
            {
                edge = (source, target, directed, new SortedSet<string>(StringComparer.Ordinal));
                edges[key] = edge;
            }

            edge.Documents.Add(r.From.DocumentId);
            entities[source.Id] = source;
            entities[target.Id] = target;
            Link(source.Id, target.Id);
            Link(target.Id, source.Id);
        }

        var betweenness = Centrality.Betweenness(adjacency);
        var pairs = Centrality.PairsWithout(adjacency.Count);
        var kept = around is null ? adjacency.Keys.ToHashSet(StringComparer.Ordinal) : Within(adjacency, around.Id, depth);

        var nodes = kept
            .Select(id => new NetworkNode(
                entities[id],
                adjacency[id].Count(n => !string.Equals(n, id, StringComparison.Ordinal)),
                betweenness[id],
                pairs == 0 ? 0 : betweenness[id] / pairs))
            .OrderByDescending(n => n.Betweenness)
            .ThenByDescending(n => n.Degree)
            .ThenBy(n => n.Entity.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Entity.Id, StringComparer.Ordinal)
            .ToList();
        var edgeList = edges
            .Where(e => kept.Contains(e.Key.Source) && kept.Contains(e.Key.Target))
            .Select(e => new NetworkEdge(e.Key.Type, e.Value.Source, e.Value.Target, e.Value.Directed, e.Value.Documents.ToList()))
            .OrderByDescending(e => e.Documents)
            .ThenBy(e => e.Source.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Type, StringComparer.Ordinal)
            .ThenBy(e => e.Target.Name, StringComparer.Ordinal)
            .ToList();
        return new ActorNetwork(nodes, edgeList);

        void Link(string from, string to)
        {
            if (!adjacency.TryGetValue(from, out var set))
            {
                adjacency[from] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                set.Add(to);
            }
        }
    }

    private static HashSet<string> Within(Dictionary<string, HashSet<string>> adjacency, string start, int depth)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var frontier = new List<string> { start };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            frontier = frontier
                .SelectMany(id => adjacency.TryGetValue(id, out var next) ? next : [])
                .Where(seen.Add)
                .ToList();
        }

        // An actor in no relation of the network is a network of one.
        return adjacency.ContainsKey(start) ? seen : [];
    }
}
