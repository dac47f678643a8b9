using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>
/// Imported records (migration 0004): each is a document of its own; the same record twice changes
/// nothing, a newer version replaces its document and facts in one transaction, full-text rows included.
/// </summary>
public abstract partial class StoreContract<TFixture>
{
    private static Report ImportedRow(string notes, int fatalities) =>
        BuildImported(
            $"Battles (Armed clash) on 2013-02-21 in Gao, Mali. Actors: MUJAO. {fatalities} fatalities. Notes: {notes}",
            fatalities);

    private static Report BuildImported(string text, int fatalities)
    {
        var r = new ReportBuilder("ACLED MLI123: Battles in Gao", text, PartialDate.OfDay(2013, 2, 21), "ACLED: test.csv");
        var mujao = r.Entity(EntityType.ArmedGroup, "MUJAO");
        var gao = r.Entity(EntityType.Place, "Gao");
        r.Event("battle", PartialDate.OfDay(2013, 2, 21), "Battles (Armed clash)", [gao], [mujao]);
        r.Quantity(fatalities, "fatalities", $"{fatalities} fatalities", approximate: false);
        return r.Build();
    }

    private static ImportedRecord Record(string id = "MLI123") => new("acled", id, "test.csv", 2, "{\"event_id_cnty\":\"" + id + "\"}", 16.27, -0.04);

    [Fact]
    public void The_import_table_exists_after_migration()
    {
        var location = Fixture.NewLocation();
        using (Fixture.Open(location))
        {
        }

        Assert.Contains("imported_records", Fixture.Tables(location));
    }

    [Fact]
    public void An_imported_record_stored_twice_is_stored_once()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var row = ImportedRow("Fighting near the airport.", 3);
        Assert.Equal(ImportOutcome.Added, store.StoreImported(Record(), row.Document, row.Extraction));
        Assert.Equal(ImportOutcome.Unchanged, store.StoreImported(Record(), row.Document, row.Extraction));
        Assert.Equal(1, store.GetStats().Documents);
        var record = Assert.Single(store.ImportedRecords("acled"));
        Assert.Equal(row.Id, record.DocumentId);
        Assert.Equal(2, record.Line);
        var coordinates = Assert.Single(store.PlaceCoordinates());
        Assert.Equal((16.27, -0.04), (coordinates.Lat, coordinates.Lon));
        Assert.Equal(store.ResolveEntity("Gao").Id, coordinates.EntityId);
    }

    [Fact]
    public void A_newer_version_of_a_record_replaces_its_document_and_facts()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var old = ImportedRow("Fighting near the airport.", 3);
        var newer = ImportedRow("Fighting near the market.", 5);
        store.StoreImported(Record(), old.Document, old.Extraction);
        Assert.Equal(ImportOutcome.Replaced, store.StoreImported(Record(), newer.Document, newer.Extraction));

        Assert.False(store.Contains(old.Id));
        Assert.True(store.Contains(newer.Id));
        Assert.Equal(1, store.GetStats().Documents);
        Assert.Single(store.Timeline());
        Assert.Equal(newer.Id, Assert.Single(store.ImportedRecords("acled")).DocumentId);
        Assert.Empty(store.Search("airport"));
        Assert.Single(store.Search("market"));
        var snapshot = store.ReadSnapshot();
        Assert.Equal(5m, Assert.Single(snapshot.Quantities).Value);
    }

    [Fact]
    public void A_replacement_that_does_not_fit_leaves_the_old_version_in_place()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var old = ImportedRow("Fighting near the airport.", 3);
        store.StoreImported(Record(), old.Document, old.Extraction);
        var broken = ImportedRow("Fighting near the market.", 5);
        var bad = broken.Extraction with { Relations = [new Relation("rel_x", "opposes", "ent_nobody", "ent_nobody", null, broken.Extraction.Events[0].Evidence)] };

        var e = Assert.Throws<HarmattanException>(() => store.StoreImported(Record(), broken.Document, bad));
        Assert.Equal(HarmattanError.InvalidExtraction, e.Error);
        Assert.True(store.Contains(old.Id));
        Assert.False(store.Contains(broken.Id));
        Assert.Single(store.Search("airport"));
    }

    [Fact]
    public void Two_records_cannot_share_one_document()
    {
        using var store = Fixture.Open(Fixture.NewLocation());
        var row = ImportedRow("Fighting near the airport.", 3);
        store.StoreImported(Record("MLI123"), row.Document, row.Extraction);
        var e = Assert.Throws<HarmattanException>(() => store.StoreImported(Record("MLI999"), row.Document, row.Extraction));
        Assert.Equal(HarmattanError.InvalidExtraction, e.Error);
        Assert.Single(store.ImportedRecords("acled"));
    }
}
