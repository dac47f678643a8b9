using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Store.Resolution;

namespace Harmattan.Ingest.Tests;

/// <summary>
/// Four short reports we wrote (Fixtures/resolution) that spell the same actors differently, ingested
/// through the real pipeline into a real SQLite file: each actor must end up as one entity, and actors
/// that only share a surname must not.
/// </summary>
public sealed class ResolutionFixtureTests : IDisposable
{
    private readonly IngestedStore _kb = new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "resolution"));

    public void Dispose() => _kb.Dispose();

    [Fact]
    public void Every_fixture_report_is_stored()
    {
        Assert.Equal(4, _kb.Results.Count);
        Assert.All(_kb.Results, r => Assert.Equal(IngestStatus.Added, r.Status));
    }

    [Theory]
    [InlineData("Ansar Dine", "Ansar Eddine", "Ansar al-Din")]
    [InlineData("Iyad Ag Ghaly", "Iyad ag Ghali")]
    [InlineData("MUJAO", "MOJWA", "Movement for Oneness and Jihad in West Africa")]
    [InlineData("MNLA", "National Movement for the Liberation of Azawad")]
    [InlineData("Gourma Herders Association", "GHA")]
    [InlineData("Gao Traders Union", "GTU")]
    [InlineData("Mohamed Ag Najem", "Mohamed Ag Nagem")]
    [InlineData("El Hadj Ag Gamou", "Gamou")]
    public void Every_spelling_of_one_actor_names_one_entity(params string[] spellings)
    {
        var ids = _kb.EntitiesNamed(spellings);
        Assert.Single(ids);
        // And every spelling was seen (as the entity's name or one of its aliases).
        Assert.All(spellings, s => Assert.Equal(ids.Single(), _kb.Store.LookUpEntity(s).Id));
    }

    [Fact]
    public void Links_that_no_registry_made_are_recorded_with_their_method()
    {
        var resolutions = _kb.Store.ListDocuments()
            .SelectMany(d => _kb.Store.GetResolutions(d.Id))
            .ToList();
        ResolutionMethod Method(string name) => Assert.Single(resolutions, r => r.Name == name).Method;

        // One report defined "Gourma Herders Association (GHA)", so the bare GHA is a stored alias; the
        // Gao Traders Union was never abbreviated before "GTU" appeared, so only its initials link them.
        Assert.Equal(ResolutionMethod.Alias, Method("GHA"));
        Assert.Equal(ResolutionMethod.Acronym, Method("GTU"));
        Assert.Equal(ResolutionMethod.Fuzzy, Method("Mohamed Ag Nagem"));
        Assert.Equal(ResolutionMethod.Surname, Method("Gamou"));
        // Two stored Traorés: the bare surname links to neither.
        Assert.Equal(ResolutionMethod.Ambiguous, Method("Traoré"));
        // Registry spellings link by the registry-derived id.
        Assert.Equal(ResolutionMethod.Id, Method("Ansar Eddine"));
    }

    [Fact]
    public void Two_people_who_share_a_surname_stay_two_and_the_bare_surname_stays_apart()
    {
        var dioncounda = _kb.Store.LookUpEntity("Dioncounda Traoré");
        var moussa = _kb.Store.LookUpEntity("Moussa Traoré");

        Assert.NotEqual(dioncounda.Id, moussa.Id);
        Assert.Equal(EntityType.Person, dioncounda.Type);
        Assert.Equal(EntityType.Person, moussa.Type);
        var bare = _kb.Store.LookUpEntity("Traoré");
        Assert.DoesNotContain(bare.Id, new[] { dioncounda.Id, moussa.Id });
    }

    [Fact]
    public void The_entity_counts_are_those_of_the_actors_the_reports_name()
    {
        var stats = _kb.Store.GetStats();

        // Ansar Dine, MNLA, MUJAO.
        Assert.Equal(3, stats.EntitiesByType[EntityType.ArmedGroup]);
        // Iyad Ag Ghaly, Mohamed Ag Najem, El Hadj Ag Gamou, Dioncounda Traoré, Moussa Traoré, and the
        // bare "Traoré" an analyst has to place.
        Assert.Equal(6, stats.EntitiesByType[EntityType.Person]);
        // The Gourma Herders Association and the Gao Traders Union.
        Assert.Equal(2, stats.EntitiesByType[EntityType.Organization]);
        // Mali, Niger, Burkina Faso.
        Assert.Equal(3, stats.EntitiesByType[EntityType.Country]);
    }
}
