using Harmattan.Store;

namespace Harmattan.Analysis.Network;

/// <summary>
/// Builds an actor network from relation statements: one edge per relation type and pair of actors,
/// counting the documents that state it, and each actor's degree and betweenness within the network built.
/// </summary>
/// <remarks>
/// Centrality is computed over the network returned, not over the whole knowledge base. Whole-graph
/// betweenness costs a breadth-first search from every actor over every relation; per request it grows with
/// the corpus, and computed ahead it would be stale after each ingest, review, merge or split and would
/// not follow the filters (period, types) an analyst applies. Within the neighbourhood an analyst looks at,
/// it answers the question asked there: which of these actors lies between the others.
/// </remarks>
public static class NetworkBuilder
{
    /// <summary>
    /// The network of <paramref name="statements"/>. With <paramref name="around"/>, only the actors within
    /// <paramref name="depth"/> steps of it (over relations of any type and direction) and the edges among
    /// them are kept, and centrality is measured among those.
    /// </summary>
    /// <param name="isDirected">Whether a relation type has a direction (from data/schema/relations).</param>
    public static ActorNetwork Build(
        IEnumerable<RelationStatement> statements,
        Func<string, bool> isDirected,
        EntityRef? around = null,
        int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(isDirected);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var list = statements as IReadOnlyList<RelationStatement> ?? statements.ToList();
        if (around is null)
        {
            return Assemble(list, isDirected, null, truncated: false);
        }

        var adjacency = Adjacency(list);
        return Assemble(list, isDirected, Within(adjacency, around.Id, depth), truncated: false);
    }

    /// <summary>The network of stored relations as a list query read them (evidence and all).</summary>
    public static ActorNetwork Build(
        IEnumerable<RelationFact> relations,
        Func<string, bool> isDirected,
        EntityRef? around = null,
        int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(relations);
        return Build(relations.Select(r => new RelationStatement(r.Type, r.Source, r.Target, r.From.DocumentId)), isDirected, around, depth);
    }

    /// <summary>
    /// The network of the actors kept (all of the statements' actors when null), its edges among them and
    /// their centrality within it.
    /// </summary>
    internal static ActorNetwork Assemble(
        IReadOnlyList<RelationStatement> statements,
        Func<string, bool> isDirected,
        IReadOnlySet<string>? kept,
        bool truncated)
    {
        var edges = new Dictionary<(string Type, string Source, string Target), (EntityRef Source, EntityRef Target, bool Directed, SortedSet<string> Documents)>();
        var entities = new Dictionary<string, EntityRef>(StringComparer.Ordinal);
        var adjacency = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in statements)
        {
            if (kept is not null && (!kept.Contains(r.Source.Id) || !kept.Contains(r.Target.Id)))
            {
                continue;
            }

            var directed = isDirected(r.Type);
            var (source, target) = directed || string.CompareOrdinal(r.Source.Id, r.Target.Id) <= 0 ? (r.Source, r.Target) : (r.Target, r.Source);
            var key = (r.Type, source.Id, target.Id);
            if (!edges.TryGetValue(key, out var edge))
            {
                edge = (source, target, directed, new SortedSet<string>(StringComparer.Ordinal));
                edges[key] = edge;
            }

            edge.Documents.Add(r.DocumentId);
            entities[source.Id] = source;
            entities[target.Id] = target;
            Link(adjacency, source.Id, target.Id);
            Link(adjacency, target.Id, source.Id);
        }

        var betweenness = Centrality.Betweenness<string>(adjacency);
        var pairs = Centrality.PairsWithout(adjacency.Count);
        var nodes = adjacency.Keys
            .Select(id => new NetworkNode(
                entities[id],
                adjacency[id].Count,
                betweenness[id],
                pairs == 0 ? 0 : betweenness[id] / pairs))
            .OrderByDescending(n => n.Betweenness)
            .ThenByDescending(n => n.Degree)
            .ThenBy(n => n.Entity.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Entity.Id, StringComparer.Ordinal)
            .ToList();
        var edgeList = edges
            .Select(e => new NetworkEdge(e.Key.Type, e.Value.Source, e.Value.Target, e.Value.Directed, e.Value.Documents.ToList()))
            .OrderByDescending(e => e.Documents)
            .ThenBy(e => e.Source.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Type, StringComparer.Ordinal)
            .ThenBy(e => e.Target.Name, StringComparer.Ordinal)
            .ToList();
        return new ActorNetwork(nodes, edgeList, truncated, statements.Count);
    }

    private static Dictionary<string, HashSet<string>> Adjacency(IReadOnlyList<RelationStatement> statements)
    {
        var adjacency = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in statements)
        {
            Link(adjacency, r.Source.Id, r.Target.Id);
            Link(adjacency, r.Target.Id, r.Source.Id);
        }

        return adjacency;
    }

    /// <summary>An edge of the adjacency sets; a relation of an actor with itself adds the actor, not an edge.</summary>
    private static void Link(Dictionary<string, HashSet<string>> adjacency, string from, string to)
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

        // An actor in no relation of the network has no network.
        return adjacency.ContainsKey(start) ? seen : [];
    }
}
