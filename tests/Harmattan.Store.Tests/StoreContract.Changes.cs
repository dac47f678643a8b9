using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store.Tests;

/// <summary>Merges and splits: every reference rewritten, recorded with who and when, undone exactly.</summary>
public abstract partial class StoreContract<TFixture>
{
    /// <summary>What a change writes besides the rows it changes: its record, the audit log, and the counts kept (compared by entity).</summary>
    private static readonly string[] ChangeTables = ["entity_changes", "entity_change_rows", "audit_log", KeptTallies.Table];

    [Fact]
    public void A_merge_rewrites_every_reference_and_undoing_it_restores_every_row()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var kidal = SahelReports.Kidal();
        var (defenders, report) = DefendersOfTheFaith();
        store.Upsert(kidal.Document, kidal.Extraction);
        store.Upsert(report.Document, report.Extraction);
        var before = Fixture.Contents(location, ChangeTables);
        var tallied = KeptTallies.ByEntity(Fixture.Contents(location));
        var entitiesBefore = store.GetStats().Entities;

        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");

        Assert.Equal((EntityChangeKind.Merge, SahelReports.AnsarDine, defenders, "amina"), (merge.Kind, merge.EntityId, merge.OtherId, merge.By));
        Assert.InRange(merge.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(entitiesBefore - 1, store.GetStats().Entities);
        var stored = store.GetDocument(report.Id).Extraction;
        var referenced = stored.Mentions.Select(m => m.EntityId)
            .Concat(stored.Claims.SelectMany(c => c.AboutIds.Append(c.SpeakerId)))
            .Concat(stored.Relations.SelectMany(r => new[] { r.SourceId, r.TargetId }))
            .Concat(stored.Events.SelectMany(e => e.ActorIds.Concat(e.PlaceIds)))
            .Concat(stored.Attributes.Select(p => p.EntityId))
            .Concat(stored.Entities.Select(e => e.Id));
        Assert.DoesNotContain(defenders, referenced);
        // The claim was about both (and Kidal); it is now about Ansar Dine once. So is the event.
        Assert.Equal([SahelReports.AnsarDine, ReportBuilder.EntityId(EntityType.Place, "Kidal")], stored.Claims[0].AboutIds);
        Assert.Equal([SahelReports.AnsarDine], stored.Events[0].ActorIds);
        var ansarDine = Assert.Single(stored.Entities, e => e.Id == SahelReports.AnsarDine);
        Assert.Contains("Defenders of the Faith", ansarDine.Aliases);
        Assert.Equal(SahelReports.AnsarDine, store.LookUpEntity("Defenders of the Faith").Id);
        Assert.Equal(merge.Id, Assert.Single(store.ListChanges()).Id);
        Assert.Equal(merge.Id, store.FindMerge("defenders of the faith").Id);

        var undone = store.UndoChange(merge.Id, "ibrahim");

        Assert.Equal("ibrahim", undone.UndoneBy);
        Assert.Equal(before, Fixture.Contents(location, ChangeTables));
        Assert.Equal(tallied, KeptTallies.ByEntity(Fixture.Contents(location)));
        Assert.Equal(defenders, store.LookUpEntity("Defenders of the Faith").Id);
        Assert.Equal("ibrahim", Assert.Single(store.ListChanges("Defenders of the Faith")).UndoneBy);
        Assert.Same(HarmattanError.UndoRefused, Assert.Throws<HarmattanException>(() => store.UndoChange(merge.Id, "ibrahim")).Error);
    }

    [Fact]
    public void A_merge_can_be_undone_after_a_split_of_other_entities_created_an_entity()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var (defenders, report) = DefendersOfTheFaith();
        foreach (var earlier in new[] { gao, SahelReports.Kidal(), SahelReports.ShariaCourts() })
        {
            store.Upsert(earlier.Document, earlier.Extraction);
        }

        // Every other entity of the report is stored already, so the absorbed one is the newest row: on
        // SQLite, the split's new entity is then given its freed row id.
        store.Upsert(report.Document, report.Extraction);
        var merge = store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");
        var split = store.SplitDocument("MNLA", gao.Id, "ibrahim");
        var entities = store.GetStats().Entities;

        store.UndoChange(merge.Id, "amina");

        Assert.Equal(defenders, store.LookUpEntity("Defenders of the Faith").Id);
        Assert.Equal(split.OtherId, store.GetDocument(gao.Id).Extraction.Claims[1].SpeakerId);
        Assert.Equal(entities + 1, store.GetStats().Entities);
        Assert.Contains(store.GetDocument(report.Id).Extraction.Relations, r => r.SourceId == defenders);
    }

    [Fact]
    public void A_knowledge_base_that_was_written_merged_split_and_reextracted_checks_consistent()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var kidal = SahelReports.Kidal();
        var (_, report) = DefendersOfTheFaith();
        foreach (var r in new[] { SahelReports.Gao(), kidal, report })
        {
            store.Upsert(r.Document, r.Extraction);
        }

        store.MergeEntities("Ansar Dine", "Defenders of the Faith", "amina");
        store.SplitDocument("MNLA", kidal.Id, "amina");
        store.Reextract(kidal.Document, kidal.Extraction);

        Assert.Empty(store.CheckConsistency());
    }

    [Fact]
    public void After_a_merge_a_new_report_naming_the_absorbed_entity_resolves_to_the_survivor()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var kidal = SahelReports.Kidal();
        var (_, report) = DefendersOfTheFaith();
        store.Upsert(kidal.Document, kidal.Extraction);
        store.Upsert(report.Document, report.Extraction);
        store.MergeEntities(SahelReports.AnsarDine, "Defenders of the Faith", "amina");
        var later = new ReportBuilder("Later", "The Defenders of the Faith withdrew from Kidal in January 2013.");
        var extracted = later.Entity(EntityType.ArmedGroup, "Defenders of the Faith");
        var built = later.Build();

        store.Upsert(built.Document, built.Extraction);

        var resolution = Assert.Single(store.GetResolutions(built.Id));
        Assert.Equal((extracted, SahelReports.AnsarDine, ResolutionMethod.Alias), (resolution.ExtractedId, resolution.EntityId, resolution.Method));
    }

    [Fact]
    public void Entities_of_different_types_are_never_merged()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        store.Upsert(gao.Document, gao.Extraction);
        var before = Fixture.RowCounts(location);

        var error = Assert.Throws<HarmattanException>(() => store.MergeEntities("Gao", "MUJAO", "amina"));

        Assert.Same(HarmattanError.MergeRefused, error.Error);
        Assert.Contains("different types never merge", error.Message, StringComparison.Ordinal);
        Assert.Contains("Place", error.Message, StringComparison.Ordinal);
        Assert.Contains("ArmedGroup", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fixture.RowCounts(location));
        Assert.Same(HarmattanError.MergeRefused, Assert.Throws<HarmattanException>(() => store.MergeEntities("MUJAO", SahelReports.Mujao, "amina")).Error);
    }

    [Fact]
    public void Entities_linked_to_different_registry_entries_are_not_merged()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var r = new ReportBuilder("GSPC", "The GSPC renamed itself AQIM in January 2007.");
        r.Entity(EntityType.ArmedGroup, "GSPC");
        r.Entity(EntityType.ArmedGroup, "AQIM");
        var built = r.Build();
        var linked = built.Extraction with
        {
            Entities = [.. built.Extraction.Entities.Select(e => e with { RegistryId = e.Name.ToLowerInvariant() })],
        };
        store.Upsert(built.Document, linked);

        var error = Assert.Throws<HarmattanException>(() => store.MergeEntities("AQIM", "GSPC", "amina"));

        Assert.Same(HarmattanError.MergeRefused, error.Error);
        Assert.Contains("(aqim, gspc)", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListChanges());
    }

    [Fact]
    public void A_name_two_entities_share_is_ambiguous_and_the_error_lists_both()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var r = new ReportBuilder("Djibo", "Fighters attacked Djibo. Salou Djibo, known as Djibo, condemned it.");
        var town = r.Entity(EntityType.Place, "Djibo", "attacked Djibo");
        var general = r.Entity(EntityType.Person, "Salou Djibo", "Salou Djibo", "Djibo,");
        var built = r.Build();
        store.Upsert(built.Document, built.Extraction);

        var error = Assert.Throws<HarmattanException>(() => store.LookUpEntity("Djibo"));

        Assert.Same(HarmattanError.AmbiguousEntity, error.Error);
        Assert.Contains(town, error.Message, StringComparison.Ordinal);
        Assert.Contains(general, error.Message, StringComparison.Ordinal);
        Assert.Equal(
            [new Candidate(general, "Salou Djibo", "Person"), new Candidate(town, "Djibo", "Place")],
            error.Candidates.OrderBy(c => c.Type, StringComparer.Ordinal));
        Assert.Equal(general, store.LookUpEntity(general[..10]).Id);
        Assert.Same(HarmattanError.EntityNotFound, Assert.Throws<HarmattanException>(() => store.LookUpEntity("Timbuktu")).Error);
    }

    [Fact]
    public void Splitting_one_document_out_gives_its_occurrences_a_new_entity_and_is_undone_exactly()
    {
        var location = Fixture.NewLocation();
        using var store = Fixture.Open(location);
        var gao = SahelReports.Gao();
        var kidal = SahelReports.Kidal();
        store.Upsert(gao.Document, gao.Extraction);
        store.Upsert(kidal.Document, kidal.Extraction);
        var before = Fixture.Contents(location, ChangeTables);
        var tallied = KeptTallies.ByEntity(Fixture.Contents(location));

        var split = store.SplitDocument("MNLA", gao.Id[..8], "amina");

        Assert.Equal((EntityChangeKind.Split, SahelReports.Mnla, gao.Id, "MNLA"), (split.Kind, split.EntityId, split.DocumentId, split.OtherName));
        var fromGao = store.GetDocument(gao.Id).Extraction;
        Assert.All(fromGao.Mentions.Where(m => m.Surface == "MNLA"), m => Assert.Equal(split.OtherId, m.EntityId));
        Assert.Equal(split.OtherId, fromGao.Claims[1].SpeakerId);
        Assert.Contains(split.OtherId, fromGao.Events[0].ActorIds);
        Assert.All(store.GetDocument(kidal.Id).Extraction.Mentions.Where(m => m.Surface == "MNLA"), m => Assert.Equal(SahelReports.Mnla, m.EntityId));

        // The merge that would put it back is a later change: the split must be undone first.
        var remerge = store.MergeEntities(SahelReports.Mnla, split.OtherId, "ibrahim");
        Assert.Same(HarmattanError.UndoRefused, Assert.Throws<HarmattanException>(() => store.UndoChange(split.Id, "amina")).Error);
        store.UndoChange(remerge.Id, "ibrahim");
        store.UndoChange(split.Id[..12], "amina");

        Assert.Equal(before, Fixture.Contents(location, ChangeTables));
        Assert.Equal(tallied, KeptTallies.ByEntity(Fixture.Contents(location)));
        Assert.Equal(2, store.ListChanges("MNLA").Count);
    }

    [Fact]
    public void Unknown_changes_and_merges_are_HRM0213()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        Assert.Same(HarmattanError.ChangeNotFound, Assert.Throws<HarmattanException>(() => store.UndoChange("chg_0000", "amina")).Error);
        Assert.Same(HarmattanError.ChangeNotFound, Assert.Throws<HarmattanException>(() => store.FindMerge("Ansar Dine")).Error);
    }

    /// <summary>
    /// A report naming Ansar Dine and, separately, "the Defenders of the Faith", with a claim about both,
    /// an event with both as actors, a relation and a property: the rows a merge must rewrite or fold.
    /// </summary>
    private static (string Defenders, Report Report) DefendersOfTheFaith()
    {
        var r = new ReportBuilder(
            "Defenders of the Faith",
            "Ansar Dine and the Defenders of the Faith held Kidal together, a resident said. "
            + "On 2 April 2012 the Defenders of the Faith and Ansar Dine entered Timbuktu. "
            + "The Defenders of the Faith seek sharia across Mali.");
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var defenders = r.Entity(EntityType.ArmedGroup, "Defenders of the Faith");
        var kidal = r.Entity(EntityType.Place, "Kidal");
        var timbuktu = r.Entity(EntityType.Place, "Timbuktu");
        r.Claim(defenders, "said", "Ansar Dine and the Defenders of the Faith held Kidal together", ansarDine, defenders, kidal);
        r.Relation("cooperates_with", defenders, ansarDine, "held Kidal together");
        r.Event("capture", PartialDate.OfDay(2012, 4, 2), "entered Timbuktu", [timbuktu], [defenders, ansarDine]);
        r.Property(defenders, "goal", "sharia", "seek sharia across Mali");
        return (defenders, r.Build());
    }
}
