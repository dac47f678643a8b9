using Harmattan.Store;

namespace Harmattan.Analysis.Network;

/// <summary>
/// Reads a network from the store within <see cref="NetworkLimits"/>, so that its cost is bounded by what it
/// returns: around an actor, a breadth-first walk over each reached actor's relation statements (newest
/// first, through the store's per-actor indexes), keeping the best-supported neighbours; without one, the
/// newest statements of the knowledge base. Either way centrality is measured within the network returned
/// (see <see cref="NetworkBuilder"/>).
/// </summary>
public static class NetworkReader
{
    /// <summary>
    /// The actors within <paramref name="depth"/> relations of <paramref name="centre"/> that the filter
    /// admits, and the relations among them. Each step reads the statements of the actors reached at the
    /// step before; the actors at the last step are read too, for the relations among them, but add no
    /// actors. An actor in no relation the filter admits has an empty network.
    /// </summary>
    public static ActorNetwork Around(
        KnowledgeStore store,
        EntityRef centre,
        int depth,
        RelationFilter? filter,
        Func<string, bool> isDirected,
        NetworkLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(isDirected);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        limits ??= new NetworkLimits();
        Check(limits);

        var kept = new HashSet<string>(StringComparer.Ordinal) { centre.Id };
        var statements = new List<RelationStatement>();
        var read = new HashSet<(string, string, string, string)>();
        var frontier = new List<EntityRef> { centre };
        var budget = limits.MaxStatements;
        var truncated = false;
        for (var step = 0; step <= depth && frontier.Count > 0; step++)
        {
            if (budget == 0)
            {
                truncated = true;
                break;
            }

            // The actors of a step share the statements left, so the last of them are read too.
            if (budget < frontier.Count)
            {
                frontier = frontier.Take(budget).ToList();
                truncated = true;
            }

            var share = Math.Min(budget / frontier.Count, limits.StatementsPerActor);
            var batches = store.RelationStatementsAround(frontier, filter, share);
            var next = new List<EntityRef>();
            for (var i = 0; i < batches.Count; i++)
            {
                var (actor, batch) = (frontier[i], batches[i]);
                truncated |= batch.More;
                budget -= batch.Items.Count;
                foreach (var s in batch.Items)
                {
                    // A statement between two reached actors is read from both ends: count it once.
                    if (read.Add((s.Type, s.Source.Id, s.Target.Id, s.DocumentId)))
                    {
                        statements.Add(s);
                    }
                }

                if (step == depth)
                {
                    continue;
                }

                // The actor's neighbours, the best supported first, while there is room.
                var neighbours = batch.Items
                    .Select(s => s.Source.Id == actor.Id ? s.Target : s.Source)
                    .Where(n => n.Id != actor.Id)
                    .GroupBy(n => n.Id, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.First().Name, StringComparer.Ordinal)
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.First());
                foreach (var neighbour in neighbours)
                {
                    if (kept.Contains(neighbour.Id))
                    {
                        continue;
                    }

                    if (kept.Count >= limits.MaxActors)
                    {
                        truncated = true;
                        break;
                    }

                    kept.Add(neighbour.Id);
                    next.Add(neighbour);
                }
            }

            frontier = next;
        }

        if (statements.Count == 0)
        {
            return new ActorNetwork([], [], truncated, 0);
        }

        return NetworkBuilder.Assemble(statements, isDirected, kept, truncated);
    }

    /// <summary>
    /// The network of the newest statements (by document date) the filter admits, at most
    /// <see cref="NetworkLimits.MaxStatements"/>, among the <see cref="NetworkLimits.MaxActors"/> actors with
    /// the most neighbours in them.
    /// </summary>
    public static ActorNetwork Recent(KnowledgeStore store, RelationFilter? filter, Func<string, bool> isDirected, NetworkLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(isDirected);
        limits ??= new NetworkLimits();
        Check(limits);
        var batch = store.RecentRelationStatements(filter, limits.MaxStatements);
        var neighbours = new Dictionary<string, (EntityRef Entity, HashSet<string> Others)>(StringComparer.Ordinal);
        foreach (var s in batch.Items)
        {
            Neighbour(s.Source, s.Target.Id);
            Neighbour(s.Target, s.Source.Id);
        }

        if (neighbours.Count <= limits.MaxActors)
        {
            return NetworkBuilder.Assemble(batch.Items, isDirected, null, batch.More);
        }

        var kept = neighbours.Values
            .OrderByDescending(n => n.Others.Count)
            .ThenBy(n => n.Entity.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Entity.Id, StringComparer.Ordinal)
            .Take(limits.MaxActors)
            .Select(n => n.Entity.Id)
            .ToHashSet(StringComparer.Ordinal);
        return NetworkBuilder.Assemble(batch.Items, isDirected, kept, truncated: true);

        void Neighbour(EntityRef entity, string other)
        {
            if (!neighbours.TryGetValue(entity.Id, out var entry))
            {
                neighbours[entity.Id] = entry = (entity, new HashSet<string>(StringComparer.Ordinal));
            }

            if (!string.Equals(entity.Id, other, StringComparison.Ordinal))
            {
                entry.Others.Add(other);
            }
        }
    }

    private static void Check(NetworkLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxActors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.StatementsPerActor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxStatements);
    }
}
