using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// A source (what a server opens a store per request from): checked and migrated once, then stores on pooled
/// connections without the check at open; every transaction still confirms the schema version, so a newer
/// Harmattan migrating the knowledge base underneath is refused before anything is read or written.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void A_source_migrates_once_and_its_stores_share_one_knowledge_base()
    {
        var location = Fixture.NewLocation();
        using var source = KnowledgeStoreSource.Create(location);
        Assert.Equal(KnowledgeStore.LatestSchemaVersion, source.SchemaVersion);
        Assert.Contains(Fixture.Tables(location), t => t == "documents");

        using (var writer = source.OpenStore())
        using (var reader = source.OpenStore())
        {
            var gao = SahelReports.Gao();
            Assert.Equal(IngestOutcome.Added, writer.Upsert(gao.Document, gao.Extraction));
            Assert.True(reader.Contains(gao.Document.Id));
            Assert.Equal(1, reader.GetStats().Documents);
            Assert.Equal(source.Location, reader.Location);
            Assert.Equal(source.Backend, reader.Backend);
            using var another = reader.OpenAnother();
            Assert.Equal(1, another.GetStats().Documents);
        }

        // Many stores, one after the other and at once, on the pool's connections.
        Parallel.For(0, 40, _ =>
        {
            using var store = source.OpenStore();
            Assert.Equal(1, store.GetStats().Documents);
        });
    }

    [Fact]
    public void A_source_refuses_what_opening_a_store_refuses()
    {
        Assert.Same(HarmattanError.NotHarmattanDatabase, Assert.Throws<HarmattanException>(() => KnowledgeStoreSource.Create(Fixture.CreateForeignDatabase())).Error);
        Assert.Same(HarmattanError.DatabaseUnavailable, Assert.Throws<HarmattanException>(() => KnowledgeStoreSource.Create(Fixture.UnavailableLocation())).Error);

        var location = Fixture.NewLocation();
        using (Fixture.Open(location))
        {
        }

        Fixture.SetSchemaVersion(location, KnowledgeStore.LatestSchemaVersion + 1);
        Assert.Same(HarmattanError.NewerSchema, Assert.Throws<HarmattanException>(() => KnowledgeStoreSource.Create(location)).Error);
    }

    [Fact]
    public void A_newer_harmattan_migrating_underneath_open_stores_is_refused_by_their_next_transaction_and_nothing_is_written()
    {
        var location = Fixture.NewLocation();
        using var source = KnowledgeStoreSource.Create(location);
        using var fromSource = source.OpenStore();
        using var openedAlone = Fixture.Open(location);
        var gao = SahelReports.Gao();
        Assert.Equal(IngestOutcome.Added, fromSource.Upsert(gao.Document, gao.Extraction));

        var newer = KnowledgeStore.LatestSchemaVersion + 1;
        Fixture.SetSchemaVersion(location, newer);
        var before = Fixture.Contents(location);

        using var openedAfter = source.OpenStore();
        foreach (var store in new[] { fromSource, openedAlone, openedAfter })
        {
            var read = Assert.Throws<HarmattanException>(() => store.GetStats());
            Assert.Same(HarmattanError.NewerSchema, read.Error);
            Assert.Contains(newer.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Message, StringComparison.Ordinal);
            var kidal = SahelReports.Kidal();
            Assert.Same(HarmattanError.NewerSchema, Assert.Throws<HarmattanException>(() => store.Upsert(kidal.Document, kidal.Extraction)).Error);
            Assert.Same(HarmattanError.NewerSchema, Assert.Throws<HarmattanException>(() => store.AddUser("amina", Role.Admin, null)).Error);
        }

        Assert.Equal(before, Fixture.Contents(location));

        // Put back (as if the newer Harmattan's migration had been undone), the same stores work again; a
        // version lower than the one they opened at is refused as a replaced database.
        Fixture.SetSchemaVersion(location, KnowledgeStore.LatestSchemaVersion);
        Assert.Equal(1, fromSource.GetStats().Documents);
        Fixture.SetSchemaVersion(location, KnowledgeStore.LatestSchemaVersion - 1);
        Assert.Same(HarmattanError.DatabaseUnavailable, Assert.Throws<HarmattanException>(() => openedAfter.GetStats()).Error);
    }
}
