using Harmattan.Store;

namespace Harmattan.Analysis.Network;

/// <summary>
/// An actor in a network with its centrality. <see cref="Degree"/> counts distinct neighbours, whatever
/// the relation types. <see cref="Betweenness"/> is the number of shortest paths between other pairs of
/// actors that pass through this one (each path shared equally when there are several, pairs unordered);
/// <see cref="NormalizedBetweenness"/> divides it by the number of such pairs, so it is 0–1.
/// </summary>
public sealed record NetworkNode(EntityRef Entity, int Degree, double Betweenness, double NormalizedBetweenness);

/// <summary>
/// A relation type between two actors with the documents that support it. For an undirected type
/// (cooperates_with, opposes) <see cref="Source"/> is the party with the smaller id.
/// </summary>
public sealed record NetworkEdge(string Type, EntityRef Source, EntityRef Target, bool Directed, IReadOnlyList<string> DocumentIds)
{
    public int Documents => DocumentIds.Count;
}

/// <summary>A network of actors: nodes by descending betweenness, then degree, then name; edges by support.</summary>
public sealed record ActorNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges);
