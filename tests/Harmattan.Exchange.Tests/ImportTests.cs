using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Exchange.Tests;

/// <summary>ACLED, UCDP and STIX imports of fixtures we wrote and of the official STIX examples, and round trips through our exports.</summary>
public sealed class ImportTests(SampleKnowledge samples) : IClassFixture<SampleKnowledge>
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private KnowledgeStore Fresh() => samples.EmptyStore("import-" + Guid.NewGuid().ToString("N"));

    private Importer Importer => new(samples.Context);

    [Fact]
    public void Acled_rows_become_sourced_events_and_malformed_rows_are_reported_by_line()
    {
        using var store = Fresh();
        var result = Importer.Import(store, Fixture("acled-sahel.csv"));

        Assert.Equal("acled", result.Format);
        Assert.Equal(2, result.Added);
        Assert.Equal([5, 6, 7], result.Malformed.Select(m => m.Line!.Value));
        Assert.Contains("event_date", result.Malformed[0].Message, StringComparison.Ordinal);
        Assert.Contains("latitude", result.Malformed[1].Message, StringComparison.Ordinal);
        Assert.Contains("fatalities", result.Malformed[2].Message, StringComparison.Ordinal);

        var snapshot = store.ReadSnapshot();
        var battle = Assert.Single(snapshot.Events, e => e.Type == "battle");
        Assert.Equal(PartialDate.OfDay(2013, 2, 21), battle.Date);
        string Name(string id) => snapshot.Entities.Single(e => e.Id == id).Name;
        EntityType TypeOf(string name) => snapshot.Entities.Single(e => e.Name == name).Type;
        Assert.Equal(["Gao", "Mali"], battle.PlaceIds.Select(Name));
        Assert.Equal(["Movement for Unity and Jihad in West Africa", "Military Forces of Mali", "Military Forces of France"], battle.ActorIds.Select(Name));
        Assert.Equal(EntityType.ArmedGroup, TypeOf("Movement for Unity and Jihad in West Africa"));
        Assert.Equal(EntityType.Organization, TypeOf("Military Forces of Mali"));
        Assert.Equal(EntityType.PeopleGroup, TypeOf("Protesters (Mali)"));
        Assert.Equal("import.acled/1", battle.From.Component);
        Assert.Contains("Battles (Armed clash) on 2013-02-21 in Gao", battle.From.Evidence, StringComparison.Ordinal);
        Assert.Equal(5m, Assert.Single(snapshot.Quantities, q => q.From.DocumentId == battle.From.DocumentId && q.Unit == "fatalities").Value);
        Assert.Equal(PartialDate.OfDay(2013, 3, 2), Assert.Single(snapshot.Events, e => e.Type == "protest").Date);

        // The place keeps the row's coordinates, and the row its fields, quotes and newline included.
        var gao = store.PlaceCoordinates().Single(c => Name(c.EntityId) == "Gao");
        Assert.Equal((16.2717, -0.0447), (gao.Lat, gao.Lon));
        var record = store.ImportedRecords("acled").Single(r => r.RecordId == "TST1001");
        Assert.Equal(2, record.Line);
        using var fields = JsonDocument.Parse(record.Fields);
        Assert.Equal("Fighters attacked the town centre, the \"Gao\" police post and the market,\nthen withdrew north.", fields.RootElement.GetProperty("notes").GetString());
        Assert.Contains("Notes: Fighters attacked the town centre, the \"Gao\" police post and the market, then withdrew north.", store.GetDocument(record.DocumentId!).Document.Text, StringComparison.Ordinal);
    }

    /// <summary>CRLF records; quoted fields span lines 2-3 and 6-7; lines 4, 5 and 8 are malformed.</summary>
    private const string Broken =
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,country,location,latitude,longitude,notes,fatalities\r\n"
        + "BRK1,2013-02-21,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,16.27,-0.04,\"Clashes, then\r\n\"\"calm\"\"\",3\r\n"
        + "BRK2,2013-02-22,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,,,\"quoted\"then text,0\r\n"
        + "BRK3,2013-02-23,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,,,one field short\r\n"
        + "BRK4,2013-02-24,2013,1,Protests,Peaceful protest,Protesters (Mali),6,Mali,Kidal,,,\"A march\nin two lines\",\r\n"
        + "BRK5,someday,2013,1,Battles,Armed clash,MUJAO,2,Mali,Gao,,,,0\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Broken_csv_rows_are_reported_by_the_line_they_start_on_with_or_without_a_bom(bool bom)
    {
        var path = Path.Combine(samples.Folder, "broken-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, Broken, new UTF8Encoding(bom));
        using var store = Fresh();
        var result = Importer.Import(store, path);
        Assert.Equal("acled", result.Format);
        Assert.Equal(2, result.Added);
        Assert.Equal([(4, "BRK2"), (5, "BRK3"), (8, "BRK5")], result.Malformed.Select(m => (m.Line!.Value, m.RecordId)));
        Assert.Equal("text after a closing quote", result.Malformed[0].Message);
        Assert.Equal("the row has 13 fields where the header has 14", result.Malformed[1].Message);
        Assert.Contains("event_date", result.Malformed[2].Message, StringComparison.Ordinal);
        var records = store.ImportedRecords("acled").OrderBy(r => r.Line).ToList();
        Assert.Equal([(2, "BRK1"), (6, "BRK4")], records.Select(r => (r.Line!.Value, r.RecordId)));
        using var fields = JsonDocument.Parse(records[0].Fields);
        Assert.Equal("Clashes, then\r\n\"calm\"", fields.RootElement.GetProperty("notes").GetString());
    }

    [Fact]
    public void A_bom_left_in_decoded_text_does_not_hide_the_first_column()
    {
        using var store = Fresh();
        var result = Importer.Import(store, "upload.csv", "\uFEFF" + Broken, format: null);
        Assert.Equal("acled", result.Format);
        Assert.Equal(2, result.Added);
        Assert.Equal([4, 5, 8], result.Malformed.Select(m => m.Line!.Value));
        Assert.Contains(store.ImportedRecords("acled"), r => r.RecordId == "BRK1");
    }

    [Fact]
    public void Reimporting_changes_nothing_and_a_newer_export_updates_the_changed_rows()
    {
        using var store = Fresh();
        var first = Importer.Import(store, Fixture("acled-sahel.csv"));
        var documents = store.GetStats().Documents;
        var again = Importer.Import(store, Fixture("acled-sahel.csv"));
        Assert.Equal((0, 2, 0), (again.Added, again.Unchanged, again.Replaced));
        Assert.Equal(documents, store.GetStats().Documents);

        var old = store.ImportedRecords("acled").Single(r => r.RecordId == "TST1001").DocumentId!;
        var newer = Importer.Import(store, Fixture("acled-sahel-v2.csv"));
        Assert.Equal((1, 1, 1), (newer.Added, newer.Unchanged, newer.Replaced));
        Assert.False(store.Contains(old));
        Assert.Equal(first.Added + 1, store.ImportedRecords("acled").Count);
        var snapshot = store.ReadSnapshot();
        Assert.Single(snapshot.Events, e => e.Type == "battle");
        Assert.Equal(7m, Assert.Single(snapshot.Quantities, q => q.Value > 0).Value);
        Assert.Equal(PartialDate.OfMonth(2013, 5), Assert.Single(snapshot.Events, e => e.Type == "kidnapping").Date);
        Assert.Empty(store.Search("withdrew"));
    }

    [Fact]
    public void Imported_acled_rows_are_never_exported()
    {
        using var store = Fresh();
        Importer.Import(store, Fixture("acled-sahel.csv"));
        foreach (var format in ExportFormat.All)
        {
            using var buffer = new MemoryStream();
            using (var selection = ExportSelection.From(store))
            {
                new Exporter(samples.Context).Write(format, selection, buffer);
            }

            var text = Encoding.UTF8.GetString(buffer.ToArray());
            Assert.DoesNotContain("TST1001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Military Forces of Mali", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Imported_actors_are_linked_to_known_entities_by_the_resolver()
    {
        using var store = KnowledgeStore.Open(Path.Combine(samples.Folder, "linked-" + Guid.NewGuid().ToString("N") + ".db"));
        foreach (var (document, extraction) in samples.Snapshot.Documents.Select(d => samples.Store.GetDocument(d.Id)).Select(s => (s.Document, s.Extraction)))
        {
            store.Upsert(document, extraction);
        }

        var mujao = store.ResolveEntity("MUJAO");
        Importer.Import(store, Fixture("acled-sahel.csv"));
        Assert.Equal(mujao, store.ResolveEntity("MUJAO"));
        var events = store.Timeline(new EventFilter(Actor: mujao));
        Assert.Contains(events, e => e.Type == "battle" && e.Date == PartialDate.OfDay(2013, 2, 21));
        Assert.Equal(store.ResolveEntity("Gao").Id, store.PlaceCoordinates().Single(c => c.Source == "acled" && c.Lat > 16 && c.Lat < 17).EntityId);
    }

    [Fact]
    public void Ucdp_events_are_typed_by_violence_and_carry_the_best_estimate()
    {
        using var store = Fresh();
        var result = Importer.Import(store, Fixture("ucdp-ged-sahel.csv"));
        Assert.Equal("ucdp", result.Format);
        Assert.Equal(2, result.Added);
        var bad = Assert.Single(result.Malformed);
        Assert.Equal(4, bad.Line);
        Assert.Contains("type_of_violence", bad.Message, StringComparison.Ordinal);

        var snapshot = store.ReadSnapshot();
        string Name(string id) => snapshot.Entities.Single(e => e.Id == id).Name;
        var battle = Assert.Single(snapshot.Events, e => e.Type == "battle");
        Assert.Equal(PartialDate.OfDay(2013, 2, 21), battle.Date);
        Assert.Equal(["Government of Mali", "MUJAO"], battle.ActorIds.Select(Name));
        Assert.Equal(EntityType.Organization, snapshot.Entities.Single(e => e.Name == "Government of Mali").Type);
        var attack = Assert.Single(snapshot.Events, e => e.Type == "attack");
        Assert.Equal(PartialDate.OfMonth(2013, 1), attack.Date);
        Assert.Equal(EntityType.PeopleGroup, snapshot.Entities.Single(e => e.Name == "Civilians").Type);
        Assert.Equal([6m, 4m], snapshot.Quantities.Where(q => q.Unit == "deaths").OrderByDescending(q => q.Value).Select(q => q.Value));
        Assert.Equal(2, store.PlaceCoordinates().Count);
    }

    [Fact]
    public void Imported_coordinates_place_events_on_the_map()
    {
        using var store = Fresh();
        Importer.Import(store, Fixture("ucdp-ged-sahel.csv"));
        using var buffer = new MemoryStream();
        using (var selection = ExportSelection.From(store))
        {
            new Exporter(samples.Context).Write(ExportFormat.GeoJson, selection, buffer);
        }

        using var json = JsonDocument.Parse(buffer.ToArray());
        var town = json.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("kind").GetString() == "place" && f.GetProperty("properties").GetProperty("name").GetString() == "Gao town");
        var at = town.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal((-0.0447, 16.2717), (at[0].GetDouble(), at[1].GetDouble()));
        Assert.Equal("ucdp", town.GetProperty("properties").GetProperty("coordinates_from").GetString());
    }

    [Theory]
    [InlineData("apt1.json", new[] { "APT1", "Ugly Gorilla", "Unit 61398", "Wang Dong" })]
    [InlineData("poisonivy.json", new[] { "FireEye, Inc." })]
    public void The_official_stix_example_bundles_import(string file, string[] names)
    {
        using var store = Fresh();
        var result = Importer.Import(store, Path.Combine(StixSchemas.Examples, file));
        Assert.Equal("stix", result.Format);
        Assert.Empty(result.Malformed);
        Assert.True(result.Added > 0);
        var snapshot = store.ReadSnapshot();
        foreach (var name in names)
        {
            Assert.Contains(snapshot.Entities, e => e.Name == name);
        }

        Assert.Contains(result.Ignored, i => i.Message.Contains("malware", StringComparison.Ordinal));
        Assert.Contains(result.Ignored, i => i.Message.Contains("relationship type 'uses'", StringComparison.Ordinal) || i.Message.Contains("not actors", StringComparison.Ordinal));
        if (file == "apt1.json")
        {
            Assert.Equal(EntityType.ArmedGroup, snapshot.Entities.Single(e => e.Name == "APT1").Type);
            Assert.Equal(EntityType.Person, snapshot.Entities.Single(e => e.Name == "Wang Dong").Type);
            Assert.Contains(snapshot.Documents, d => d.Title.StartsWith("APT1", StringComparison.Ordinal) && d.Format == "stix");
        }

        var again = Importer.Import(store, Path.Combine(StixSchemas.Examples, file));
        Assert.Equal((0, result.Added), (again.Added, again.Unchanged));
    }

    [Fact]
    public void Stix_round_trip_gives_the_same_entities_relations_claims_and_events()
    {
        var exported = JsonNode.Parse(samples.Export(ExportFormat.Stix))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var path = Path.Combine(samples.Folder, "round-trip-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, samples.Export(ExportFormat.Stix));
        using var store = Fresh();
        var result = Importer.Import(store, path);
        Assert.Empty(result.Malformed);
        var imported = store.ReadSnapshot();

        // Entities: every exported actor and place, same type, same name (folded: the resolver may keep a spelling).
        var exportedEntities = exported.Where(o => o.ContainsKey("x_harmattan_entity_type"))
            .Select(o => ((string)o["x_harmattan_entity_type"]!, NameKey.Fold((string)o["name"]!))).ToHashSet();
        var importedEntities = imported.Entities.Select(e => (e.Type.ToString(), NameKey.Fold(e.Name))).ToHashSet();
        Assert.Equal(exportedEntities.Order(), importedEntities.Order());

        // Relations: the original knowledge's, by type and the names of both ends.
        var original = samples.Snapshot;
        string Original(string id) => NameKey.Fold(original.Entities.Single(e => e.Id == id).Name);
        string Imported(string id) => NameKey.Fold(imported.Entities.Single(e => e.Id == id).Name);
        var exportedNames = exportedEntities.Select(e => e.Item2).ToHashSet();
        var before = original.Relations.Select(r => (r.Type, Original(r.SourceId), Original(r.TargetId)))
            .Where(r => exportedNames.Contains(r.Item2) && exportedNames.Contains(r.Item3)).ToHashSet();
        var after = imported.Relations.Select(r => (r.Type, Imported(r.SourceId), Imported(r.TargetId))).ToHashSet();
        Assert.NotEmpty(before);
        Assert.Equal(before.Order(), after.Order());

        // Claims: who said what.
        var saidBefore = original.Claims.Select(c => (Original(c.SpeakerId), c.Cue, c.Text)).ToHashSet();
        var saidAfter = imported.Claims.Select(c => (Imported(c.SpeakerId), c.Cue, c.Text)).ToHashSet();
        Assert.Equal(saidBefore.Order(), saidAfter.Order());

        // Events: each one, with its type, its date to the same precision, and its places and actors (those exported).
        string Names(IEnumerable<string> names) => string.Join("|", names.Order(StringComparer.Ordinal));
        var eventsBefore = original.Events
            .Select(e => (e.Type, e.Date.ToIso(), e.Date.Precision, Names(e.PlaceIds.Select(Original).Where(exportedNames.Contains).Distinct()), Names(e.ActorIds.Select(Original).Where(exportedNames.Contains).Distinct())))
            .Order().ToList();
        var eventsAfter = imported.Events
            .Select(e => (e.Type, e.Date.ToIso(), e.Date.Precision, Names(e.PlaceIds.Select(Imported).Distinct()), Names(e.ActorIds.Select(Imported).Distinct())))
            .Order().ToList();
        Assert.NotEmpty(eventsBefore);
        Assert.Equal(eventsBefore, eventsAfter);
        Assert.Contains(imported.Events, e => e.PlaceIds.Count > 0 && e.ActorIds.Count > 0);
        Assert.All(imported.Events, e => Assert.Equal("import.stix/1", e.From.Component));
        Assert.Contains(result.Ignored, i => i.Message.Contains("imported with the incident", StringComparison.Ordinal));
    }

    [Fact]
    public void Incidents_from_elsewhere_are_events_when_they_have_a_first_seen_date_and_ignored_with_a_reason_when_not()
    {
        var path = Path.Combine(samples.Folder, "incidents-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"type": "bundle", "id": "bundle--6f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "objects": [
              {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "name": "Katiba Macina", "created": "2016-01-01T00:00:00.000Z", "modified": "2016-01-01T00:00:00.000Z"},
              {"type": "location", "spec_version": "2.1", "id": "location--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "name": "Mopti", "latitude": 14.4843, "longitude": -4.1830, "created": "2016-01-01T00:00:00.000Z", "modified": "2016-01-01T00:00:00.000Z"},
              {"type": "incident", "spec_version": "2.1", "id": "incident--2f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "name": "Raid on a checkpoint near Mopti", "incident_type": "raid", "first_seen": "2016-08-04T05:30:00.000Z", "confidence": 70, "created": "2016-08-05T00:00:00.000Z", "modified": "2016-08-05T00:00:00.000Z"},
              {"type": "incident", "spec_version": "2.1", "id": "incident--3f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "name": "Phishing wave", "x_opencti_first_seen": "2019-03-01T00:00:00.000Z", "created": "2019-03-02T00:00:00.000Z", "modified": "2019-03-02T00:00:00.000Z"},
              {"type": "incident", "spec_version": "2.1", "id": "incident--4f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "name": "Undated breach", "created": "2020-01-01T00:00:00.000Z", "modified": "2020-01-01T00:00:00.000Z"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--5f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "relationship_type": "attributed-to", "source_ref": "incident--2f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "target_ref": "intrusion-set--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "created": "2016-08-05T00:00:00.000Z", "modified": "2016-08-05T00:00:00.000Z"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--6f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "relationship_type": "located-at", "source_ref": "incident--2f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "target_ref": "location--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e", "created": "2016-08-05T00:00:00.000Z", "modified": "2016-08-05T00:00:00.000Z"}
            ]}
            """);
        using var store = Fresh();
        var result = Importer.Import(store, path);
        Assert.Empty(result.Malformed);
        var undated = Assert.Single(result.Ignored, i => i.RecordId == "incident--4f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6e");
        Assert.Contains("first_seen", undated.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Ignored.Count(i => i.Message.Contains("imported with the incident", StringComparison.Ordinal)));

        var snapshot = store.ReadSnapshot();
        string Name(string id) => snapshot.Entities.Single(e => e.Id == id).Name;
        Assert.Equal(2, snapshot.Events.Count);
        var raid = Assert.Single(snapshot.Events, e => e.Date == PartialDate.OfDay(2016, 8, 4));
        Assert.Equal("attack", raid.Type);
        Assert.Equal(["Mopti"], raid.PlaceIds.Select(Name));
        Assert.Equal(["Katiba Macina"], raid.ActorIds.Select(Name));
        Assert.Equal(0.7, raid.From.Confidence, 3);
        var phishing = Assert.Single(snapshot.Events, e => e.Date == PartialDate.OfDay(2019, 3, 1));
        Assert.Equal("incident", phishing.Type);
        Assert.Empty(phishing.PlaceIds);
    }

    [Fact]
    public void Acled_round_trip_gives_the_same_events()
    {
        var path = Path.Combine(samples.Folder, "round-trip-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, samples.Export(ExportFormat.Acled));
        using var store = Fresh();
        var result = Importer.Import(store, path);
        Assert.Empty(result.Malformed);
        Assert.Equal(samples.Snapshot.Events.Count, result.Added);
        var imported = store.ReadSnapshot();
        string Name(KnowledgeSnapshot s, string id) => s.Entities.Single(e => e.Id == id).Name;
        var before = samples.Snapshot.Events.Select(e => (e.Type, e.Date.ToIso(), e.ActorIds.Count > 0 ? Name(samples.Snapshot, e.ActorIds[0]) : "")).Order().ToList();
        var after = imported.Events.Select(e => (e.Type, e.Date.ToIso(), e.ActorIds.Count > 0 ? Name(imported, e.ActorIds[0]) : "")).Order().ToList();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("not-json.json", "{ this is not json", "not JSON")]
    [InlineData("not-a-bundle.json", "{\"type\": \"report\"}", "not a STIX bundle")]
    [InlineData("no-header.csv", "", "neither")]
    [InlineData("short-header.csv", "event_id_cnty,event_date\nX1,2013-01-01\n", "lacks")]
    public void A_file_that_is_not_an_import_is_refused_naming_it(string name, string content, string why)
    {
        var path = Path.Combine(samples.Folder, name);
        File.WriteAllText(path, content);
        using var store = Fresh();
        var e = Assert.Throws<HarmattanException>(() => Importer.Import(store, path));
        Assert.Equal(HarmattanError.BadImportFile, e.Error);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.GetStats().Documents);
    }

    [Fact]
    public void A_stix_object_without_an_id_is_reported_and_the_rest_imported()
    {
        var path = Path.Combine(samples.Folder, "partial-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"type": "bundle", "id": "bundle--6f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d", "objects": [
              {"type": "threat-actor", "name": "Nameless"},
              {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d", "name": "Katiba Macina", "aliases": ["Macina Liberation Front"], "created": "2016-01-01T00:00:00.000Z", "modified": "2016-01-01T00:00:00.000Z"},
              {"type": "relationship", "spec_version": "2.1", "id": "relationship--2f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d", "relationship_type": "derived-from", "source_ref": "threat-actor--1f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d", "created": "2016-01-01T00:00:00.000Z", "modified": "2016-01-01T00:00:00.000Z"}
            ]}
            """);
        using var store = Fresh();
        var result = Importer.Import(store, path);
        Assert.Equal(1, result.Added);
        Assert.Equal(2, result.Malformed.Count);
        Assert.Contains(result.Malformed, m => m.RecordId is null);
        Assert.Contains(result.Malformed, m => m.RecordId == "relationship--2f3c2a9e-5d41-4b8a-9c6e-1e2f3a4b5c6d");
        var macina = store.ResolveEntity("Macina Liberation Front");
        Assert.Equal("Katiba Macina", macina.Name);
    }
}
