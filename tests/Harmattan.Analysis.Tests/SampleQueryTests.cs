using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>The analyst queries on a knowledge base built from the sample reports by the real pipeline.</summary>
public sealed class SampleQueryTests(SampleStore samples) : IClassFixture<SampleStore>
{
    private KnowledgeStore Store => samples.Store;

    [Theory]
    [InlineData("MNLA", "mnla")]
    [InlineData("the mnla", "mnla")]
    [InlineData("National Movement for the Liberation of Azawad", "mnla")]
    [InlineData("ANSAR DINE", "ansar-dine")]
    [InlineData("iyad ag ghaly", "iyad-ag-ghaly")]
    [InlineData("Menaka", null)]
    [InlineData("aqim", "aqim")]
    public void Names_aliases_and_registry_ids_resolve_whatever_the_case_and_accents(string name, string? registryId)
    {
        var entity = Store.ResolveEntity(name);

        if (registryId is not null)
        {
            Assert.Equal(registryId, Store.GetActorProfile(entity).RegistryId);
        }
        else
        {
            Assert.Equal(NameKey.Fold(name), NameKey.Fold(entity.Name));
        }
    }

    [Fact]
    public void An_entity_is_found_by_its_id_and_by_an_id_prefix()
    {
        var mnla = Store.ResolveEntity("MNLA");

        Assert.Equal(mnla, Store.ResolveEntity(mnla.Id));
        Assert.Equal(mnla, Store.ResolveEntity(mnla.Id[..12].ToUpperInvariant()));
    }

    [Fact]
    public void An_unknown_name_is_HRM0210_naming_it()
    {
        var e = Assert.Throws<HarmattanException>(() => Store.ResolveEntity("Front for the Liberation of Nowhere"));

        Assert.Equal(HarmattanError.EntityNotFound, e.Error);
        Assert.Contains("Front for the Liberation of Nowhere", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_profile_counts_the_documents_that_name_the_actor_and_dates_them()
    {
        var mnla = Store.ResolveEntity("MNLA");
        var naming = Store.ListDocuments()
            .Select(d => Store.GetDocument(d.Id))
            .Where(d => d.Extraction.Entities.Any(e => e.Id == mnla.Id))
            .ToList();

        var profile = Store.GetActorProfile(mnla, limit: 500);

        Assert.True(naming.Count >= 3, "the samples name the MNLA in several reports");
        Assert.Equal(naming.Count, profile.Documents);
        Assert.False(profile.NamedIn.TotalIsLowerBound);
        Assert.False(profile.NamedIn.More);
        var namedIn = profile.NamedIn.Items;
        Assert.Equal(naming.Select(d => d.Document.Id).Order(StringComparer.Ordinal), namedIn.Select(d => d.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(namedIn, d => Assert.Equal(
            naming.Single(n => n.Document.Id == d.DocumentId).Extraction.Mentions.Count(m => m.EntityId == mnla.Id), d.Mentions));
        Assert.Equal(namedIn.OrderByDescending(d => d.Date.Earliest).Select(d => d.Date.Earliest), namedIn.Select(d => d.Date.Earliest));
        var dates = naming.Select(d => d.Document.Published ?? PartialDate.OfDay(d.IngestedAt.Year, d.IngestedAt.Month, d.IngestedAt.Day)).ToList();
        Assert.Equal(dates.Min(d => d.Earliest), profile.FirstSeen!.Value.Earliest);
        Assert.Equal(dates.Max(d => d.Earliest), profile.LastSeen!.Value.Earliest);
        Assert.Contains("MNLA", profile.Aliases);
    }

    [Fact]
    public void The_profile_holds_the_actors_events_and_claims_by_and_about_it_with_their_sentences()
    {
        var mnla = Store.ResolveEntity("MNLA");

        var profile = Store.GetActorProfile(mnla, limit: 500);

        Assert.NotEmpty(profile.Events.Items);
        Assert.All(profile.Events.Items, e => Assert.True(e.Actors.Contains(mnla) || e.Places.Contains(mnla)));
        Assert.NotEmpty(profile.ClaimsBy.Items);
        Assert.All(profile.ClaimsBy.Items, c => Assert.Equal(mnla, c.Speaker));
        Assert.NotEmpty(profile.ClaimsAbout.Items);
        Assert.All(profile.ClaimsAbout.Items, c => Assert.Contains(mnla, c.About));
        var sources = profile.Events.Items.Select(e => e.From).Concat(profile.ClaimsBy.Items.Select(c => c.From)).Concat(profile.ClaimsAbout.Items.Select(c => c.From));
        Assert.All(sources, s => AssertEvidenceIsFromItsDocument(s));
        Assert.All(profile.ClaimsBy.Items, c => Assert.Contains(Words(c.Text)[0], c.From.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_profile_section_pages_newest_first_and_its_pages_add_up_to_what_the_lists_hold()
    {
        var mnla = Store.ResolveEntity("MNLA");
        var claimsAbout = Store.FindClaims(new ClaimFilter(About: mnla));
        var events = Store.Timeline().Where(e => e.Actors.Contains(mnla) || e.Places.Contains(mnla)).ToList();
        var relations = Store.FindRelations().Where(r => r.Source == mnla || r.Target == mnla).ToList();

        var pagedClaims = AllPages((o, l) => Store.ClaimsAbout(mnla, o, l));
        var pagedEvents = AllPages((o, l) => Store.ActorEvents(mnla, o, l));
        var pagedRelations = AllPages((o, l) => Store.ActorRelations(mnla, o, l));

        Assert.True(claimsAbout.Count > 2, "the samples hold several claims about the MNLA");
        Assert.Equal(claimsAbout.Select(c => (c.From.DocumentId, c.Id)).Order(), pagedClaims.Select(c => (c.From.DocumentId, c.Id)).Order());
        Assert.Equal(pagedClaims.OrderByDescending(c => c.From.Date.Earliest).Select(c => c.From.Date.Earliest), pagedClaims.Select(c => c.From.Date.Earliest));
        Assert.Equal(events.Select(e => (e.From.DocumentId, e.Id)).Order(), pagedEvents.Select(e => (e.From.DocumentId, e.Id)).Order());
        Assert.Equal(pagedEvents.OrderByDescending(e => e.Date.Earliest).Select(e => e.Date.Earliest), pagedEvents.Select(e => e.Date.Earliest));
        Assert.Equal(relations.Select(r => (r.From.DocumentId, r.Id)).Order(), pagedRelations.Select(r => (r.From.DocumentId, r.Id)).Order());
    }

    /// <summary>Every item of a section read two at a time, checking each page's total and "more" on the way.</summary>
    private static List<T> AllPages<T>(Func<int, int, FactPage<T>> read)
    {
        var items = new List<T>();
        FactPage<T> page;
        do
        {
            page = read(items.Count, 2);
            Assert.InRange(page.Items.Count, 0, 2);
            items.AddRange(page.Items);
            Assert.Equal(page.More, items.Count < page.Total);
            Assert.False(page.TotalIsLowerBound);
        }
        while (page.More);

        Assert.Equal(page.Total, items.Count);
        return items;
    }

    [Fact]
    public void The_timeline_is_in_order_of_earliest_day_and_keeps_to_the_period_and_actor()
    {
        var mujao = Store.ResolveEntity("MUJAO");
        var period = new DatePeriod(PartialDate.OfYear(2012), PartialDate.OfMonth(2013, 6));

        var all = Store.Timeline();
        var some = Store.Timeline(new EventFilter(Actor: mujao, Period: period));

        Assert.True(all.Count > 20);
        Assert.Equal(all.OrderBy(e => e.Date.Earliest).Select(e => e.Date.Earliest), all.Select(e => e.Date.Earliest));
        Assert.NotEmpty(some);
        Assert.All(some, e => Assert.Contains(mujao, e.Actors));
        Assert.All(some, e => Assert.True(period.Overlaps(e.Date), e.Date.ToIso()));
        var expected = all.Count(e => e.Actors.Contains(mujao) && period.Overlaps(e.Date));
        Assert.Equal(expected, some.Count);
    }

    [Fact]
    public void Places_count_the_events_the_timeline_shows_there_and_carry_coordinates()
    {
        var places = Store.Places();
        var gao = places.Single(p => p.Place.Name == "Gao");

        Assert.Equal(gao.Events, Store.Timeline(new EventFilter(Place: gao.Place)).Count);
        Assert.True(gao.Mentions >= gao.Documents && gao.Documents >= 2);
        Assert.Contains(places, p => p.Place.Type == EntityType.Country && p.Place.Name == "Mali");
        Assert.Equal(places.OrderByDescending(p => p.Events).Select(p => p.Events), places.Select(p => p.Events));

        var registry = ActorRegistry.Load(samples.Data, Schema.Load(samples.Data));
        var located = new Places.PlaceLocator(registry, Gazetteer.Load(samples.Data)).Locate(places);
        var gaoAt = located.Single(p => p.Usage.Place.Name == "Gao");
        Assert.InRange(gaoAt.Lat!.Value, 16.0, 16.5);
        Assert.InRange(gaoAt.Lon!.Value, -0.3, 0.2);
        Assert.True(located.Count(p => p.Lat is not null) * 2 > located.Count, "most sample places have coordinates");
    }

    [Fact]
    public void Claims_filter_by_speaker_subject_and_document_date()
    {
        var all = Store.FindClaims();
        var speaker = all.GroupBy(c => c.Speaker).OrderByDescending(g => g.Count()).First().Key;
        var subject = Store.ResolveEntity("Mali");

        var by = Store.FindClaims(new ClaimFilter(Speaker: speaker));
        var about = Store.FindClaims(new ClaimFilter(About: subject));
        var in2012 = Store.FindClaims(new ClaimFilter(Period: new DatePeriod(PartialDate.OfYear(2012), PartialDate.OfYear(2012))));

        Assert.Equal(all.Count(c => c.Speaker == speaker), by.Count);
        Assert.Equal(all.Count(c => c.About.Contains(subject)), about.Count);
        Assert.NotEmpty(about);
        Assert.NotEmpty(in2012);
        Assert.All(in2012, c => Assert.Equal(2012, c.From.Date.Year));
        Assert.True(in2012.Count < all.Count);
    }

    private void AssertEvidenceIsFromItsDocument(FactSource source)
    {
        Assert.False(string.IsNullOrWhiteSpace(source.Evidence));
        var text = Store.GetDocument(source.DocumentId).Document.Text.ReplaceLineEndings(" ");
        Assert.Contains(source.Evidence, text, StringComparison.Ordinal);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
