namespace Harmattan.Analysis.Network;

/// <summary>
/// Degree and betweenness centrality of an undirected, unweighted graph given as adjacency sets.
/// Betweenness is Brandes' algorithm (2001): one breadth-first search per node, then dependencies
/// accumulated back from the farthest nodes; on an undirected graph every pair is counted from both
/// ends, so the sums are halved. QuikGraph has no centrality measures, and this is forty lines.
/// </summary>
internal static class Centrality
{
    public static Dictionary<T, double> Betweenness<T>(IReadOnlyDictionary<T, HashSet<T>> adjacency)
        where T : notnull
    {
        // Nodes by number, neighbours as arrays: the searches then touch arrays only. A node's predecessors
        // on shortest paths are its neighbours one step nearer the source, found again when going back.
        var keys = adjacency.Keys.ToArray();
        var index = new Dictionary<T, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }

        var neighbours = keys.Select(k => adjacency[k].Select(n => index[n]).ToArray()).ToArray();
        var n = keys.Length;
        var result = new double[n];
        var paths = new double[n];
        var distance = new int[n];
        var dependency = new double[n];
        var order = new int[n];
        for (var s = 0; s < n; s++)
        {
            Array.Fill(paths, 0);
            Array.Fill(distance, -1);
            Array.Fill(dependency, 0);
            paths[s] = 1;
            distance[s] = 0;
            order[0] = s;
            var (head, tail) = (0, 1);
            while (head < tail)
            {
                var v = order[head++];
                foreach (var w in neighbours[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        order[tail++] = w;
                    }

                    if (distance[w] == distance[v] + 1)
                    {
                        paths[w] += paths[v];
                    }
                }
            }

            for (var i = tail - 1; i > 0; i--)
            {
                var w = order[i];
                foreach (var v in neighbours[w])
                {
                    if (distance[v] == distance[w] - 1)
                    {
                        dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                    }
                }

                result[w] += dependency[w];
            }
        }

        var betweenness = new Dictionary<T, double>(n);
        for (var i = 0; i < n; i++)
        {
            betweenness[keys[i]] = result[i] / 2;
        }

        return betweenness;
    }

    /// <summary>The number of unordered pairs of other nodes, by which betweenness is normalised (0 below three nodes).</summary>
    public static double PairsWithout(int nodeCount) => nodeCount < 3 ? 0 : (nodeCount - 1) * (nodeCount - 2) / 2.0;
}
