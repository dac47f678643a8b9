using Harmattan.Knowledge;
using Harmattan.Store.Resolution;
using Harmattan.Text;

namespace Harmattan.Store.Tests;

/// <summary>
/// Everything a knowledge store backend must do, written once (STYLE convention 8). A backend's test
/// class is an empty sealed subclass naming its fixture; every test gets a fresh fixture.
/// </summary>
public abstract partial class StoreContract<TFixture> : IDisposable
    where TFixture : IStoreFixture, new()
{
    private static readonly string[] CoreTables =
    [
        "harmattan_meta", "documents", "entities", "entity_tallies", "entity_aliases", "document_entities", "mentions", "claims",
        "claim_about", "relations", "events", "event_places", "event_actors", "quantities", "properties",
        "entity_keys", "entity_resolutions", "entity_changes", "entity_change_rows", "reviews", "review_changes",
        "users", "api_tokens", "audit_log",
    ];

    protected TFixture Fixture { get; } = new();

    public void Dispose()
    {
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- opening and migrating ----

    [Fact]
    public void A_new_location_is_migrated_to_the_latest_schema()
    {
        var location = Fixture.NewLocation();
        using (var store = Fixture.Open(location))
        {
            Assert.Equal(KnowledgeStore.LatestSchemaVersion, store.SchemaVersion);
            Assert.True(KnowledgeStore.LatestSchemaVersion >= 1);
            var stats = store.GetStats();
            Assert.Equal(0, stats.Documents);
            Assert.Equal(0, stats.Entities);
            Assert.Empty(store.ListDocuments());
        }

        var tables = Fixture.Tables(location);
        Assert.All(CoreTables, table => Assert.Contains(table, tables));
    }

    [Fact]
    public void An_empty_location_is_initialised()
    {
        var location = Fixture.CreateEmptyLocation();
        using (var store = Fixture.Open(location))
        {
            Assert.Equal(KnowledgeStore.LatestSchemaVersion, store.SchemaVersion);
        }

        Assert.Contains("documents", Fixture.Tables(location));
    }

    [Fact]
    public void Reopening_keeps_the_data_and_does_not_migrate_again()
    {
        var location = Fixture.NewLocation();
        var gao = SahelReports.Gao();
        using (var store = Fixture.Open(location))
        {
            store.Upsert(gao.Document, gao.Extraction);
        }

        var before = Fixture.RowCounts(location);
        using (var store = Fixture.Open(location))
        {
            Assert.Equal(KnowledgeStore.LatestSchemaVersion, store.SchemaVersion);
            Assert.True(store.Contains(gao.Id));
            AssertSameReport(gao, store.GetDocument(gao.Id));
        }

        Assert.Equal(before, Fixture.RowCounts(location));
    }

    [Fact]
    public void Mentions_quantities_and_resolutions_named_by_document_id_are_kept_when_migration_14_names_them_by_seq()
    {
        var location = Fixture.NewLocation();
        var (gao, kidal) = (SahelReports.Gao(), SahelReports.Kidal());
        EntityChange split;
        IReadOnlyList<EntityResolution> resolutions;
        long mentions;
        using (var store = Fixture.Open(location))
        {
            store.Upsert(gao.Document, gao.Extraction);
            store.Upsert(kidal.Document, kidal.Extraction);
            split = store.SplitDocument("Ansar Dine", kidal.Id, "ibrahim");
            resolutions = store.GetResolutions(kidal.Id);
            mentions = store.GetStats().Mentions;
        }

        // What schema version 13 held: each of the three tables named its document by id.
        Fixture.Execute(location, OlderSchemas.VersionThirteen());
        Fixture.SetSchemaVersion(location, 13);
        var told = new List<SchemaMigration>();

        using var migrated = KnowledgeStore.Open(location, migrating: told.Add);

        var migration = Assert.Single(told);
        Assert.Equal((13, KnowledgeStore.LatestSchemaVersion), (migration.From, migration.To));
        using (KnowledgeStore.Open(location, migrating: told.Add))
        using (KnowledgeStore.Open(Fixture.NewLocation(), migrating: told.Add))
        {
            Assert.Single(told); // neither a migrated knowledge base nor a new one is migrated
        }

        Assert.Equal(KnowledgeStore.LatestSchemaVersion, migrated.SchemaVersion);
        Assert.Empty(migrated.CheckConsistency());
        var stored = migrated.GetDocument(kidal.Id);
        Assert.Equal(resolutions, migrated.GetResolutions(kidal.Id));
        Assert.Equal(mentions, migrated.GetStats().Mentions);
        Assert.Contains(stored.Extraction.Mentions, m => m.EntityId == split.OtherId);
        AssertSameReport(gao, migrated.GetDocument(gao.Id));
        Assert.NotEmpty(migrated.GetDocument(gao.Id).Extraction.Quantities);

        // The split is undone row for row; a document stored or deleted afterwards keeps to its own rows.
        migrated.UndoChange(split.Id, "ibrahim");
        AssertSameReport(kidal, migrated.GetDocument(kidal.Id));
        var later = new ReportBuilder("Timbuktu", "Fighters of Ansar Dine entered Timbuktu.");
        later.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var report = later.Build();
        migrated.Upsert(report.Document, report.Extraction);
        Assert.Equal(SahelReports.AnsarDine, Assert.Single(migrated.GetResolutions(report.Id)).EntityId);
        migrated.DeleteDocument(gao.Id);
        AssertSameReport(kidal, migrated.GetDocument(kidal.Id));
        Assert.Equal(resolutions.Count, migrated.GetResolutions(kidal.Id).Count);
        Assert.Empty(migrated.CheckConsistency());
    }

    [Fact]
    public void Entities_stored_before_resolution_existed_get_lookup_keys_when_the_database_is_migrated()
    {
        var location = Fixture.CreateVersion1Database("ent_old_ansar", "ArmedGroup", "Ansar Dine", "Ansar Dine", "Ansar Eddine");
        using var store = Fixture.Open(location);
        Assert.Equal(KnowledgeStore.LatestSchemaVersion, store.SchemaVersion);
        var later = new ReportBuilder("Timbuktu", "Fighters of Ansar Eddine entered Timbuktu.");
        var extracted = later.Entity(EntityType.ArmedGroup, "Ansar Eddine");
        var report = later.Build();

        store.Upsert(report.Document, report.Extraction);

        var resolution = Assert.Single(store.GetResolutions(report.Id));
        Assert.Equal((extracted, "ent_old_ansar", ResolutionMethod.Alias), (resolution.ExtractedId, resolution.EntityId, resolution.Method));
        Assert.Equal("ent_old_ansar", store.LookUpEntity("Ansar Dine").Id);
    }

    [Fact]
    public void A_database_of_another_application_is_refused_and_left_untouched()
    {
        var location = Fixture.CreateForeignDatabase();
        var before = Fixture.Fingerprint(location);

        var error = Assert.Throws<HarmattanException>(() => Fixture.Open(location));

        Assert.Same(HarmattanError.NotHarmattanDatabase, error.Error);
        Assert.Contains("HRM0201", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.Fingerprint(location));
    }

    [Fact]
    public void Something_that_is_not_a_database_is_refused_and_left_untouched()
    {
        var location = Fixture.CreateNonDatabase();
        var before = Fixture.Fingerprint(location);

        var error = Assert.Throws<HarmattanException>(() => Fixture.Open(location));

        Assert.Same(HarmattanError.NotHarmattanDatabase, error.Error);
        Assert.Equal(before, Fixture.Fingerprint(location));
    }

    [Fact]
    public void A_database_from_a_newer_harmattan_is_refused_naming_both_versions()
    {
        var location = Fixture.NewLocation();
        using (Fixture.Open(location))
        {
        }

        var newer = KnowledgeStore.LatestSchemaVersion + 41;
        Fixture.SetSchemaVersion(location, newer);
        var before = Fixture.Fingerprint(location);

        var error = Assert.Throws<HarmattanException>(() => Fixture.Open(location));

        Assert.Same(HarmattanError.NewerSchema, error.Error);
        Assert.Contains(newer.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains(KnowledgeStore.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.Fingerprint(location));
    }

    [Fact]
    public void A_location_that_cannot_be_opened_is_HRM0203()
    {
        var error = Assert.Throws<HarmattanException>(() => Fixture.Open(Fixture.UnavailableLocation()));
        Assert.Same(HarmattanError.DatabaseUnavailable, error.Error);
    }

    // ---- ingesting ----

    [Fact]
    public void A_stored_document_comes_back_with_its_whole_extraction()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();

        Assert.Equal(IngestOutcome.Added, store.Upsert(gao.Document, gao.Extraction));

        var stored = store.GetDocument(gao.Id);
        AssertSameReport(gao, stored);
        Assert.Equal(gao.Document.Text.Split(' ').Length, stored.WordCount);
    }

    [Fact]
    public void The_same_document_twice_is_stored_once_and_the_second_time_writes_nothing()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        Assert.Equal(IngestOutcome.Added, store.Upsert(gao.Document, gao.Extraction));
        var before = Fixture.RowCounts(location);

        Assert.Equal(IngestOutcome.Unchanged, store.Upsert(gao.Document, gao.Extraction));
        // Even a different extraction of the same text changes nothing: same text, same document.
        Assert.Equal(IngestOutcome.Unchanged, store.Upsert(gao.Document, DocumentExtraction.Empty));

        Assert.Equal(before, Fixture.RowCounts(location));
        Assert.Single(store.ListDocuments());
    }

    [Fact]
    public void Two_stores_writing_the_same_reports_at_once_store_each_report_and_entity_once()
    {
        var location = Fixture.NewLocation();
        using (Fixture.Open(location))
        {
        }

        var reports = new[] { SahelReports.Gao(), SahelReports.Kidal(), SahelReports.ShariaCourts(), SahelReports.WaterInGao() };
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<IngestOutcome>();
        Parallel.For(0, 2, writer =>
        {
            using var store = Fixture.Open(location);
            foreach (var report in writer == 0 ? reports : reports.Reverse())
            {
                outcomes.Add(store.Upsert(report.Document, report.Extraction));
            }
        });

        Assert.Equal(reports.Length, outcomes.Count(o => o == IngestOutcome.Added));
        using var sequential = Fixture.Open(Fixture.NewLocation());
        foreach (var report in reports)
        {
            sequential.Upsert(report.Document, report.Extraction);
        }

        using var after = Fixture.Open(location);
        Assert.Equal(reports.Length, after.GetStats().Documents);
        Assert.Equal(sequential.GetStats().Entities, after.GetStats().Entities);
        Assert.Equal(sequential.GetStats().Aliases, after.GetStats().Aliases);
        Assert.Empty(after.CheckConsistency());
    }

    [Theory]
    [MemberData(nameof(Breakages.All), MemberType = typeof(Breakages))]
    public void A_document_whose_extraction_does_not_fit_is_not_stored_at_all(string breakage)
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var kidal = SahelReports.Kidal();
        store.Upsert(kidal.Document, kidal.Extraction);
        var before = Fixture.RowCounts(location);
        var gao = SahelReports.Gao();
        var broken = Breakages.Apply(gao, breakage);

        var error = Assert.Throws<HarmattanException>(() => store.Upsert(gao.Document, broken));

        Assert.Same(HarmattanError.InvalidExtraction, error.Error);
        Assert.Contains(gao.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.RowCounts(location));
        Assert.False(store.Contains(gao.Id));
        Assert.Empty(store.Search("Ansongo"));
        Assert.Empty(store.Search("commanded"));
        AssertSameReport(kidal, store.GetDocument(kidal.Id), sharedEntitiesMayGrow: false);

        // The store is still usable, and the repaired document goes in whole.
        Assert.Equal(IngestOutcome.Added, store.Upsert(gao.Document, gao.Extraction));
        AssertSameReport(gao, store.GetDocument(gao.Id));
    }

    [Fact]
    public void Properties_come_back_with_their_speaker_date_and_evidence()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);

        var properties = store.GetDocument(gao.Id).Extraction.Attributes;

        Assert.Equal(gao.Extraction.Attributes, properties);
        var strength = properties[0];
        Assert.Equal(("strength", "300", "Some 300 fighters"), (strength.Name, strength.Value, strength.Surface));
        Assert.Equal(PartialDate.OfDay(2012, 6, 27), strength.AsOf);
        Assert.Null(strength.SpeakerId);
        Assert.Equal(ReportBuilder.EntityId(EntityType.Person, "Adnan Abu Walid al-Sahrawi"), properties[1].SpeakerId);
        Assert.Null(properties[1].AsOf);
    }

    [Fact]
    public void A_property_failure_names_the_property_and_the_dangling_entity()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();

        var error = Assert.Throws<HarmattanException>(
            () => store.Upsert(gao.Document, Breakages.Apply(gao, "a property's entity was not extracted")));

        Assert.Same(HarmattanError.InvalidExtraction, error.Error);
        Assert.Contains("property 1 of 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ent_ghost' is not among the extraction's entities", error.Message, StringComparison.Ordinal);
        Assert.False(store.Contains(gao.Id));
    }

    [Fact]
    public void A_claim_failure_names_the_claim_and_the_problem()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();

        var error = Assert.Throws<HarmattanException>(
            () => store.Upsert(gao.Document, Breakages.Apply(gao, "third claim's speaker is not an extracted entity")));

        Assert.Contains("claim 3 of 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("ent_ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_named_in_two_documents_is_stored_once_with_the_aliases_of_both()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        var entitiesAfterGao = store.GetStats().Entities;

        store.Upsert(kidal.Document, kidal.Extraction);

        // Kidal adds Ansar Dine, Kidal, Mali and Iyad Ag Ghaly; MNLA and AQIM were known.
        Assert.Equal(entitiesAfterGao + 4, store.GetStats().Entities);
        var mnlaSeenFromGao = store.GetDocument(gao.Id).Extraction.Entities.Single(e => e.Id == SahelReports.Mnla);
        var mnlaSeenFromKidal = store.GetDocument(kidal.Id).Extraction.Entities.Single(e => e.Id == SahelReports.Mnla);
        string[] both = ["MNLA", "National Movement for the Liberation of Azawad"];
        Assert.Equal(both, mnlaSeenFromGao.Aliases);
        Assert.Equal(both, mnlaSeenFromKidal.Aliases);
        Assert.Equal("MNLA", mnlaSeenFromKidal.Name);
        Assert.Equal(EntityType.ArmedGroup, mnlaSeenFromKidal.Type);
        // Each document keeps the evidence it gave for the shared entity.
        Assert.Equal(kidal.Id, mnlaSeenFromKidal.Evidence.DocumentId);
        Assert.Equal(
            kidal.Extraction.Entities.Single(e => e.Id == SahelReports.Mnla).Evidence,
            mnlaSeenFromKidal.Evidence);
    }

    // ---- cross-report entity resolution ----

    [Fact]
    public void A_group_spelled_differently_in_a_second_report_is_the_stored_entity_and_the_decision_is_kept()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var first = new ReportBuilder("Kidal", "Ansar Dine fighters entered Kidal on 30 March 2012.");
        var ansarDine = first.Entity(EntityType.ArmedGroup, "Ansar Dine");
        first.Entity(EntityType.Place, "Kidal");
        var second = new ReportBuilder("Timbuktu", "Ansar Eddine said it controlled Timbuktu. The Ansar Eddine spokesman spoke by phone.");
        var eddine = second.Entity(EntityType.ArmedGroup, "Ansar Eddine");
        second.Entity(EntityType.Place, "Timbuktu");
        second.Claim(eddine, "said", "it controlled Timbuktu", eddine);
        var a = first.Build();
        var b = second.Build();

        store.Upsert(a.Document, a.Extraction);
        store.Upsert(b.Document, b.Extraction);

        Assert.Equal(3, store.GetStats().Entities);
        var stored = store.GetDocument(b.Id).Extraction;
        var group = Assert.Single(stored.Entities, e => e.Type == EntityType.ArmedGroup);
        Assert.Equal(ansarDine, group.Id);
        Assert.Equal("Ansar Dine", group.Name);
        Assert.Equal(["Ansar Dine", "Ansar Eddine"], group.Aliases);
        Assert.All(stored.Mentions.Where(m => m.Surface == "Ansar Eddine"), m => Assert.Equal(ansarDine, m.EntityId));
        Assert.Equal(ansarDine, stored.Claims[0].SpeakerId);
        Assert.Equal([ansarDine], stored.Claims[0].AboutIds);

        var resolution = store.GetResolutions(b.Id).Single(r => r.ExtractedId == eddine);
        Assert.Equal((ResolutionMethod.Fuzzy, ansarDine, "ansar dine"), (resolution.Method, resolution.EntityId, resolution.Matched));
        Assert.InRange(resolution.Score, NameSimilarity.NameThreshold, 1);
        Assert.All(store.GetResolutions(a.Id), r => Assert.Equal(ResolutionMethod.New, r.Method));
    }

    [Fact]
    public void An_acronym_links_to_the_full_name_but_never_across_types()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var first = new ReportBuilder("Tilemsi", "The Front for the Liberation of the Tilemsi said it held Djibo. General Salou Djibo denied it.");
        var front = first.Entity(EntityType.ArmedGroup, "Front for the Liberation of the Tilemsi");
        var town = first.Entity(EntityType.Place, "Djibo");
        var general = first.Entity(EntityType.Person, "Salou Djibo");
        var second = new ReportBuilder("Tilemsi again", "The FLT denied the report. Djibo said nothing.");
        var flt = second.Entity(EntityType.ArmedGroup, "FLT");
        var djibo = second.Entity(EntityType.Person, "Djibo");
        var a = first.Build();
        var b = second.Build();

        store.Upsert(a.Document, a.Extraction);
        store.Upsert(b.Document, b.Extraction);

        var resolutions = store.GetResolutions(b.Id).ToDictionary(r => r.ExtractedId, StringComparer.Ordinal);
        Assert.Equal((ResolutionMethod.Acronym, front), (resolutions[flt].Method, resolutions[flt].EntityId));
        Assert.Equal((ResolutionMethod.Surname, general), (resolutions[djibo].Method, resolutions[djibo].EntityId));
        Assert.NotEqual(town, resolutions[djibo].EntityId);
        Assert.Equal(3, store.GetStats().Entities);
    }

    [Fact]
    public void A_surname_two_stored_people_share_stays_a_new_entity()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var first = new ReportBuilder("Bamako", "Dioncounda Traoré became interim president. Moussa Traoré ruled Mali until 1991.");
        first.Entity(EntityType.Person, "Dioncounda Traoré");
        first.Entity(EntityType.Person, "Moussa Traoré");
        var second = new ReportBuilder("Bamako again", "Traoré spoke on state television.");
        var traore = second.Entity(EntityType.Person, "Traoré");
        var a = first.Build();
        var b = second.Build();

        store.Upsert(a.Document, a.Extraction);
        store.Upsert(b.Document, b.Extraction);

        var resolution = Assert.Single(store.GetResolutions(b.Id));
        Assert.Equal((ResolutionMethod.Ambiguous, traore), (resolution.Method, resolution.EntityId));
        Assert.Contains("Dioncounda Traoré", resolution.Note, StringComparison.Ordinal);
        Assert.Contains("Moussa Traoré", resolution.Note, StringComparison.Ordinal);
        Assert.Equal(3, store.GetStats().Entities);
    }

    // ---- listing and lookup ----

    [Fact]
    public void Documents_are_listed_newest_first_with_their_counts()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        store.Upsert(kidal.Document, kidal.Extraction);
        store.Upsert(SahelReports.Daily(1).Document, DocumentExtraction.Empty);

        var list = store.ListDocuments();

        Assert.Equal([SahelReports.Daily(1).Id, kidal.Id, gao.Id], list.Select(d => d.Id));
        var k = list[1];
        Assert.Equal("Ansar Dine and the MNLA in Kidal", k.Title);
        Assert.Equal(PartialDate.OfMonth(2012, 5), k.Published);
        Assert.Equal("Azawad Field Notes", k.Source);
        Assert.Equal("text", k.Format);
        Assert.Equal(kidal.Extraction.Entities.Count, k.EntityCount);
        Assert.Equal(kidal.Extraction.Claims.Count, k.ClaimCount);
        Assert.Equal(kidal.Extraction.Events.Count, k.EventCount);
        Assert.Equal(TimeSpan.Zero, k.IngestedAt.Offset);
        Assert.InRange(k.IngestedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal([gao.Id], store.ListDocuments(limit: 1, offset: 2).Select(d => d.Id));
    }

    [Fact]
    public void A_document_is_found_by_an_id_prefix_of_six_or_more_hex_digits_in_any_case()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);

        Assert.Equal(gao.Id, store.GetDocument(gao.Id[..6]).Document.Id);
        Assert.Equal(gao.Id, store.GetDocument(gao.Id[..12].ToUpperInvariant()).Document.Id);
        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.GetDocument(gao.Id[..5])).Error);
        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.GetDocument(Unlike(gao.Id))).Error);
        Assert.Same(HarmattanError.DocumentNotFound, Assert.Throws<HarmattanException>(() => store.GetDocument("'; DROP TABLE documents; --")).Error);
    }

    [Fact]
    public void A_prefix_shared_by_two_documents_is_ambiguous()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var (first, second) = TwoDailyReportsSharingAnIdPrefix();
        store.Upsert(first.Document, first.Extraction);
        store.Upsert(second.Document, second.Extraction);

        var error = Assert.Throws<HarmattanException>(() => store.GetDocument(first.Id[..6]));

        Assert.Same(HarmattanError.AmbiguousDocument, error.Error);
        Assert.Equal(
            new[] { first, second }.Select(r => new Candidate(r.Id, r.Document.Title, Candidate.DocumentType)).OrderBy(c => c.Id, StringComparer.Ordinal),
            error.Candidates);
        Assert.Empty(Assert.Throws<HarmattanException>(() => store.GetDocument(Unlike(first.Id))).Candidates);
        Assert.Equal(first.Id, store.GetDocument(first.Id).Document.Id);
        Assert.Equal(second.Id, store.GetDocument(second.Id).Document.Id);
    }

    // ---- search ----

    [Fact]
    public void A_document_titled_on_a_term_and_repeating_it_ranks_above_one_that_mentions_it_once()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var courts = SahelReports.ShariaCourts();
        var water = SahelReports.WaterInGao();
        store.Upsert(water.Document, water.Extraction);
        store.Upsert(courts.Document, courts.Extraction);

        var documents = store.Search("sharia").Where(h => h.Kind == SearchHitKind.Document).ToList();

        Assert.Equal([courts.Id, water.Id], documents.Select(h => h.DocumentId));
        Assert.True(documents[0].Score > documents[1].Score);
        Assert.Equal("Sharia courts in Timbuktu", documents[0].Title);
    }

    [Fact]
    public void Claims_are_found_with_their_document_and_the_matched_terms_marked()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        store.Upsert(kidal.Document, kidal.Extraction);

        var hits = store.Search("sharia");

        var claims = hits.Where(h => h.Kind == SearchHitKind.Claim).ToList();
        Assert.Equal(2, claims.Count);
        var gaoClaim = Assert.Single(claims, h => h.DocumentId == gao.Id);
        Assert.Equal(gao.Extraction.Claims[0].Id, gaoClaim.ClaimId);
        Assert.Equal("MUJAO tightens its grip on Gao", gaoClaim.Title);
        Assert.Contains("apply [[sharia]] in Gao", gaoClaim.Snippet, StringComparison.Ordinal);
        Assert.All(hits, h => Assert.Contains("[[sharia]]", h.Snippet, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, hits.Count(h => h.Kind == SearchHitKind.Document));
        Assert.All(hits.Where(h => h.Kind == SearchHitKind.Document), h => Assert.Null(h.ClaimId));
    }

    [Theory]
    [InlineData("\"apply sharia\"", 2)]          // a phrase: Gao's document and its claim
    [InlineData("\"sharia apply\"", 0)]          // the same words in another order are not the phrase
    [InlineData("Ansong*", 2)]                   // a prefix: Gao's and the water report
    [InlineData("Timbuktu OR Kidal", 2)]         // either term: Kidal's document and the courts' one
    [InlineData("sharia Timbuktu OR Mali", 3)]   // sharia AND (Timbuktu OR Mali): courts, Kidal, Ghaly's claim
    [InlineData("ancar eddine", 0)]
    [InlineData("fighters MUJAO", 1)]
    public void The_query_language_has_words_phrases_prefixes_and_or(string query, int expectedHits)
    {
        using var store = StoreWithAllReports();
        Assert.Equal(expectedHits, store.Search(query).Count);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("OR")]
    [InlineData("- ( ) ^ :")]
    public void A_query_with_nothing_to_search_for_is_HRM0206(string query)
    {
        using var store = StoreWithAllReports();
        var error = Assert.Throws<HarmattanException>(() => store.Search(query));
        Assert.Same(HarmattanError.BadSearchQuery, error.Error);
    }

    [Theory]
    [InlineData("AND OR")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(sharia Gao, 2)")]
    [InlineData("sharia\"")]
    [InlineData("\"sharia")]
    [InlineData("title:sharia")]
    [InlineData("text:sharia OR")]
    [InlineData("-sharia")]
    [InlineData("sharia NOT Gao")]
    [InlineData("sharia AND")]
    [InlineData("(sharia")]
    [InlineData("^sharia")]
    [InlineData("sharia OR OR Gao")]
    [InlineData("**sharia**")]
    [InlineData("{title text}: sharia")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("sharia\u0000Gao")]
    [InlineData("𝔰𝔥𝔞𝔯𝔦𝔞 ⵜⵉⵏⴱⵓⴽⵜⵓ")]
    public void Hostile_query_syntax_is_searched_as_text_never_an_sqlite_error(string query)
    {
        using var store = StoreWithAllReports();
        try
        {
            var hits = store.Search(query);
            Assert.All(hits, h => Assert.False(string.IsNullOrEmpty(h.DocumentId)));
        }
        catch (HarmattanException e)
        {
            Assert.Same(HarmattanError.BadSearchQuery, e.Error);
        }

        Assert.Equal(4, store.ListDocuments().Count);
    }

    [Fact]
    public void Quoted_sharia_with_stray_syntax_still_finds_it()
    {
        using var store = StoreWithAllReports();
        var plain = store.Search("sharia").Count;
        Assert.True(plain > 0);
        Assert.Equal(plain, store.Search("sharia\"").Count);
        Assert.Equal(plain, store.Search("(sharia").Count);
        Assert.Equal(plain, store.Search("^sharia").Count);
    }

    [Fact]
    public void A_long_document_of_many_distinct_words_is_stored_and_found_by_its_opening_words()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        // 3.3 million characters of distinct words: more than a PostgreSQL tsvector may hold (1 MB).
        var words = Enumerable.Range(1, 100_000).Select(i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))[..32]);
        var text = "Annex: register of seized weapons. " + string.Join(' ', words);
        var register = new ReportBuilder("Register of seized weapons", text).Build();

        Assert.Equal(IngestOutcome.Added, store.Upsert(register.Document, register.Extraction));

        Assert.Equal(register.Id, Assert.Single(store.Search("seized weapons register")).DocumentId);
        Assert.Equal(text.Length, store.GetDocument(register.Id).Document.Text.Length);
    }

    [Theory]
    [InlineData("fighters", "[[Fighters]]")]
    [InlineData("dine", "DINE]]")]                 // spelled first inside "dined", far from the match
    [InlineData("\"Ançar Dine\"", "DINE]]")]      // the text has it in capitals, the cedilla too; a phrase is
    [InlineData("ancar", "[[ANÇAR")]               // marked whole ("[[ANÇAR DINE]]") or word by word
    public void A_match_deep_in_a_long_text_is_marked_in_its_snippet_whatever_its_case_and_accents(string query, string marked)
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var road = string.Join(' ', Enumerable.Repeat("The convoy moved north along the river road.", 80));
        var text = "They dined at the camp. " + road + " Fighters of ANÇAR DINE entered the town at dawn. " + road;
        var log = new ReportBuilder("Convoy log", text).Build();
        store.Upsert(log.Document, log.Extraction);

        var hit = Assert.Single(store.Search(query));

        Assert.Contains(marked, hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("ANÇAR", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_returns_at_most_limit_hits()
    {
        using var store = StoreWithAllReports();
        Assert.Equal(2, store.Search("Gao", limit: 2).Count);
    }

    // ---- statistics ----

    [Fact]
    public void Stats_count_rows_entity_types_and_the_most_mentioned_entities()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        store.Upsert(kidal.Document, kidal.Extraction);

        var stats = store.GetStats();

        Assert.Equal(KnowledgeStore.LatestSchemaVersion, stats.SchemaVersion);
        Assert.Equal(2, stats.Documents);
        Assert.Equal(10, stats.Entities);
        Assert.Equal(gao.Extraction.Mentions.Count + kidal.Extraction.Mentions.Count, stats.Mentions);
        Assert.Equal(5, stats.Claims);
        Assert.Equal(4, stats.Relations);
        Assert.Equal(2, stats.Events);
        Assert.Equal(1, stats.Quantities);
        // MUJAO (2 aliases), AQIM, MNLA (2 across documents), Gao, Ansongo, al-Sahrawi, Ansar Dine (2), Kidal, Mali, Ghaly.
        Assert.Equal(13, stats.Aliases);
        Assert.Equal(4, stats.EntitiesByType[EntityType.ArmedGroup]);
        Assert.Equal(3, stats.EntitiesByType[EntityType.Place]);
        Assert.Equal(2, stats.EntitiesByType[EntityType.Person]);
        Assert.Equal(1, stats.EntitiesByType[EntityType.Country]);
        Assert.False(stats.EntitiesByType.ContainsKey(EntityType.Organization));
        Assert.True(stats.SizeBytes > 0);

        var mentions = gao.Extraction.Mentions.Concat(kidal.Extraction.Mentions)
            .GroupBy(m => m.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // MNLA, Ansar Dine and MUJAO are each mentioned five times: MNLA leads because two documents
        // name it, then the other two by name.
        Assert.Equal(5, mentions[SahelReports.Mnla]);
        Assert.Equal(5, mentions[SahelReports.AnsarDine]);
        Assert.Equal(5, mentions[SahelReports.Mujao]);
        Assert.Equal(new TopEntity(SahelReports.Mnla, "MNLA", EntityType.ArmedGroup, 2, 5), stats.TopEntities[0]);
        Assert.Equal(new TopEntity(SahelReports.AnsarDine, "Ansar Dine", EntityType.ArmedGroup, 1, 5), stats.TopEntities[1]);
        Assert.Equal(new TopEntity(SahelReports.Mujao, "MUJAO", EntityType.ArmedGroup, 1, 5), stats.TopEntities[2]);
        Assert.Equal(10, stats.TopEntities.Count);
        Assert.True(stats.TopEntities.Zip(stats.TopEntities.Skip(1)).All(p => p.First.Mentions >= p.Second.Mentions));
    }

    [Fact]
    public void Top_entities_honours_its_limit()
    {
        using var store = StoreWithAllReports();
        var top = store.TopEntities(3);
        Assert.Equal(3, top.Count);
        // Ansar Dine (five times in Kidal's report, once in the courts') and Gao (four times in its
        // report, twice in the water report) tie on mentions and documents; the name decides.
        Assert.Equal(new TopEntity(SahelReports.AnsarDine, "Ansar Dine", EntityType.ArmedGroup, 2, 6), top[0]);
        Assert.Equal(new TopEntity(ReportBuilder.EntityId(EntityType.Place, "Gao"), "Gao", EntityType.Place, 2, 6), top[1]);
    }

    // ---- helpers ----

    private KnowledgeStore StoreWithAllReports()
    {
        var store = Fixture.Open(Fixture.NewLocation());
        foreach (var report in new[] { SahelReports.Gao(), SahelReports.Kidal(), SahelReports.ShariaCourts(), SahelReports.WaterInGao() })
        {
            store.Upsert(report.Document, report.Extraction);
        }

        return store;
    }

    /// <summary>Daily reports are cheap to hash; among a few thousand, two share their first six hex digits.</summary>
    private static (Report First, Report Second) TwoDailyReportsSharingAnIdPrefix()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var prefix = SahelReports.Daily(n).Id[..6];
            if (seen.TryGetValue(prefix, out var earlier))
            {
                return (SahelReports.Daily(earlier), SahelReports.Daily(n));
            }

            seen[prefix] = n;
        }
    }

    /// <summary>A full-length id that differs from <paramref name="id"/> in its first digit.</summary>
    private static string Unlike(string id) => (id[0] == '0' ? '1' : '0') + id[1..];

    private static void AssertSameReport(Report expected, StoredDocument actual, bool sharedEntitiesMayGrow = true)
    {
        Assert.Equal(expected.Document, actual.Document);
        var x = expected.Extraction;
        var y = actual.Extraction;

        Assert.Equal(x.Entities.Select(e => e with { Aliases = [] }), y.Entities.Select(e => e with { Aliases = [] }));
        foreach (var (e, a) in x.Entities.Zip(y.Entities))
        {
            if (sharedEntitiesMayGrow)
            {
                Assert.Subset(a.Aliases.ToHashSet(StringComparer.Ordinal), e.Aliases.ToHashSet(StringComparer.Ordinal));
            }
            else
            {
                Assert.Equal(e.Aliases, a.Aliases);
            }
        }

        Assert.Equal(x.Mentions, y.Mentions);
        Assert.Equal(x.Claims.Select(c => c with { AboutIds = [] }), y.Claims.Select(c => c with { AboutIds = [] }));
        Assert.Equal(x.Claims.Select(c => c.AboutIds), y.Claims.Select(c => c.AboutIds));
        Assert.Equal(x.Relations, y.Relations);
        Assert.Equal(x.Events.Select(e => e with { PlaceIds = [], ActorIds = [] }), y.Events.Select(e => e with { PlaceIds = [], ActorIds = [] }));
        Assert.Equal(x.Events.Select(e => e.PlaceIds), y.Events.Select(e => e.PlaceIds));
        Assert.Equal(x.Events.Select(e => e.ActorIds), y.Events.Select(e => e.ActorIds));
        Assert.Equal(x.Quantities, y.Quantities);
        Assert.Equal(x.Attributes, y.Attributes);
    }
}
