using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// Merges and splits under concurrency: an analyst who says which change they saw last on an entity changes it
/// only if nobody merged, split or undid since; otherwise HRM0221, and nothing changes.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void A_merge_or_split_expecting_a_change_that_is_no_longer_the_latest_is_refused_and_changes_nothing()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var kidal = SahelReports.Kidal();
        var (defenders, report) = DefendersOfTheFaith();
        store.Upsert(kidal.Document, kidal.Extraction);
        store.Upsert(report.Document, report.Extraction);
        Assert.Null(store.LatestChange("Ansar Dine"));

        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina", KnowledgeStore.NoChange, KnowledgeStore.NoChange);

        Assert.Equal(merge.Id, store.LatestChange("Ansar Dine")?.Id);
        var before = Fixture.Fingerprint(location);
        var stale = Assert.Throws<HarmattanException>(() => store.SplitDocument("Ansar Dine", kidal.Id, "ibrahim", KnowledgeStore.NoChange));
        Assert.Same(HarmattanError.ChangeConflict, stale.Error);
        Assert.Contains($"{merge.Id}, a merge by amina", stale.Message, StringComparison.Ordinal);
        Assert.Contains("not none", stale.Message, StringComparison.Ordinal);
        // The absorbed entity is gone: expecting it unchanged says who merged it into what.
        var absorbed = Assert.Throws<HarmattanException>(() => store.MergeEntities("MNLA", defenders, "ibrahim", null, KnowledgeStore.NoChange));
        Assert.Same(HarmattanError.ChangeConflict, absorbed.Error);
        Assert.Contains($"amina merged {defenders}", absorbed.Message, StringComparison.Ordinal);
        Assert.Same(HarmattanError.BadArgument, Assert.Throws<HarmattanException>(() => store.SplitDocument("Ansar Dine", kidal.Id, "ibrahim", "yesterday")).Error);
        Assert.Equal(before, Fixture.Fingerprint(location));

        // The change the analyst saw (or a prefix of it) is still the latest: the split goes ahead, and is the
        // latest change of both the entity and the one it created.
        var split = store.SplitDocument("Ansar Dine", kidal.Id, "ibrahim", merge.Id[..12]);
        Assert.Equal(split.Id, store.LatestChange(SahelReports.AnsarDine)?.Id);
        Assert.Equal(split.Id, store.LatestChange(split.OtherId)?.Id);
        Assert.Same(HarmattanError.ChangeConflict, Assert.Throws<HarmattanException>(() =>
            store.MergeEntities(SahelReports.AnsarDine, split.OtherId, "amina", merge.Id, split.Id)).Error);
        // The split made the name ambiguous: an analyst who expected the state before it is told why.
        var ambiguous = Assert.Throws<HarmattanException>(() => store.MergeEntities("Ansar Dine", "MNLA", "amina", merge.Id));
        Assert.Same(HarmattanError.ChangeConflict, ambiguous.Error);
        Assert.Contains($"ibrahim split document {kidal.Id}", ambiguous.Message, StringComparison.Ordinal);
        Assert.Same(HarmattanError.AmbiguousEntity, Assert.Throws<HarmattanException>(() => store.MergeEntities("Ansar Dine", "MNLA", "amina")).Error);

        // An undo brings back the state before, and with it the id the analyst saw then.
        store.UndoChange(split.Id, "ibrahim");
        Assert.Equal(merge.Id, store.LatestChange("Ansar Dine")?.Id);
        store.UndoChange(merge.Id, "amina");
        Assert.Null(store.LatestChange("Ansar Dine"));
        Assert.Equal(defenders, store.MergeEntities("Ansar Dine", defenders, "amina", KnowledgeStore.NoChange, KnowledgeStore.NoChange).OtherId);
        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void Two_analysts_changing_one_entity_at_once_one_wins_and_the_other_is_told()
    {
        for (var round = 0; round < 3; round++)
        {
            var location = Fixture.NewLocation();
            var kidal = SahelReports.Kidal();
            var (_, report) = DefendersOfTheFaith();
            using (var store = Fixture.Open(location))
            {
                store.Upsert(kidal.Document, kidal.Extraction);
                store.Upsert(report.Document, report.Extraction);
            }

            // Both looked at Ansar Dine when nothing had been merged or split yet; without the expectation both
            // would go through, and the split would take occurrences the merge had just given it, or not.
            using var amina = Fixture.Open(location);
            using var ibrahim = Fixture.Open(location);
            using var start = new Barrier(2);
            var outcomes = new HarmattanException?[2];
            Parallel.Invoke(
                () => outcomes[0] = Attempt(start, () => amina.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina", KnowledgeStore.NoChange, KnowledgeStore.NoChange)),
                () => outcomes[1] = Attempt(start, () => ibrahim.SplitDocument("Ansar Dine", kidal.Id, "ibrahim", KnowledgeStore.NoChange)));

            var refused = Assert.Single(outcomes, o => o is not null);
            Assert.Same(HarmattanError.ChangeConflict, refused!.Error);
            using var after = Fixture.Open(location);
            Assert.Single(after.ListChanges());
            Assert.Single(after.ListAudit(new AuditFilter(Action: outcomes[0] is null ? "merge" : "split")).Entries);
            Assert.Empty(after.ListAudit(new AuditFilter(Action: outcomes[0] is null ? "split" : "merge")).Entries);
            Assert.Empty(after.CheckConsistency());
        }
    }

    private static HarmattanException? Attempt(Barrier start, Func<EntityChange> change)
    {
        start.SignalAndWait();
        try
        {
            change();
            return null;
        }
        catch (HarmattanException e)
        {
            return e;
        }
    }
}
