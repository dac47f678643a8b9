using Harmattan.Store;

namespace Harmattan.Analysis.Network;

/// <summary>
/// An actor in a network with its centrality within that network (the actors and relations returned, not
/// the whole knowledge base). <see cref="Degree"/> counts distinct neighbours, whatever the relation types.
/// <see cref="Betweenness"/> is the number of shortest paths between other pairs of actors that pass through
/// this one (each path shared equally when there are several, pairs unordered);
/// <see cref="NormalizedBetweenness"/> divides it by the number of such pairs, so it is 0–1.
/// </summary>
public sealed record NetworkNode(EntityRef Entity, int Degree, double Betweenness, double NormalizedBetweenness);

/// <summary>
/// A relation type between two actors with the documents that support it (among the statements read). For
/// an undirected type (cooperates_with, opposes) <see cref="Source"/> is the party with the smaller id.
/// </summary>
public sealed record NetworkEdge(string Type, EntityRef Source, EntityRef Target, bool Directed, IReadOnlyList<string> DocumentIds)
{
    public int Documents => DocumentIds.Count;
}

/// <summary>
/// A network of actors: nodes by descending betweenness, then degree, then name; edges by support.
/// <see cref="Truncated"/> is true when a limit (<see cref="NetworkLimits"/>) stopped the reading: some
/// actor had more relation statements than were read, or more actors were reached than are kept. The
/// network then shows the newest statements and the best-supported neighbours, and its document counts
/// are those of the statements read.
/// </summary>
public sealed record ActorNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated = false, int Statements = 0);

/// <summary>
/// How much of the knowledge base a network reads, so that its cost is bounded whatever the size of the
/// knowledge base or the fame of the actor at its centre.
/// </summary>
/// <param name="MaxActors">The most actors returned: the centre, then the best-supported neighbours first.</param>
/// <param name="StatementsPerActor">The most relation statements read around one actor, newest first; the
/// actors reached at one step share what is left of <paramref name="MaxStatements"/> equally.</param>
/// <param name="MaxStatements">The most relation statements read in all.</param>
public sealed record NetworkLimits(int MaxActors = 50, int StatementsPerActor = 200, int MaxStatements = 2000)
{
    /// <summary>The largest <see cref="MaxActors"/> a host lets a client ask for.</summary>
    public const int MaxActorsAllowed = 500;
}
