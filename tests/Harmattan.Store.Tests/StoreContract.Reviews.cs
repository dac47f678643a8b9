using Harmattan.Knowledge;
using Harmattan.Tests;

namespace Harmattan.Store.Tests;

/// <summary>
/// The review workflow: confirm, reject and correct recorded with who and when, undone exactly, refused
/// when stale, and kept through re-extraction.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    private static readonly Lazy<Schema> LazySchema = new(() => Schema.Load(DataDirectory.Locate(Path.Combine(RepositoryRoot.Path, "data"))));

    private static Schema TheSchema => LazySchema.Value;

    [Fact]
    public void Every_fact_starts_proposed_and_the_queue_lists_the_least_confident_first()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);

        var (items, total, _, _, _, _) = store.ReviewQueue(new ReviewQueueFilter(Document: gao.Id[..8]), 0, 500);

        var facts = gao.Extraction.Claims.Count + gao.Extraction.Relations.Count + gao.Extraction.Events.Count + gao.Extraction.Attributes.Count;
        Assert.Equal(facts + gao.Extraction.Entities.Count, total);
        Assert.Equal(total, items.Count);
        Assert.All(items, i => Assert.Equal(ReviewStatus.Proposed, i.Status));
        Assert.Equal(items.Select(i => i.Confidence).Order(), items.Select(i => i.Confidence));
        var offshoot = Assert.Single(items, i => i.Kind == FactKind.Relation && i.Fields["type"] == "offshoot_of");
        Assert.Equal("MUJAO offshoot_of AQIM", offshoot.Summary);
        Assert.Contains("is an offshoot of AQIM", offshoot.Evidence!.Text, StringComparison.Ordinal);
        Assert.Equal(gao.Document.Text[offshoot.Evidence.Start..offshoot.Evidence.End].Trim(), offshoot.Evidence.Text);
        Assert.Equal(gao.Document.Title, offshoot.DocumentTitle);

        var (claims, claimTotal, _, _, _, _) = store.ReviewQueue(new ReviewQueueFilter(Kind: FactKind.Claim), 1, 1);
        Assert.Equal(3, claimTotal);
        Assert.Equal(FactKind.Claim, Assert.Single(claims).Kind);
    }

    [Fact]
    public void The_queue_read_page_by_page_is_the_whole_queue_once_in_order()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        foreach (var report in new[] { SahelReports.Gao(), SahelReports.Kidal(), SahelReports.ShariaCourts() })
        {
            store.Upsert(report.Document, report.Extraction);
        }

        var (whole, total, _, _, _, _) = store.ReviewQueue(null, 0, 500);
        Assert.Equal(total, whole.Count);
        Assert.True(total > 20, $"{total} facts waiting");
        foreach (var size in new[] { 1, 3, 7 })
        {
            var paged = new List<ReviewItem>();
            for (var offset = 0; offset < total + size; offset += size)
            {
                var (items, pageTotal, _, _, _, _) = store.ReviewQueue(null, offset, size);
                Assert.Equal(total, pageTotal);
                paged.AddRange(items);
            }

            Assert.Equal(whole.Select(Key), paged.Select(Key));
        }

        // Least confident first; among equals, entities, claims, relations, events, attributes.
        Assert.Equal(whole.OrderBy(i => i.Confidence).ThenBy(i => i.Kind).Select(Key), whole.Select(Key));
        Assert.Equal(whole.Count, whole.Select(Key).Distinct().Count());

        // Counted up to a limit, a kind makes the total "at least"; the pages are the same.
        var capped = store.ReviewQueue(null, 0, 5, countLimit: 4);
        var byKind = whole.CountBy(i => i.Kind).Select(k => Math.Min(k.Value, 4)).Sum();
        Assert.True(capped.TotalIsLowerBound);
        Assert.Equal(whole.Take(5).Select(Key), capped.Items.Select(Key));
        Assert.True(capped.More);
        Assert.Equal(Math.Max(byKind, 6), capped.Total);
        Assert.False(store.ReviewQueue(null, 0, 5, countLimit: (int)total).TotalIsLowerBound);

        // Past the end a page is empty and still says how many there are; a page that cannot be is refused.
        var past = store.ReviewQueue(null, int.MaxValue - 10, 50);
        Assert.Empty(past.Items);
        Assert.Equal(total, past.Total);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ReviewQueue(null, -1, 50)).Error);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.ReviewQueue(null, 0, 0)).Error);

        static (FactKind, string?, string) Key(ReviewItem item) => (item.Kind, item.DocumentId, item.FactId);
    }

    [Fact]
    public void Rejecting_a_relation_hides_it_from_the_queries_and_undoing_restores_it_exactly()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var relation = gao.Extraction.Relations.Single(r => r.Type == "offshoot_of");
        var before = Fixture.Contents(location, "reviews", "review_changes", "audit_log");

        var review = store.Review(new ReviewRequest(new FactRef(FactKind.Relation, gao.Id[..10], relation.Id), ReviewAction.Reject, null, "amina"), TheSchema);

        Assert.Equal((ReviewStatus.Proposed, ReviewStatus.Rejected, "amina", gao.Id), (review.StatusBefore, review.StatusAfter, review.By, review.DocumentId));
        Assert.DoesNotContain(store.FindRelations(), r => r.Id == relation.Id);
        Assert.DoesNotContain(store.GetActorProfile(store.ResolveEntity("MUJAO")).Relations.Items, r => r.Type == "offshoot_of");
        Assert.Contains((FactKind.Relation, relation.Id, ReviewStatus.Rejected), store.GetReviewStatuses(gao.Id));
        Assert.Equal(review.Id, Assert.Single(store.ListReviews().Reviews).Id);

        var undone = store.UndoReview(review.Id, "ibrahim");

        Assert.Equal("ibrahim", undone.UndoneBy);
        Assert.Equal(before, Fixture.Contents(location, "reviews", "review_changes", "audit_log"));
        Assert.Contains(store.FindRelations(), r => r.Id == relation.Id);
        Assert.Same(HarmattanError.ReviewConflict, Assert.Throws<HarmattanException>(() => store.UndoReview(review.Id, "ibrahim")).Error);
    }

    [Fact]
    public void A_rejected_event_no_longer_counts_for_its_place_and_counts_again_once_undone()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var e = gao.Extraction.Events.First(x => x.PlaceIds.Count > 0);
        var place = store.ResolveEntity(gao.Extraction.Entities.Single(x => x.Id == e.PlaceIds[0]).Name);
        PlaceUsage Usage() => store.Places().Single(p => p.Place.Id == place.Id);
        var before = Usage();
        Assert.True(before.Events > 0 && before.Mentions > 0 && before.Documents == 1, before.ToString());

        var review = store.Review(new ReviewRequest(new FactRef(FactKind.Event, gao.Id, e.Id), ReviewAction.Reject, null, "amina"), TheSchema);

        Assert.Equal(before with { Events = before.Events - 1 }, Usage());
        store.UndoReview(review.Id, "amina");
        Assert.Equal(before, Usage());
    }

    [Fact]
    public void A_correction_changes_the_fields_confirms_the_fact_and_undoing_it_puts_them_back()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var attack = Assert.Single(gao.Extraction.Events);
        var claim = gao.Extraction.Claims[0];
        var before = Fixture.Contents(location, "reviews", "review_changes", "audit_log");

        var dated = store.Review(
            new ReviewRequest(new FactRef(FactKind.Event, gao.Id, attack.Id), ReviewAction.Correct,
                new Dictionary<string, string?> { ["date"] = "2012-06-26", ["type"] = "battle" }, "amina"),
            TheSchema);
        var spoken = store.Review(
            new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, claim.Id), ReviewAction.Correct,
                new Dictionary<string, string?> { ["speaker"] = "MUJAO" }, "amina", ReviewStatus.Proposed),
            TheSchema);

        Assert.Equal(ReviewStatus.Confirmed, dated.StatusAfter);
        Assert.Contains(new FieldChange("date", "2012-06-27", "2012-06-26"), dated.Changes);
        var moved = Assert.Single(store.Timeline(), e => e.Id == attack.Id);
        Assert.Equal((PartialDate.OfDay(2012, 6, 26), "battle"), (moved.Date, moved.Type));
        Assert.Equal(new FieldChange("speaker", claim.SpeakerId, SahelReports.Mujao), Assert.Single(spoken.Changes));
        Assert.Contains(store.FindClaims(new ClaimFilter(Speaker: store.ResolveEntity("MUJAO"))), c => c.Id == claim.Id);

        store.UndoReview(spoken.Id, "amina");
        store.UndoReview(dated.Id, "amina");

        Assert.Equal(before, Fixture.Contents(location, "reviews", "review_changes", "audit_log"));
        Assert.Equal(2, store.ListReviews(new ReviewLogFilter(Document: gao.Id)).Total);
    }

    [Fact]
    public void A_review_of_a_fact_someone_else_reviewed_meanwhile_is_refused_and_changes_nothing()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var fact = new FactRef(FactKind.Claim, gao.Id, gao.Extraction.Claims[1].Id);
        var first = store.Review(new ReviewRequest(fact, ReviewAction.Confirm, null, "amina", ReviewStatus.Proposed), TheSchema);
        var before = Fixture.Fingerprint(location);

        var stale = Assert.Throws<HarmattanException>(() =>
            store.Review(new ReviewRequest(fact, ReviewAction.Reject, null, "ibrahim", ReviewStatus.Proposed), TheSchema));

        Assert.Same(HarmattanError.ReviewConflict, stale.Error);
        Assert.Contains("confirmed", stale.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.Fingerprint(location));

        // A later review is in force: the earlier one cannot be undone under it.
        var second = store.Review(new ReviewRequest(fact, ReviewAction.Reject, null, "ibrahim", ReviewStatus.Confirmed), TheSchema);
        Assert.Same(HarmattanError.ReviewConflict, Assert.Throws<HarmattanException>(() => store.UndoReview(first.Id, "amina")).Error);
        store.UndoReview(second.Id, "ibrahim");
        store.UndoReview(first.Id, "amina");
    }

    [Theory]
    [InlineData(FactKind.Relation, "type", "friends_with", "not a relation type")]
    [InlineData(FactKind.Relation, "type", "leads", "does not join")]
    [InlineData(FactKind.Event, "date", "June 2012", "not a date")]
    [InlineData(FactKind.Event, "colour", "red", "no correctable field")]
    [InlineData(FactKind.Entity, "type", "Dragon", "is not one of")]
    [InlineData(FactKind.Relation, "role", "", "changes nothing")]
    public void A_bad_correction_is_refused_naming_the_problem_and_changes_nothing(FactKind kind, string field, string value, string expected)
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var fact = kind switch
        {
            FactKind.Relation => new FactRef(kind, gao.Id, gao.Extraction.Relations.Single(r => r.Type == "offshoot_of").Id),
            FactKind.Event => new FactRef(kind, gao.Id, gao.Extraction.Events[0].Id),
            _ => new FactRef(kind, null, SahelReports.Mujao),
        };
        var before = Fixture.Fingerprint(location);

        var error = Assert.Throws<HarmattanException>(() => store.Review(
            new ReviewRequest(fact, ReviewAction.Correct, new Dictionary<string, string?> { [field] = value }, "amina"), TheSchema));

        Assert.Same(HarmattanError.BadArgument, error.Error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.Fingerprint(location));
    }

    [Fact]
    public void Reviewing_an_unknown_fact_or_without_a_name_is_refused()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);

        Assert.Same(HarmattanError.FactNotFound, Assert.Throws<HarmattanException>(() => store.Review(
            new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, "clm_nope"), ReviewAction.Confirm, null, "amina"), TheSchema)).Error);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.Review(
            new ReviewRequest(new FactRef(FactKind.Entity, null, SahelReports.Mujao), ReviewAction.Confirm, null, " "), TheSchema)).Error);
        Assert.Same(HarmattanError.ReviewNotFound, Assert.Throws<HarmattanException>(() => store.UndoReview("rev_0000000000", "amina")).Error);
    }

    [Fact]
    public void Renaming_and_retyping_an_entity_keeps_it_findable_by_its_old_name()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);

        var review = store.Review(
            new ReviewRequest(new FactRef(FactKind.Entity, null, SahelReports.Mujao), ReviewAction.Correct,
                new Dictionary<string, string?> { ["name"] = "Movement for Oneness and Jihad in West Africa" }, "amina"),
            TheSchema);

        Assert.Equal("MUJAO", review.Changes[0].Before);
        Assert.Equal(SahelReports.Mujao, store.ResolveEntity("MUJAO").Id);
        Assert.Equal("Movement for Oneness and Jihad in West Africa", store.ResolveEntity("Movement for Oneness and Jihad in West Africa").Name);

        var rejected = store.Review(new ReviewRequest(new FactRef(FactKind.Entity, null, ReportBuilder.EntityId(EntityType.Place, "Ansongo")), ReviewAction.Reject, null, "amina"), TheSchema);
        Assert.Equal(ReviewStatus.Rejected, rejected.StatusAfter);
        Assert.DoesNotContain(store.ListEntities(EntityType.Place, 0, 100).Entities, e => e.Name == "Ansongo");
    }

    [Fact]
    public void Re_extraction_keeps_every_reviewed_fact_as_reviewed_and_replaces_the_proposed_ones()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var offshoot = gao.Extraction.Relations.Single(r => r.Type == "offshoot_of");
        var spokesman = gao.Extraction.Relations.Single(r => r.Type == "affiliated_with");
        var attack = gao.Extraction.Events[0];
        store.Review(new ReviewRequest(new FactRef(FactKind.Relation, gao.Id, offshoot.Id), ReviewAction.Reject, null, "amina"), TheSchema);
        store.Review(new ReviewRequest(new FactRef(FactKind.Event, gao.Id, attack.Id), ReviewAction.Correct,
            new Dictionary<string, string?> { ["date"] = "2012-06-26" }, "amina"), TheSchema);
        store.Review(new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, gao.Extraction.Claims[2].Id), ReviewAction.Confirm, null, "amina"), TheSchema);

        // The same extraction again (every fact would come back proposed), minus the spokesman relation.
        var again = gao.Extraction with { Relations = [.. gao.Extraction.Relations.Where(r => r != spokesman)] };
        var outcome = store.Reextract(gao.Document, again);

        Assert.Equal(3, outcome.KeptReviewed);
        var stored = store.GetDocument(gao.Id).Extraction;
        Assert.DoesNotContain(stored.Relations, r => r.Id == spokesman.Id);
        Assert.Contains((FactKind.Relation, offshoot.Id, ReviewStatus.Rejected), store.GetReviewStatuses(gao.Id));
        Assert.DoesNotContain(store.FindRelations(), r => r.Id == offshoot.Id);
        Assert.Equal(PartialDate.OfDay(2012, 6, 26), Assert.Single(store.Timeline(), e => e.Id == attack.Id).Date);
        Assert.Equal(gao.Extraction.Claims.Count, stored.Claims.Count);
        Assert.Equal(gao.Extraction.Mentions.Count, stored.Mentions.Count);
        Assert.Single(store.Search("sharia"), h => h.ClaimId == gao.Extraction.Claims[0].Id);
        Assert.Equal(3, store.ReviewQueue(new ReviewQueueFilter(Document: gao.Id, Status: ReviewStatus.Confirmed)).Total
                        + store.ReviewQueue(new ReviewQueueFilter(Document: gao.Id, Status: ReviewStatus.Rejected)).Total);
    }

    [Fact]
    public void Re_extraction_of_a_document_that_is_not_stored_or_of_other_text_is_refused()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        var before = Fixture.Fingerprint(location);

        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.Reextract(kidal.Document, kidal.Extraction)).Error);
        Assert.Same(HarmattanError.InvalidExtraction, Assert.Throws<HarmattanException>(
            () => store.Reextract(gao.Document with { Text = gao.Document.Text + " More." }, gao.Extraction)).Error);
        Assert.Equal(before, Fixture.Fingerprint(location));
    }
}
