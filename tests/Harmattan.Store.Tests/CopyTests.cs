using Harmattan.Knowledge;
using Harmattan.Tests;

namespace Harmattan.Store.Tests;

/// <summary>
/// <see cref="KnowledgeStore.CopyTo"/> between the backends (what <c>harmattan migrate</c> runs): a knowledge
/// base with a row in every table goes to PostgreSQL and back, and comes back row for row, row ids included,
/// so what was recorded before the copy (a merge) can be undone after it.
/// </summary>
public sealed class CopyTests : IDisposable
{
    private static readonly Lazy<Schema> LazySchema = new(() => Schema.Load(DataDirectory.Locate(Path.Combine(RepositoryRoot.Path, "data"))));

    /// <summary>Every copy and every undo at the same instant, so two runs of the same steps store the same values.</summary>
    private readonly FixedClock _clock = new(new DateTimeOffset(2013, 1, 11, 8, 15, 0, TimeSpan.Zero));

    private readonly SqliteStoreFixture _sqlite = new();
    private readonly PostgresStoreFixture _postgres = new();

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }

    [Fact]
    public void A_knowledge_base_goes_from_sqlite_to_postgresql_and_back_row_for_row()
    {
        var original = _sqlite.NewLocation();
        string mergeId;
        using (var store = KnowledgeStore.Open(original, _clock))
        {
            mergeId = Fill(store);
        }

        var counts = _sqlite.RowCounts(original);
        Assert.All(TablesOfAKnowledgeBase, table => Assert.True(counts[table] > 0, $"{table} is empty: the round trip would not check it"));

        var postgres = _postgres.NewLocation();
        Copy(original, postgres);
        var back = _sqlite.NewLocation();
        Copy(postgres, back);

        AssertSameContents(_sqlite.Contents(original), _sqlite.Contents(back));
        using (var a = KnowledgeStore.Open(original, _clock))
        using (var b = KnowledgeStore.Open(postgres, _clock))
        using (var c = KnowledgeStore.Open(back, _clock))
        {
            foreach (var query in new[] { "sharia", "Gao", "Ansar*", "\"apply sharia\"", "Timbuktu OR Kidal" })
            {
                Assert.Equal(Hits(a, query), Hits(b, query));
                Assert.Equal(Hits(a, query), Hits(c, query));
            }

            var (statsA, statsB) = (a.GetStats(), b.GetStats());
            Assert.Equal((statsA.Documents, statsA.Entities, statsA.Aliases, statsA.Mentions, statsA.Claims, statsA.Relations, statsA.Events, statsA.Quantities),
                (statsB.Documents, statsB.Entities, statsB.Aliases, statsB.Mentions, statsB.Claims, statsB.Relations, statsB.Events, statsB.Quantities));
            Assert.Equal(statsA.TopEntities, statsB.TopEntities);
            Assert.Empty(b.CheckConsistency());
            Assert.Empty(c.CheckConsistency());

            // Undo replays the merge's record by row id: on the copy it finds the same rows.
            a.UndoChange(mergeId, "ibrahim");
            b.UndoChange(mergeId, "ibrahim");
        }

        var again = _sqlite.NewLocation();
        Copy(postgres, again);
        // The counts kept come by entity: each side numbered the rows its undo counted again in its own way.
        AssertSameContents(_sqlite.Contents(original, KeptTallies.Table), _sqlite.Contents(again, KeptTallies.Table));
        Assert.Equal(KeptTallies.ByEntity(_sqlite.Contents(original)), KeptTallies.ByEntity(_sqlite.Contents(again)));
    }

    [Fact]
    public void A_knowledge_base_goes_from_postgresql_to_sqlite_and_back_row_for_row_and_keeps_growing()
    {
        var original = _postgres.NewLocation();
        using (var store = KnowledgeStore.Open(original, _clock))
        {
            Fill(store);
        }

        var sqlite = _sqlite.NewLocation();
        Copy(original, sqlite);
        var back = _postgres.NewLocation();
        Copy(sqlite, back);

        AssertSameContents(_postgres.Contents(original), _postgres.Contents(back));

        // New rows after a copy get new row ids: the identity sequences continue after the copied ones.
        using var copy = KnowledgeStore.Open(back, _clock);
        Assert.Empty(copy.CheckConsistency());
        var daily = SahelReports.Daily(7);
        Assert.Equal(IngestOutcome.Added, copy.Upsert(daily.Document, daily.Extraction));
        var merge = copy.MergeEntities("Gao", "Ansongo", "amina");
        copy.UndoChange(merge.Id, "amina");
        Assert.Equal(daily.Id, Assert.Single(copy.Search("Menaka")).DocumentId);
    }

    [Fact]
    public void A_copy_into_a_knowledge_base_that_holds_anything_is_refused_and_changes_nothing()
    {
        var source = _sqlite.NewLocation();
        using (var store = KnowledgeStore.Open(source, _clock))
        {
            Fill(store);
        }

        var target = _postgres.NewLocation();
        using (var store = KnowledgeStore.Open(target, _clock))
        {
            var daily = SahelReports.Daily(3);
            store.Upsert(daily.Document, daily.Extraction);
        }

        var before = _postgres.Fingerprint(target);
        using (var from = KnowledgeStore.Open(source, _clock))
        using (var to = KnowledgeStore.Open(target, _clock))
        {
            var error = Assert.Throws<HarmattanException>(() => from.CopyTo(to));
            Assert.Same(HarmattanError.BadArgument, error.Error);
            Assert.Contains("1 rows in documents", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, _postgres.Fingerprint(target));
    }

    private static readonly string[] TablesOfAKnowledgeBase =
    [
        "documents", "imported_records", "entities", "entity_tallies", "entity_aliases", "document_entities", "mentions", "claims",
        "claim_about", "relations", "events", "event_places", "event_actors", "quantities", "properties",
        "entity_keys", "entity_resolutions", "entity_changes", "entity_change_rows", "reviews", "review_changes",
        "users", "api_tokens", "audit_log",
    ];

    /// <summary>The same tables with the same rows, each table compared alone so that a failure names it.</summary>
    private static void AssertSameContents(IReadOnlyDictionary<string, IReadOnlyList<string>> expected, IReadOnlyDictionary<string, IReadOnlyList<string>> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs:\n{string.Join("\n", rows)}\n---\n{string.Join("\n", actual[table])}");
        }
    }

    private void Copy(string from, string to)
    {
        using var source = KnowledgeStore.Open(from, _clock);
        using var target = KnowledgeStore.Open(to, _clock);
        var copied = source.CopyTo(target);
        Assert.Equal(TablesOfAKnowledgeBase, copied.Select(t => t.Table));
    }

    private static List<string> Hits(KnowledgeStore store, string query) =>
        store.Search(query, limit: 100).Select(h => $"{h.Kind} {h.DocumentId} {h.ClaimId}").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A user with a token, reports, a re-extraction, reviews (one correcting a field), an imported record, a merge and a split: a
    /// row in every table.
    /// Returns the merge, left in force.
    /// </summary>
    private static string Fill(KnowledgeStore store)
    {
        foreach (var report in new[] { SahelReports.Gao(), SahelReports.Kidal(), SahelReports.ShariaCourts(), SahelReports.WaterInGao() })
        {
            store.Upsert(report.Document, report.Extraction);
        }

        store.AddUser("amina", Role.Analyst, "root");
        store.IssueToken("amina", "laptop", "root");

        var gao = SahelReports.Gao();
        var attack = gao.Extraction.Events[0];
        store.Review(new ReviewRequest(new FactRef(FactKind.Event, gao.Id, attack.Id), ReviewAction.Correct, new Dictionary<string, string?> { ["date"] = "2012-06-26" }, "amina"), LazySchema.Value);
        store.Review(new ReviewRequest(new FactRef(FactKind.Claim, gao.Id, gao.Extraction.Claims[2].Id), ReviewAction.Reject, null, "amina"), LazySchema.Value);
        store.Reextract(gao.Document, gao.Extraction);

        var acled = new ReportBuilder("ACLED MLI123: Battles in Gao", "Battles (Armed clash) on 2013-02-21 in Gao, Mali. Actors: MUJAO. 3 fatalities.", PartialDate.OfDay(2013, 2, 21), "ACLED: test.csv");
        var gaoPlace = acled.Entity(EntityType.Place, "Gao");
        acled.Event("battle", PartialDate.OfDay(2013, 2, 21), "Battles (Armed clash)", [gaoPlace], [acled.Entity(EntityType.ArmedGroup, "MUJAO")]);
        var row = acled.Build();
        store.StoreImported(new ImportedRecord("acled", "MLI123", "test.csv", 2, "{\"event_id_cnty\":\"MLI123\"}", 16.27, -0.04), row.Document, row.Extraction);

        var defenders = new ReportBuilder("Defenders of the Faith in Kidal", "The Defenders of the Faith patrolled Kidal on 4 April 2012, residents said.", PartialDate.OfDay(2012, 4, 5));
        var group = defenders.Entity(EntityType.ArmedGroup, "Defenders of the Faith");
        var kidal = defenders.Entity(EntityType.Place, "Kidal");
        defenders.Event("patrol", PartialDate.OfDay(2012, 4, 4), "patrolled Kidal", [kidal], [group]);
        var built = defenders.Build();
        store.Upsert(built.Document, built.Extraction);
        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");
        store.SplitDocument("MNLA", SahelReports.Kidal().Id, "ibrahim");
        return merge.Id;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
