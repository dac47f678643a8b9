using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmattan.Exchange.Stix;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Tests;

/// <summary>The STIX 2.1 export of the sample reports, checked against the official schemas and against the store.</summary>
public sealed class StixExportTests(SampleKnowledge samples) : IClassFixture<SampleKnowledge>
{
    private JsonObject Bundle(ExportFilter? filter = null) =>
        JsonNode.Parse(samples.Export(ExportFormat.Stix, filter))!.AsObject();

    private static IEnumerable<JsonObject> Objects(JsonObject bundle) => bundle["objects"]!.AsArray().Select(o => o!.AsObject());

    [Fact]
    public void The_bundle_reaches_its_stream_as_it_is_written_not_whole_at_the_end()
    {
        var writes = samples.ExportWrites(ExportFormat.Stix);
        var total = writes.Sum();

        Assert.True(total > 4 * 65_536, $"the sample bundle is {total} bytes: too small to show");
        Assert.True(writes.Count >= total / (2 * 65_536), $"{writes.Count} writes for {total} bytes");
        Assert.True(writes.Max() < total / 2, $"a write of {writes.Max()} bytes out of {total}");
    }

    [Fact]
    public void Every_object_and_the_bundle_validate_against_the_official_schemas()
    {
        var bundle = Bundle();
        var objects = Objects(bundle).ToList();
        Assert.True(objects.Count > 100, $"only {objects.Count} objects");
        foreach (var stix in objects)
        {
            var type = (string)stix["type"]!;
            var errors = StixSchemas.For(type).Validate(stix.ToJsonString());
            Assert.True(errors.Count == 0, $"{stix["id"]} ({type}): {string.Join("; ", errors.Select(e => e.ToString()))}");
        }

        // The official bundle.json lists most SDOs by schema but not location, note and incident: those fall
        // to its custom-object branch, whose oneOf of core and cyber-observable-core both match any SDO, so
        // the official schema itself rejects every bundle holding a location, a note or an incident (the two
        // example bundles hold none). The envelope is therefore checked with the objects bundle.json names, after every
        // object was checked by its own schema above.
        var listed = StixSchemas.BundleListedTypes();
        var envelope = bundle.DeepClone().AsObject();
        envelope["objects"] = new JsonArray([.. objects.Where(o => listed.Contains((string)o["type"]!)).Select(o => o.DeepClone())]);
        var bundleErrors = StixSchemas.For("bundle").Validate(envelope.ToJsonString());
        Assert.True(bundleErrors.Count == 0, string.Join("; ", bundleErrors.Select(e => e.Path + " " + e.Kind)));
        Assert.DoesNotContain("location", listed);
        Assert.DoesNotContain("note", listed);
        Assert.DoesNotContain("incident", listed);
        Assert.Contains(objects, o => (string)o["type"]! == "incident");
        var onlyLocation = bundle.DeepClone().AsObject();
        onlyLocation["objects"] = new JsonArray(objects.First(o => (string)o["type"]! == "location").DeepClone());
        Assert.NotEmpty(StixSchemas.For("bundle").Validate(onlyLocation.ToJsonString()));
    }

    [Theory]
    [InlineData("apt1.json")]
    [InlineData("poisonivy.json")]
    public void The_official_example_bundles_validate_as_they_are(string file)
    {
        var errors = StixSchemas.For("bundle").Validate(File.ReadAllText(Path.Combine(StixSchemas.Examples, file)));
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Path + " " + e.Kind)));
    }

    [Fact]
    public void The_validator_rejects_what_the_standard_forbids()
    {
        // Proof that validation is real: a threat actor without a name, a confidence over 100, an id that is not a UUID.
        var stix = Objects(Bundle()).First(o => (string)o["type"]! == "threat-actor").DeepClone().AsObject();
        stix.Remove("name");
        stix["confidence"] = 140;
        stix["id"] = "threat-actor--not-a-uuid";
        var errors = StixSchemas.For("threat-actor").Validate(stix.ToJsonString());
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Types_follow_the_schema_data_files()
    {
        var objects = Objects(Bundle()).ToList();
        string TypeOf(string name) => (string)objects.Single(o => (string?)o["name"] == name && o.ContainsKey("x_harmattan_entity_type"))["type"]!;
        Assert.Equal("threat-actor", TypeOf("Ansar Dine"));
        Assert.Equal("location", TypeOf("Mali"));
        Assert.Equal("identity", TypeOf("Iyad Ag Ghaly"));
        var person = objects.Single(o => (string?)o["name"] == "Iyad Ag Ghaly");
        Assert.Equal("individual", (string)person["identity_class"]!);
        Assert.Equal(samples.Snapshot.Documents.Count, objects.Count(o => (string)o["type"]! == "report"));
        Assert.Contains(objects, o => (string)o["type"]! == "relationship" && (string)o["relationship_type"]! == "derived-from");
        Assert.Contains(objects, o => (string)o["type"]! == "note");
    }

    [Fact]
    public void A_second_export_of_the_same_knowledge_is_identical()
    {
        var first = samples.Export(ExportFormat.Stix);
        var second = samples.Export(ExportFormat.Stix);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        var ids = Objects(Bundle()).Select(o => (string)o["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ids_are_version_5_uuids_of_the_key_fields()
    {
        // The RFC 9562 test vector: the DNS namespace and "www.example.com".
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StixIds.UuidV5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
        Assert.Equal(StixIds.ForEntity("threat-actor", "ArmedGroup", "Ansar Dine"), StixIds.ForEntity("threat-actor", "ArmedGroup", "ANSAR  dine"));
        Assert.NotEqual(StixIds.ForEntity("threat-actor", "ArmedGroup", "Ansar Dine"), StixIds.ForEntity("identity", "Organization", "Ansar Dine"));
    }

    [Fact]
    public void References_resolve_inside_the_bundle_and_provenance_points_at_real_evidence()
    {
        var objects = Objects(Bundle()).ToList();
        var ids = objects.Select(o => (string)o["id"]!).ToHashSet(StringComparer.Ordinal);
        foreach (var stix in objects)
        {
            foreach (var (name, value) in stix)
            {
                var refs = name.EndsWith("_ref", StringComparison.Ordinal) ? [(string)value!]
                    : name.EndsWith("_refs", StringComparison.Ordinal) ? value!.AsArray().Select(v => (string)v!).ToList()
                    : [];
                Assert.All(refs, r => Assert.True(ids.Contains(r), $"{stix["id"]}.{name} -> {r} is not in the bundle"));
            }

            if ((string)stix["type"]! is "relationship" or "note" or "incident")
            {
                var confidence = (int)stix["confidence"]!;
                Assert.InRange(confidence, 0, 100);
                var from = stix["x_harmattan_provenance"]!.AsObject();
                var text = samples.Text((string)from["document"]!);
                var start = (int)from["start"]!;
                var end = (int)from["end"]!;
                Assert.Equal(Normalise(text[start..end]), (string)from["evidence"]!);
                Assert.Equal((string)from["document"]!, (string)stix["external_references"]![0]!["external_id"]!);
                Assert.False(string.IsNullOrEmpty((string?)from["component"]));
            }
        }
    }

    [Fact]
    public void Claims_are_notes_by_their_speaker()
    {
        var objects = Objects(Bundle()).ToList();
        var claim = samples.Snapshot.Claims.First(c => samples.Snapshot.Entities.Single(e => e.Id == c.SpeakerId).Type == EntityType.Person);
        var speaker = samples.Snapshot.Entities.Single(e => e.Id == claim.SpeakerId);
        var note = objects.Single(o => (string)o["type"]! == "note" && (string?)o["x_harmattan_text"] == claim.Text && (string)o["x_harmattan_provenance"]!["document"]! == claim.From.DocumentId);
        var person = objects.Single(o => (string?)o["name"] == speaker.Name && (string)o["type"]! == "identity");
        Assert.Equal((string)person["id"]!, (string)note["created_by_ref"]!);
        Assert.Equal(speaker.Name, (string)note["authors"]![0]!);
        Assert.Contains(claim.Text, (string)note["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_filter_keeps_the_actors_facts_only()
    {
        var mujao = samples.Store.ResolveEntity("MUJAO");
        var objects = Objects(Bundle(new ExportFilter(Actor: mujao))).ToList();
        var mujaoId = (string)objects.Single(o => (string?)o["name"] == mujao.Name)["id"]!;
        var relationships = objects.Where(o => (string)o["type"]! == "relationship").ToList();
        var relations = relationships.Where(r => !((string)r["source_ref"]!).StartsWith("incident--", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(relations);
        Assert.All(relations, r => Assert.True((string)r["source_ref"]! == mujaoId || (string)r["target_ref"]! == mujaoId));

        // Events: only MUJAO's, each joined to it.
        var incidents = objects.Where(o => (string)o["type"]! == "incident").Select(o => (string)o["id"]!).ToList();
        Assert.Equal(samples.Snapshot.Events.Count(e => e.ActorIds.Contains(mujao.Id)), incidents.Count);
        Assert.All(incidents, i => Assert.Contains(relationships, r => (string)r["source_ref"]! == i && (string)r["target_ref"]! == mujaoId));
    }

    [Fact]
    public void Events_are_incidents_with_their_type_date_places_and_actors()
    {
        var objects = Objects(Bundle()).ToList();
        var byId = objects.ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
        var incidents = objects.Where(o => (string)o["type"]! == "incident").ToList();
        var events = samples.Snapshot.Events;
        Assert.NotEmpty(events);
        Assert.Equal(events.Count, incidents.Count);
        string Name(string id) => samples.Snapshot.Entities.Single(e => e.Id == id).Name;

        foreach (var e in events)
        {
            // A version 5 UUID of its key fields, like every other object.
            var incident = byId[StixIds.For("incident", e.Type, e.Date.ToIso(), e.From.DocumentId, e.Id)];
            Assert.Equal(e.Type, (string)incident["x_harmattan_event_type"]!);
            Assert.Equal(e.Date.ToIso(), (string)incident["x_harmattan_date"]!);
            Assert.Equal(e.From.DocumentId, (string)incident["x_harmattan_provenance"]!["document"]!);
            Assert.Equal(StixExporter.PrecisionName(e.Date.Precision), (string)incident["x_harmattan_date_precision"]!);
            Assert.EndsWith(", " + e.Date.ToIso(), (string)incident["name"]!, StringComparison.Ordinal);
            Assert.Contains(e.Date.ToIso()[..4], (string)incident["description"]!, StringComparison.Ordinal);
            Assert.InRange((int)incident["confidence"]!, 0, 100);
            Assert.Equal(ExchangeJson.Percent(e.From.Confidence), (int)incident["confidence"]!);

            // Its places and actors are related-to relationships from it, with the role said; the report of its document refers to it.
            var links = objects.Where(o => (string)o["type"]! == "relationship" && (string)o["source_ref"]! == (string)incident["id"]!).ToList();
            Assert.All(links, l => Assert.Equal("related-to", (string)l["relationship_type"]!));
            var linked = links.Select(l => ((string)l["x_harmattan_role"]!, (string)byId[(string)l["target_ref"]!]["name"]!)).ToHashSet();
            var expected = e.PlaceIds.Select(p => ("place", Name(p))).Concat(e.ActorIds.Select(a => ("actor", Name(a))))
                .Where(x => objects.Any(o => o.ContainsKey("x_harmattan_entity_type") && (string)o["name"]! == x.Item2)).ToHashSet();
            Assert.Equal(expected.Order(), linked.Order());
            var report = objects.Single(o => (string)o["type"]! == "report" && (string)o["x_harmattan_document"]! == e.From.DocumentId);
            Assert.Contains((string)incident["id"]!, report["object_refs"]!.AsArray().Select(r => (string)r!));
        }

        // Readable names: "attack at Gao, 2012-06-27" for a dated attack at a place.
        var located = events.First(e => e.PlaceIds.Count > 0 && e.Date.Precision == DatePrecision.Day);
        var label = samples.Context.Schema.TryGetEvent(located.Type, out var schema) ? schema.Label : located.Type;
        var name = (string)byId[StixIds.For("incident", located.Type, located.Date.ToIso(), located.From.DocumentId, located.Id)]["name"]!;
        Assert.StartsWith(label + " at ", name, StringComparison.Ordinal);
        Assert.EndsWith(", " + located.Date.ToIso(), name, StringComparison.Ordinal);
    }

    private static string Normalise(string evidence) => evidence.ReplaceLineEndings(" ").Trim();
}
