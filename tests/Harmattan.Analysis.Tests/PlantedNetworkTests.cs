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
}
