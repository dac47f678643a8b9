using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>Resolving names in the planted reports, where names are shared on purpose.</summary>
public sealed class PlantedQueryTests : IDisposable
{
    private readonly PlantedStore _planted = new();

    public void Dispose() => _planted.Dispose();

    private KnowledgeStore Store => _planted.Store;

    [Fact]
    public void A_name_two_entities_bear_is_HRM0211_listing_both()
    {
        var e = Assert.Throws<HarmattanException>(() => Store.ResolveEntity("NIGER"));

        Assert.Equal(HarmattanError.AmbiguousEntity, e.Error);
        Assert.Contains("Niger (Country, ent_", e.Message, StringComparison.Ordinal);
        Assert.Contains("Niger (Place, ent_", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            Store.FindEntities("niger").Select(n => new Candidate(n.Id, "Niger", n.Type.ToString())).OrderBy(c => c.Id, StringComparer.Ordinal),
            e.Candidates.OrderBy(c => c.Id, StringComparer.Ordinal));
        Assert.Equal(["Country", "Place"], e.Candidates.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.Equal(2, Store.FindEntities("niger").Count);
    }

    [Fact]
    public void An_entitys_own_name_wins_over_another_entitys_alias()
    {
        // "Ayorou" is the town's name and an alias of the Ayorou Council.
        var town = Store.ResolveEntity("ayorou");
        var council = Store.ResolveEntity("Ayorou Council");

        Assert.Equal(("Ayorou", EntityType.Place), (town.Name, town.Type));
        Assert.Equal(EntityType.Organization, council.Type);
        Assert.Contains("Ayorou", Store.GetActorProfile(council).Aliases);
    }

    [Fact]
    public void An_id_or_a_long_enough_id_prefix_finds_the_entity()
    {
        var mnla = Store.ResolveEntity(PlantedStore.Mnla);

        Assert.Equal("MNLA", mnla.Name);
        Assert.Equal(mnla, Store.ResolveEntity(PlantedStore.Mnla[..10]));
        Assert.Empty(Store.FindEntities("ent_12"));
        Assert.Empty(Store.FindEntities("Movement of Nobody"));
    }
}
