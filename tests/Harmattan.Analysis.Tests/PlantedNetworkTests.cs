using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>The relation filters and the network over the planted reports, read back through the real store.</summary>
public sealed class PlantedNetworkTests : IDisposable
{
    private readonly PlantedStore _planted = new();

    public void Dispose() => _planted.Dispose();

    private KnowledgeStore Store => _planted.Store;

    [Fact]
    public void Relations_filter_by_type_entity_type_and_document_period()
    {
        var all = Store.FindRelations();
        var opposes = Store.FindRelations(new RelationFilter(Types: ["opposes"]));
        var groups = Store.FindRelations(new RelationFilter(EntityTypes: [EntityType.ArmedGroup]));
        var people = Store.FindRelations(new RelationFilter(EntityTypes: [EntityType.Person]));
        var mid2012 = Store.FindRelations(new RelationFilter(Period: new DatePeriod(PartialDate.OfMonth(2012, 5), PartialDate.OfYear(2012))));

        // Alliance (April 2012): 2; Clashes (June 2012): 2; Later (2017): 1; Turnabout (May 2012): 2.
        Assert.Equal(7, all.Count);
        Assert.Equal(3, opposes.Count);
        Assert.Equal(6, groups.Count);
        Assert.Empty(people);
        Assert.Equal(4, mid2012.Count);
        Assert.All(mid2012, r => Assert.InRange(r.From.Date.Earliest, new DateOnly(2012, 5, 1), new DateOnly(2012, 12, 31)));
        var affiliation = all.Single(r => r.Type == "affiliated_with");
        Assert.Equal("spokesman", affiliation.Role);
        Assert.Equal("Clashes near Anefis", affiliation.From.Title);
    }

    [Fact]
    public void The_network_of_the_planted_reports()
    {
        var network = NetworkBuilder.Build(Store.FindRelations(), type => type is not ("cooperates_with" or "opposes"));

        // Attaher - MNLA - Ansar Dine; MUJAO - AQIM; GATIA - MAA. Only the MNLA lies between two others.
        var mnla = network.Nodes.Single(n => n.Entity.Id == PlantedStore.Mnla);
        Assert.Equal(2, mnla.Degree);
        Assert.Equal(1.0, mnla.Betweenness, 9);
        Assert.Equal(mnla, network.Nodes[0]);
        Assert.All(network.Nodes.Skip(1), n => Assert.Equal(0.0, n.Betweenness, 9));
        var mujaoAqim = network.Edges.Where(e => e.Source.Id == PlantedStore.Mujao || e.Target.Id == PlantedStore.Mujao).ToList();
        Assert.Equal(["cooperates_with", "opposes"], mujaoAqim.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.Equal(7, network.Edges.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_network_read_around_an_actor_is_the_neighbourhood_of_the_whole_network(int depth)
    {
        var mnla = Store.ResolveEntity("MNLA");
        static bool Undirected(string type) => type is not ("cooperates_with" or "opposes");

        var read = NetworkReader.Around(Store, mnla, depth, null, Undirected);
        var expected = NetworkBuilder.Build(Store.FindRelations(), Undirected, mnla, depth);

        Assert.False(read.Truncated);
        Assert.Equal(expected.Nodes, read.Nodes);
        Assert.Equal(expected.Edges.Select(Edge), read.Edges.Select(Edge));
    }

    [Fact]
    public void Limits_cut_the_network_and_say_so()
    {
        var mnla = Store.ResolveEntity("MNLA");
        static bool Undirected(string type) => type is not ("cooperates_with" or "opposes");

        var two = NetworkReader.Around(Store, mnla, 2, null, Undirected, new NetworkLimits(MaxActors: 2));
        var few = NetworkReader.Around(Store, mnla, 2, null, Undirected, new NetworkLimits(StatementsPerActor: 1, MaxStatements: 1));
        var recent = NetworkReader.Recent(Store, null, Undirected, new NetworkLimits(MaxStatements: 3));
        var all = NetworkReader.Recent(Store, null, Undirected);

        Assert.True(two.Truncated);
        Assert.Equal(2, two.Nodes.Count);
        Assert.Contains(two.Nodes, n => n.Entity == mnla);
        Assert.True(few.Truncated);
        Assert.Equal(1, few.Statements);
        Assert.Single(few.Edges);
        Assert.True(recent.Truncated);
        Assert.Equal(3, recent.Statements);
        Assert.False(all.Truncated);
        Assert.Equal(NetworkBuilder.Build(Store.FindRelations(), Undirected).Edges.Select(Edge), all.Edges.Select(Edge));
    }

    [Fact]
    public void A_period_and_types_narrow_the_network_read_around_an_actor()
    {
        var mnla = Store.ResolveEntity("MNLA");
        static bool Undirected(string type) => type is not ("cooperates_with" or "opposes");
        var filter = new RelationFilter(new DatePeriod(PartialDate.OfMonth(2012, 5), PartialDate.OfYear(2012)), ["opposes", "cooperates_with"]);

        var read = NetworkReader.Around(Store, mnla, 2, filter, Undirected);
        var expected = NetworkBuilder.Build(Store.FindRelations(filter), Undirected, mnla, 2);

        Assert.NotEmpty(read.Edges);
        Assert.Equal(expected.Edges.Select(Edge), read.Edges.Select(Edge));
    }

    private static string Edge(NetworkEdge e) => $"{e.Source.Id} {e.Type} {e.Target.Id} {string.Join(",", e.DocumentIds)}";
}
