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
        var result = adjacency.Keys.ToDictionary(k => k, _ => 0.0);
        foreach (var s in adjacency.Keys)
        {
            var stack = new Stack<T>();
            var predecessors = adjacency.Keys.ToDictionary(k => k, _ => new List<T>());
            var paths = adjacency.Keys.ToDictionary(k => k, _ => 0.0);
            var distance = adjacency.Keys.ToDictionary(k => k, _ => -1);
            paths[s] = 1;
            distance[s] = 0;
            var queue = new Queue<T>();
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                stack.Push(v);
                foreach (var w in adjacency[v])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }

                    if (distance[w] == distance[v] + 1)
                    {
                        paths[w] += paths[v];
                        predecessors[w].Add(v);
                    }
                }
            }

            var dependency = adjacency.Keys.ToDictionary(k => k, _ => 0.0);
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                foreach (var v in predecessors[w])
                {
                    dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                }

                if (!EqualityComparer<T>.Default.Equals(w, s))
                {
                    result[w] += dependency[w];
                }
            }
        }

        foreach (var key in result.Keys.ToList())
        {
            result[key] /= 2;
        }

        return result;
    }

    /// <summary>The number of unordered pairs of other nodes, by which betweenness is normalised (0 below three nodes).</summary>
    public static double PairsWithout(int nodeCount) => nodeCount < 3 ? 0 : (nodeCount - 1) * (nodeCount - 2) / 2.0;
}
