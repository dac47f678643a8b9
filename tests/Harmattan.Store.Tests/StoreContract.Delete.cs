using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// Deleting a document: every row of it goes in one transaction with its audit line, entities no document
/// names any more go unless an analyst decided about them, merges and splits that rewrote its rows refuse to be
/// undone, and the same text can be ingested again.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void Deleting_a_document_leaves_the_store_as_before_its_ingest_and_it_can_be_ingested_again()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        // Aliases and lookup keys are not recorded per document: Kidal's names for the MNLA stay (checked below).
        string[] untracked = ["audit_log", "entity_aliases", "entity_keys"];
        var before = Fixture.Contents(location, untracked);
        store.Upsert(kidal.Document, kidal.Extraction, "amina");
        Assert.Contains(store.Search("Eddine"), h => h.DocumentId == kidal.Id);

        var deletion = store.DeleteDocument(kidal.Id[..8].ToUpperInvariant(), "moussa");

        Assert.Equal((kidal.Id, kidal.Document.Title, "moussa"), (deletion.Id, deletion.Title, deletion.By));
        Assert.Equal(kidal.Extraction.Claims.Count + kidal.Extraction.Relations.Count + kidal.Extraction.Events.Count, deletion.Facts);
        Assert.Equal(kidal.Extraction.Mentions.Count, deletion.Mentions);
        // Ansar Dine, Kidal, Mali and Iyad Ag Ghaly were named by Kidal only; the MNLA and AQIM by Gao too.
        Assert.Equal(["Ansar Dine", "Iyad Ag Ghaly", "Kidal", "Mali"], deletion.RemovedEntities.Select(e => e.Name));
        Assert.Empty(deletion.KeptEntities);
        Assert.Empty(deletion.StrandedChanges);
        Assert.Equal(before, Fixture.Contents(location, untracked));
        Assert.False(store.Contains(kidal.Id));
        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.GetDocument(kidal.Id)).Error);
        Assert.Same(HarmattanError.EntityNotFound, Assert.Throws<HarmattanException>(() => store.LookUpEntity("Ansar Eddine")).Error);
        Assert.Equal(SahelReports.Mnla, store.LookUpEntity("National Movement for the Liberation of Azawad").Id);
        Assert.Empty(store.Search("Eddine"));
        Assert.Empty(store.Search("independence"));
        Assert.Empty(store.CheckConsistency());
        var line = store.ListAudit(new AuditFilter(Action: "delete")).Entries.Single();
        Assert.Equal(("moussa", kidal.Id), (line.By, line.Subject));
        Assert.Contains(kidal.Document.Title, line.Detail, StringComparison.Ordinal);
        Assert.Single(store.ListAudit(new AuditFilter(Action: "ingest", By: "amina")).Entries);

        Assert.Equal(IngestOutcome.Added, store.Upsert(kidal.Document, kidal.Extraction));

        AssertSameReport(kidal, store.GetDocument(kidal.Id));
        Assert.Contains(store.Search("Eddine"), h => h.DocumentId == kidal.Id);
        Assert.Equal(2, store.GetStats().Documents);
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void Reviews_of_a_deleted_documents_facts_go_with_them_and_an_entity_an_analyst_decided_about_stays()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        store.Upsert(kidal.Document, kidal.Extraction);
        var leads = kidal.Extraction.Relations.Single(r => r.Type == "leads");
        var rejected = store.Review(new ReviewRequest(new FactRef(FactKind.Relation, kidal.Id, leads.Id), ReviewAction.Reject, null, "amina"), TheSchema);
        var ghaly = store.LookUpEntity("Iyad Ag Ghaly").Id;
        store.Review(new ReviewRequest(new FactRef(FactKind.Entity, null, ghaly), ReviewAction.Confirm, null, "amina"), TheSchema);
        var gaoReview = store.Review(
            new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, gao.Extraction.Claims[0].Id), ReviewAction.Confirm, null, "ibrahim"), TheSchema);

        var deletion = store.DeleteDocument(kidal.Id, "moussa");

        Assert.Equal(1, deletion.Reviews);
        Assert.Equal("Iyad Ag Ghaly", Assert.Single(deletion.KeptEntities).Name);
        Assert.DoesNotContain(deletion.RemovedEntities, e => e.Id == ghaly);
        Assert.Equal(ghaly, store.LookUpEntity("Iyad Ag Ghaly").Id);
        Assert.Same(HarmattanError.ReviewNotFound, Assert.Throws<HarmattanException>(() => store.GetReview(rejected.Id)).Error);
        Assert.Same(HarmattanError.ReviewNotFound, Assert.Throws<HarmattanException>(() => store.UndoReview(rejected.Id, "amina")).Error);
        Assert.Equal(gaoReview.Id, store.GetReview(gaoReview.Id).Id);
        Assert.Equal(2, store.ListReviews().Total);
        // The audit log still says the review happened.
        Assert.Contains(store.ListAudit(new AuditFilter(Action: "review")).Entries, e => e.Subject == rejected.Id);
        Assert.Contains("Iyad Ag Ghaly", store.ListAudit(new AuditFilter(Action: "delete")).Entries.Single().Detail, StringComparison.Ordinal);
        Assert.Empty(store.CheckConsistency());

        // The same text comes back with every fact proposed, and the confirmed entity is the one it names.
        store.Upsert(kidal.Document, kidal.Extraction);
        Assert.DoesNotContain(store.GetReviewStatuses(kidal.Id), s => s.Kind != FactKind.Entity);
        Assert.Contains((FactKind.Entity, ghaly, ReviewStatus.Confirmed), store.GetReviewStatuses(kidal.Id));
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void A_merge_that_rewrote_rows_of_a_deleted_document_cannot_be_undone_and_others_still_can()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        var (defenders, report) = DefendersOfTheFaith();
        foreach (var r in new[] { gao, kidal, report })
        {
            store.Upsert(r.Document, r.Extraction);
        }

        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");
        var split = store.SplitDocument("MNLA", gao.Id, "ibrahim");

        var deletion = store.DeleteDocument(report.Id, "moussa");

        Assert.Equal([merge.Id], deletion.StrandedChanges);
        // The survivor of a merge in force stays even when no document names it (here Kidal still does).
        Assert.Equal(SahelReports.AnsarDine, store.LookUpEntity("Ansar Dine").Id);
        Assert.Empty(store.CheckConsistency());
        var before = Fixture.Fingerprint(location);
        var refused = Assert.Throws<HarmattanException>(() => store.UndoChange(merge.Id, "amina"));
        Assert.Same(HarmattanError.UndoRefused, refused.Error);
        Assert.Contains("deleted or replaced after it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.Fingerprint(location));

        // The same text again: rows that may take the freed row ids are not the rows the merge rewrote.
        store.Upsert(report.Document, report.Extraction);
        Assert.Same(HarmattanError.UndoRefused, Assert.Throws<HarmattanException>(() => store.UndoChange(merge.Id, "amina")).Error);
        Assert.DoesNotContain(defenders, store.GetDocument(report.Id).Extraction.Entities.Select(e => e.Id));

        // The split touched only Gao's rows: deleting another document does not strand it.
        Assert.Empty(store.DeleteDocument(kidal.Id, "moussa").StrandedChanges);
        Assert.Equal(split.Id, store.UndoChange(split.Id, "ibrahim").Id);
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void Deleting_a_document_that_is_not_stored_changes_nothing()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var before = Fixture.Fingerprint(location);

        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.DeleteDocument(new string('0', 64), "moussa")).Error);
        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.DeleteDocument("abc", "moussa")).Error);

        Assert.Equal(before, Fixture.Fingerprint(location));
        Assert.Empty(store.ListAudit(new AuditFilter(Action: "delete")).Entries);
    }

    [Fact]
    public void Deleting_an_imported_records_document_forgets_the_record_so_it_can_be_imported_again()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var row = ImportedRow("Fighting near the airport.", 3);
        store.StoreImported(Record(), row.Document, row.Extraction);

        store.DeleteDocument(row.Id, "moussa");

        Assert.Empty(store.ImportedRecords("acled"));
        Assert.Empty(store.PlaceCoordinates());
        Assert.Empty(store.CheckConsistency());
        Assert.Equal(ImportOutcome.Added, store.StoreImported(Record(), row.Document, row.Extraction));
        Assert.Equal(row.Id, Assert.Single(store.ImportedRecords("acled")).DocumentId);
    }
}
