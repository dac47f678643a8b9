using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>Centrality on small graphs whose values are worked out by hand in each test.</summary>
public sealed class NetworkTests
{
    private static readonly EntityRef A = Group("A"), B = Group("B"), C = Group("C"), D = Group("D"), E = Group("E");

    [Fact]
    public void Betweenness_and_degree_of_a_path_with_a_branch()
    {
        // A - B - C - D, and E hangs off B. Through B: A-C, A-D, A-E, C-E, D-E (5 pairs); through C: A-D,
        // B-D, E-D (3); nothing passes through a leaf. 5 nodes leave 6 pairs of others to normalise by.
        var network = NetworkBuilder.Build(
            [Cooperates(A, B), Cooperates(B, C), Cooperates(C, D), Cooperates(B, E)],
            _ => false);

        var byName = network.Nodes.ToDictionary(n => n.Entity.Name);
        Assert.Equal(5.0, byName["B"].Betweenness, 9);
        Assert.Equal(3.0, byName["C"].Betweenness, 9);
        Assert.Equal(0.0, byName["A"].Betweenness, 9);
        Assert.Equal(5.0 / 6.0, byName["B"].NormalizedBetweenness, 9);
        Assert.Equal(3, byName["B"].Degree);
        Assert.Equal(1, byName["D"].Degree);
        Assert.Equal(["B", "C"], network.Nodes.Take(2).Select(n => n.Entity.Name));
    }

    [Fact]
    public void Two_shortest_paths_share_the_credit()
    {
        // A square A-B-C-D-A: A and C are joined by two paths of length 2, via B and via D, so each gets
        // one half; the same for B and D. Every node ends with 0.5.
        var network = NetworkBuilder.Build(
            [Cooperates(A, B), Opposes(B, C), Cooperates(C, D), Opposes(D, A)],
            _ => false);

        Assert.All(network.Nodes, n => Assert.Equal(0.5, n.Betweenness, 9));
        Assert.All(network.Nodes, n => Assert.Equal(2, n.Degree));
    }

    [Fact]
    public void Edges_count_supporting_documents_and_undirected_pairs_are_one_edge()
    {
        var network = NetworkBuilder.Build(
            [Cooperates(A, B, "doc1"), Cooperates(B, A, "doc2"), Cooperates(A, B, "doc2"), Relation("offshoot_of", A, B, "doc3"), Relation("offshoot_of", B, A, "doc3")],
            type => type == "offshoot_of");

        var cooperation = Assert.Single(network.Edges, e => e.Type == "cooperates_with");
        Assert.Equal(["doc1", "doc2"], cooperation.DocumentIds);
        Assert.Equal(2, network.Edges.Count(e => e.Type == "offshoot_of"));
        Assert.All(network.Edges.Where(e => e.Type == "offshoot_of"), e => Assert.Equal(1, e.Documents));
        Assert.All(network.Nodes, n => Assert.Equal(1, n.Degree));
    }

    [Fact]
    public void Around_an_actor_keeps_the_actors_within_the_depth_and_measures_centrality_among_them()
    {
        List<RelationFact> path = [Cooperates(A, B), Cooperates(B, C), Cooperates(C, D), Cooperates(B, E)];

        var one = NetworkBuilder.Build(path, _ => false, around: A, depth: 1);
        var two = NetworkBuilder.Build(path, _ => false, around: A, depth: 2);
        var none = NetworkBuilder.Build(path, _ => false, around: Group("F"), depth: 3);

        Assert.Equal(["A", "B"], one.Nodes.Select(n => n.Entity.Name).Order());
        Assert.Equal(["A", "B", "C", "E"], two.Nodes.Select(n => n.Entity.Name).Order());
        Assert.Equal(3, two.Edges.Count);
        // Among A, B, C and E, B lies on the paths A-C, A-E and C-E; D, two steps further, is not counted.
        Assert.Equal(3.0, two.Nodes.Single(n => n.Entity == B).Betweenness, 9);
        Assert.Equal(3, two.Nodes.Single(n => n.Entity == B).Degree);
        Assert.Equal(0.0, one.Nodes.Single(n => n.Entity == B).Betweenness, 9);
        Assert.Empty(none.Nodes);
    }

    private static EntityRef Group(string name) => new("ent_" + name, name, EntityType.ArmedGroup);

    private static RelationFact Cooperates(EntityRef a, EntityRef b, string doc = "doc") => Relation("cooperates_with", a, b, doc);

    private static RelationFact Opposes(EntityRef a, EntityRef b, string doc = "doc") => Relation("opposes", a, b, doc);

    private static RelationFact Relation(string type, EntityRef a, EntityRef b, string doc) =>
        new($"{type}:{a.Name}:{b.Name}", type, a, b, null, 0.9, new FactSource(doc, doc, PartialDate.OfYear(2012), true, $"{a.Name} and {b.Name}."));
}
