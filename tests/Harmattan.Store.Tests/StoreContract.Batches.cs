using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

public abstract partial class StoreContract<TFixture>
{
    // ---- storing many documents in one transaction ----

    private static Report[] SomeReports() =>
        [SahelReports.Gao(), SahelReports.Kidal(), SahelReports.ShariaCourts(), SahelReports.WaterInGao(), SahelReports.Daily(1)];

    [Fact]
    public void A_batch_stores_the_same_knowledge_base_as_one_document_at_a_time()
    {
        var oneByOne = Fixture.NewLocation();
        using (var store = Fixture.Open(oneByOne))
        {
            foreach (var report in SomeReports())
            {
                Assert.Equal(IngestOutcome.Added, store.Upsert(report.Document, report.Extraction));
            }
        }

        var batched = Fixture.NewLocation();
        using (var store = Fixture.Open(batched))
        {
            var results = store.UpsertMany(SomeReports().Select(r => new DocumentToStore(r.Document, r.Extraction)).ToList());
            Assert.All(results, r => Assert.Equal(new StoreResult(IngestOutcome.Added, null), r));
        }

        // Every row of every table is the same, in the same order, except the times of the ingest itself. A batch
        // merges an entity, alias or key row once, where one document at a time merges it again for each document.
        Assert.Equal(
            Fixture.RowsInOrder(oneByOne, "documents", "audit_log", KeptTallies.Table),
            Fixture.RowsInOrder(batched, "documents", "audit_log", KeptTallies.Table));
        // A batch adds each entity's counts once, in its own order.
        Assert.Equal(KeptTallies.ByEntity(Fixture.Contents(oneByOne)), KeptTallies.ByEntity(Fixture.Contents(batched)));
        Assert.Equal(Fixture.RowCounts(oneByOne), Fixture.RowCounts(batched));
        using var expected = Fixture.Open(oneByOne);
        using var actual = Fixture.Open(batched);
        foreach (var report in SomeReports())
        {
            AssertSameReport(report, actual.GetDocument(report.Id));
            Assert.Equal(expected.GetResolutions(report.Id), actual.GetResolutions(report.Id));
        }

        Assert.Equal(
            expected.Search("Gao").Select(h => (h.Kind, h.DocumentId, h.ClaimId)),
            actual.Search("Gao").Select(h => (h.Kind, h.DocumentId, h.ClaimId)));
        Assert.Equal(SomeReports().Select(r => r.Id), actual.ListAudit(new AuditFilter(Action: "ingest"), oldestFirst: true).Entries.Select(e => e.Subject));
        // The rows carry the days they are listed by as the database would have given them (dated and undated documents).
        Assert.Empty(actual.CheckConsistency());
    }

    [Fact]
    public void A_later_document_of_a_batch_resolves_to_the_entities_an_earlier_one_introduced()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();

        store.UpsertMany([new DocumentToStore(gao.Document, gao.Extraction), new DocumentToStore(kidal.Document, kidal.Extraction)]);

        var resolution = Assert.Single(store.GetResolutions(kidal.Id), r => r.EntityId == SahelReports.Mnla);
        Assert.NotEqual(Resolution.ResolutionMethod.New, resolution.Method);
        Assert.Single(store.ListEntities(EntityType.ArmedGroup, 0, 100).Entities, e => e.Id == SahelReports.Mnla);
    }

    [Theory]
    [MemberData(nameof(Breakages.All), MemberType = typeof(Breakages))]
    public void A_document_of_a_batch_that_does_not_fit_is_left_out_and_the_others_are_stored(string breakage)
    {
        var kidal = SahelReports.Kidal();
        var courts = SahelReports.ShariaCourts();
        var gao = SahelReports.Gao();
        var withoutGao = Fixture.NewLocation();
        using (var store = Fixture.Open(withoutGao))
        {
            store.Upsert(kidal.Document, kidal.Extraction);
            store.Upsert(courts.Document, courts.Extraction);
        }

        var location = Fixture.NewLocation();
        using (var store = Fixture.Open(location))
        {
            var results = store.UpsertMany(
            [
                new DocumentToStore(kidal.Document, kidal.Extraction),
                new DocumentToStore(gao.Document, Breakages.Apply(gao, breakage)),
                new DocumentToStore(courts.Document, courts.Extraction),
            ]);

            Assert.Equal(IngestOutcome.Added, results[0].Outcome);
            Assert.Null(results[0].Error);
            var error = Assert.IsType<HarmattanException>(results[1].Error);
            Assert.Same(HarmattanError.InvalidExtraction, error.Error);
            Assert.Contains(gao.Id, error.Message, StringComparison.Ordinal);
            Assert.Equal(new StoreResult(IngestOutcome.Added, null), results[2]);
            Assert.False(store.Contains(gao.Id));
            Assert.Empty(store.Search("Ansongo"));
            Assert.Empty(store.CheckConsistency());
        }

        // Nothing of the refused document remains: not an entity, alias, key or audit line.
        Assert.Equal(Fixture.RowCounts(withoutGao), Fixture.RowCounts(location));
        Assert.Equal(
            Fixture.RowsInOrder(withoutGao, "documents", "audit_log", KeptTallies.Table),
            Fixture.RowsInOrder(location, "documents", "audit_log", KeptTallies.Table));
        Assert.Equal(KeptTallies.ByEntity(Fixture.Contents(withoutGao)), KeptTallies.ByEntity(Fixture.Contents(location)));
    }

    [Fact]
    public void A_batch_resolves_against_what_another_process_changed_since_the_last_batch()
    {
        // A store keeps what its last batch learnt of entities for the next one; a deletion made through another
        // connection (another process) removed Ansar Dine, Kidal, Mali and Iyad Ag Ghaly, which the next batch
        // must write again rather than take for stored.
        var location = Fixture.NewLocation();
        var kidal = SahelReports.Kidal();
        using var ingest = Fixture.Open(location);
        ingest.Upsert(SahelReports.Gao().Document, SahelReports.Gao().Extraction);
        ingest.Upsert(kidal.Document, kidal.Extraction);
        using (var other = Fixture.Open(location))
        {
            Assert.Equal(["Ansar Dine", "Iyad Ag Ghaly", "Kidal", "Mali"], other.DeleteDocument(kidal.Id).RemovedEntities.Select(e => e.Name));
        }

        Assert.Equal(IngestOutcome.Added, ingest.Upsert(kidal.Document, kidal.Extraction));

        AssertSameReport(kidal, ingest.GetDocument(kidal.Id));
        Assert.Equal("Ansar Dine", ingest.LookUpEntity("Ansar Eddine").Name);
        Assert.Empty(ingest.CheckConsistency());
    }

    [Fact]
    public void The_same_text_twice_in_a_batch_is_stored_once()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var entry = new DocumentToStore(gao.Document, gao.Extraction);

        var results = store.UpsertMany([entry, entry]);

        Assert.Equal([IngestOutcome.Added, IngestOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Single(store.ListDocuments());
        AssertSameReport(gao, store.GetDocument(gao.Id));
        Assert.Equal([IngestOutcome.Unchanged], store.UpsertMany([entry]).Select(r => r.Outcome));
    }

    [Fact]
    public void An_empty_batch_writes_nothing()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var before = Fixture.RowCounts(location);

        Assert.Empty(store.UpsertMany([]));

        Assert.Equal(before, Fixture.RowCounts(location));
    }
}
