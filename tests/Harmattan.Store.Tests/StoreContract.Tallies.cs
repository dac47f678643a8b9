using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// The rows of entity_tallies as counts by entity: their row ids follow the order entities were first counted in, and a
/// row of zeros is the same as none (a merge empties the absorbed entity's row, its undo counts it again).
/// </summary>
internal static class KeptTallies
{
    public const string Table = "entity_tallies";

    public static List<string> ByEntity(IReadOnlyDictionary<string, IReadOnlyList<string>> contents) =>
        contents[Table]
            .Select(row => string.Join(" | ", row.Split(" | ").SkipWhile(field => field.Length > 0 && char.IsAsciiDigit(field[0]))))
            .Where(row => !row.EndsWith(" | 0 | 0 | 0", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// The counts kept of each entity (documents, mentions, events at a place): every writer keeps them equal to what the
/// stored documents say, and the places list and the most mentioned entities read them.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    [Fact]
    public void Every_writer_keeps_the_counts_of_each_entity_as_its_documents_say()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        var water = SahelReports.WaterInGao();
        var (_, defenders) = DefendersOfTheFaith();

        store.UpsertMany([new(gao.Document, gao.Extraction), new(kidal.Document, kidal.Extraction), new(water.Document, water.Extraction)]);
        AssertCountsFollowDocuments(store);
        var gaoPlace = store.ResolveEntity("Gao");
        Assert.True(store.Places().Single(p => p.Place.Id == gaoPlace.Id) is { Events: > 0, Mentions: > 0, Documents: 2 });
        store.Upsert(defenders.Document, defenders.Extraction);
        AssertCountsFollowDocuments(store);

        var attack = gao.Extraction.Events.First(e => e.PlaceIds.Count > 0);
        var review = store.Review(new ReviewRequest(new FactRef(FactKind.Event, gao.Id, attack.Id), ReviewAction.Reject, null, "amina"), TheSchema);
        AssertCountsFollowDocuments(store);
        store.UndoReview(review.Id, "amina");
        AssertCountsFollowDocuments(store);

        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");
        AssertCountsFollowDocuments(store);
        var split = store.SplitDocument("Gao", water.Id, "ibrahim");
        AssertCountsFollowDocuments(store);
        store.UndoChange(split.Id, "ibrahim");
        AssertCountsFollowDocuments(store);
        store.UndoChange(merge.Id, "amina");
        AssertCountsFollowDocuments(store);

        store.Reextract(gao.Document, gao.Extraction with { Mentions = gao.Extraction.Mentions.Skip(1).ToList() });
        AssertCountsFollowDocuments(store);
        store.DeleteDocument(kidal.Id, "amina");
        AssertCountsFollowDocuments(store);
        store.DeleteDocument(water.Id, "amina");
        AssertCountsFollowDocuments(store);
        Assert.True(store.Places().Single(p => p.Place.Id == gaoPlace.Id) is { Documents: 1 });
    }

    [Fact]
    public void A_count_that_differs_from_the_rows_is_a_problem_check_names()
    {
        var location = Fixture.NewLocation();
        var gao = SahelReports.Gao();
        using (var store = Fixture.Open(location))
        {
            store.Upsert(gao.Document, gao.Extraction);
            Assert.Empty(store.CheckConsistency());
        }

        var mujao = SahelReports.Mujao;
        Fixture.Execute(location, $"UPDATE entity_tallies SET mentions = mentions + 1 WHERE entity_id = '{mujao}'");

        using (var store = Fixture.Open(location))
        {
            var problem = Assert.Single(store.CheckConsistency());
            Assert.StartsWith("entity_tallies: 1 entities' counts differ from their rows", problem, StringComparison.Ordinal);
            Assert.Contains(mujao, problem, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The places list and the most mentioned entities give, for each entity, what the stored documents say: the
    /// documents listing it, its mentions, and its places' events an analyst has not rejected. And check agrees.
    /// </summary>
    private static void AssertCountsFollowDocuments(KnowledgeStore store)
    {
        var expected = new Dictionary<string, (int Documents, int Mentions, int Events)>(StringComparer.Ordinal);
        void Add(string id, int documents, int mentions, int events)
        {
            var (d, m, e) = expected.GetValueOrDefault(id);
            expected[id] = (d + documents, m + mentions, e + events);
        }

        foreach (var summary in store.ListDocuments(limit: 1000))
        {
            var extraction = store.GetDocument(summary.Id).Extraction;
            var rejected = store.GetReviewStatuses(summary.Id)
                .Where(r => r.Kind == FactKind.Event && r.Status == ReviewStatus.Rejected)
                .Select(r => r.FactId)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var entity in extraction.Entities)
            {
                Add(entity.Id, 1, 0, 0);
            }

            foreach (var mention in extraction.Mentions)
            {
                Add(mention.EntityId, 0, 1, 0);
            }

            foreach (var placeId in extraction.Events.Where(e => !rejected.Contains(e.Id)).SelectMany(e => e.PlaceIds))
            {
                Add(placeId, 0, 0, 1);
            }
        }

        Assert.Empty(store.CheckConsistency());
        var places = store.Places();
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Equal(expected.GetValueOrDefault(p.Place.Id) is var (d, m, e) ? (e, m, d) : default, (p.Events, p.Mentions, p.Documents)));
        var top = store.TopEntities(1000);
        Assert.Equal(expected.Count(x => x.Value.Mentions > 0), top.Count);
        Assert.All(top, t => Assert.Equal((expected[t.Id].Documents, expected[t.Id].Mentions), (t.Documents, t.Mentions)));
    }
}
