using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Exchange.Stix;

/// <summary>
/// A STIX 2.1 bundle of a selection (for OpenCTI, MISP): people and organisations as <c>identity</c>,
/// armed groups as the SDO their schema names (<c>threat-actor</c>), places and countries as
/// <c>location</c>, each document as a <c>report</c> whose object_refs are what it mentions, relations as
/// <c>relationship</c> (types from data/schema/relations), claims as <c>note</c> with the speaker as author
/// (and created_by_ref when the speaker is an identity), dated events as <c>incident</c> (our event type,
/// date and its precision in <c>x_harmattan_event_type</c>, <c>x_harmattan_date</c> and
/// <c>x_harmattan_date_precision</c>) with a <c>related-to</c> relationship to each of its places and actors
/// (<c>x_harmattan_role</c> says which). Ids are version 5 UUIDs of key fields
/// (<see cref="StixIds"/>); confidence is ours on 0–100; every fact keeps its document, evidence
/// sentence, component and confidence in <c>external_references</c> and <c>x_harmattan_provenance</c>.
/// </summary>
/// <remarks>
/// Honest where STIX is not lossless: the STIX 2.1 incident is a stub with no date of its own, so an
/// event's date lives in custom properties (a consumer that does not know them still gets the date in the
/// name and description), and the spec defines no relationship from an incident, so its places and actors
/// are joined by the generic <c>related-to</c>. A place whose coordinates and country are both unknown
/// cannot be a valid location and is left out with the relations, event links and references that need it.
/// </remarks>
public sealed class StixExporter(ExchangeContext context)
{
    /// <summary>The identity that created every exported object: this system.</summary>
    public static readonly string HarmattanIdentityId = StixIds.For("identity", "harmattan");

    /// <summary>Fixed, so the Harmattan identity object is byte-identical in every export.</summary>
    private const string HarmattanCreated = "2026-01-01T00:00:00.000Z";

    /// <summary>
    /// Writes the bundle object by object, flushing as it goes, so an export of any size never holds more than one
    /// object's JSON. The bundle's id, a digest of every object id (in order), comes after its objects. Object ids
    /// are held until then, and each document's until its report, as <see cref="HeldStixIds"/>.
    /// </summary>
    public void Write(ExportSelection selection, Stream output)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, ExchangeJson.IndentedWriter);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteStartArray("objects");
        var held = new HeldStixIds();
        var ids = new List<HeldStixId>();
        foreach (var stix in Objects(selection, held))
        {
            stix.WriteTo(writer);
            ids.Add(held.Hold((string)stix["id"]!));
            ExchangeJson.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        ids.Sort(held.Compare);
        writer.WriteString("id", StixIds.ForAll("bundle", ids.Select(held.Text)));
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The bundle's objects in order: this system's identity, entities, relations, claims, events and their links, reports.</summary>
    private IEnumerable<JsonObject> Objects(ExportSelection selection, HeldStixIds held)
    {
        yield return HarmattanIdentity();
        var stixIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDocument = new Dictionary<string, List<HeldStixId>>(StringComparer.Ordinal);
        void Refer(string documentId, string stixId)
        {
            if (!byDocument.TryGetValue(documentId, out var list))
            {
                byDocument[documentId] = list = [];
            }

            var id = held.Hold(stixId);
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }

        var goals = selection.Properties.Where(p => p.Name == "goal").ToLookup(p => p.EntityId, StringComparer.Ordinal);
        foreach (var entity in selection.Entities)
        {
            if (Entity(selection, entity, goals[entity.Id]) is { } stix)
            {
                stixIds[entity.Id] = (string)stix["id"]!;
                yield return stix;
                foreach (var from in entity.From.Where(p => selection.DocumentById.ContainsKey(p.DocumentId)))
                {
                    Refer(from.DocumentId, (string)stix["id"]!);
                }
            }
        }

        foreach (var relation in selection.Relations)
        {
            if (!stixIds.TryGetValue(relation.SourceId, out var source) || !stixIds.TryGetValue(relation.TargetId, out var target))
            {
                continue;
            }

            var type = context.Schema.TryGetRelation(relation.Type, out var schema) ? schema.StixRelationshipType : relation.Type.Replace('_', '-');
            var stix = Common("relationship", StixIds.For("relationship", type, source, target, relation.From.DocumentId), selection, relation.From);
            stix["relationship_type"] = type;
            stix["source_ref"] = source;
            stix["target_ref"] = target;
            stix["description"] = relation.From.Evidence;
            stix["x_harmattan_type"] = relation.Type;
            if (relation.Role is not null)
            {
                stix["x_harmattan_role"] = relation.Role;
            }

            yield return stix;
            Refer(relation.From.DocumentId, (string)stix["id"]!);
        }

        foreach (var claim in selection.Claims)
        {
            if (!stixIds.TryGetValue(claim.SpeakerId, out var speaker))
            {
                continue;
            }

            var speakerName = selection.EntityName(claim.SpeakerId);
            var about = claim.AboutIds.Select(id => stixIds.GetValueOrDefault(id)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var stix = Common("note", StixIds.For("note", claim.From.DocumentId, claim.Id), selection, claim.From);
            if (selection.EntityById[claim.SpeakerId].Type is EntityType.Person or EntityType.Organization or EntityType.PeopleGroup)
            {
                stix["created_by_ref"] = speaker;
            }

            stix["abstract"] = $"{speakerName} {claim.Cue}";
            stix["content"] = $"{speakerName} {claim.Cue}: \u201c{claim.Text}\u201d";
            stix["authors"] = new JsonArray(speakerName);
            stix["object_refs"] = new JsonArray([.. (about.Count > 0 ? about : [speaker]).Select(id => (JsonNode)id)]);
            stix["x_harmattan_speaker_ref"] = speaker;
            stix["x_harmattan_cue"] = claim.Cue;
            stix["x_harmattan_text"] = claim.Text;
            yield return stix;
            Refer(claim.From.DocumentId, (string)stix["id"]!);
        }

        foreach (var e in selection.Events)
        {
            var stix = Incident(selection, e);
            var incident = (string)stix["id"]!;
            yield return stix;
            Refer(e.From.DocumentId, incident);
            var links = e.PlaceIds.Select(id => (Id: id, Role: "place")).Concat(e.ActorIds.Select(id => (Id: id, Role: "actor")));
            foreach (var (entityId, role) in links.Distinct())
            {
                if (!stixIds.TryGetValue(entityId, out var target))
                {
                    continue;
                }

                var link = Common("relationship", StixIds.For("relationship", "related-to", incident, target, role), selection, e.From);
                link["relationship_type"] = "related-to";
                link["source_ref"] = incident;
                link["target_ref"] = target;
                link["description"] = $"{selection.EntityName(entityId)} is {(role == "place" ? "a place" : "an actor")} of the {EventLabel(e.Type)} of {e.Date.ToIso()}";
                link["x_harmattan_role"] = role;
                yield return link;
                Refer(e.From.DocumentId, (string)link["id"]!);
            }
        }

        foreach (var document in selection.Documents)
        {
            if (!byDocument.TryGetValue(document.Id, out var refs) || refs.Count == 0)
            {
                continue;
            }

            var created = ExchangeJson.Timestamp(document.IngestedAt);
            var report = new JsonObject
            {
                ["type"] = "report",
                ["spec_version"] = "2.1",
                ["id"] = StixIds.For("report", document.Id),
                ["created_by_ref"] = HarmattanIdentityId,
                ["created"] = created,
                ["modified"] = created,
                ["name"] = document.Title,
                ["report_types"] = new JsonArray("threat-report"),
                ["published"] = ExchangeJson.Timestamp(document.Date),
                ["object_refs"] = new JsonArray([.. refs.Select(id => (JsonNode)held.Text(id))]),
                ["external_references"] = new JsonArray(DocumentReference(document)),
                ["x_harmattan_document"] = document.Id,
                ["x_harmattan_source"] = document.Source,
                ["x_harmattan_format"] = document.Format,
            };
            if (document.Published is null)
            {
                report["description"] = "The document gave no date; published is the day it was ingested.";
            }

            yield return report;
        }
    }

    private JsonObject? Entity(ExportSelection selection, KnowledgeEntity entity, IEnumerable<KnowledgeProperty> goals)
    {
        var schema = context.Schema.Entity(entity.Type);
        var id = StixIds.ForEntity(schema.StixType, entity.Type.ToString(), entity.Name);
        var from = entity.From.Where(p => selection.DocumentById.ContainsKey(p.DocumentId)).ToList();
        var stix = new JsonObject
        {
            ["type"] = schema.StixType,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created_by_ref"] = HarmattanIdentityId,
        };
        var created = from.Count == 0
            ? HarmattanCreated
            : from.Select(p => ExchangeJson.Timestamp(selection.DocumentById[p.DocumentId].IngestedAt)).Min(StringComparer.Ordinal)!;
        stix["created"] = created;
        stix["modified"] = created;
        stix["name"] = entity.Name;
        var aliases = entity.Aliases.Where(a => !NameKey.SameName(a, entity.Name)).Distinct(StringComparer.Ordinal).ToList();
        switch (schema.StixType)
        {
            case "identity":
                stix["identity_class"] = schema.StixIdentityClass ?? "unknown";
                break;
            case "location":
                var point = context.Locate(entity, selection.Coordinates);
                var country = context.CountryCode(entity);
                if (point is null && country is null)
                {
                    return null;
                }

                if (point is not null)
                {
                    stix["latitude"] = ExchangeJson.Degrees(point.Lat);
                    stix["longitude"] = ExchangeJson.Degrees(point.Lon);
                    stix["x_harmattan_coordinates_from"] = point.From;
                }

                if (country is not null)
                {
                    stix["country"] = country;
                }

                break;
            default:
                if (aliases.Count > 0)
                {
                    stix["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]);
                }

                var goalTexts = goals.Select(g => g.Surface).Distinct(StringComparer.Ordinal).ToList();
                if (goalTexts.Count > 0 && schema.StixType is "threat-actor" or "intrusion-set")
                {
                    stix["goals"] = new JsonArray([.. goalTexts.Select(g => (JsonNode)g)]);
                }

                break;
        }

        if (from.Count > 0)
        {
            stix["confidence"] = ExchangeJson.Percent(from.Max(p => p.Confidence));
        }

        var references = new JsonArray();
        if (entity.RegistryId is not null)
        {
            references.Add(new JsonObject { ["source_name"] = "harmattan-registry", ["external_id"] = entity.RegistryId });
        }

        foreach (var document in from.Select(p => selection.DocumentById[p.DocumentId]).DistinctBy(d => d.Id))
        {
            references.Add(DocumentReference(document));
        }

        if (references.Count > 0)
        {
            stix["external_references"] = references;
        }

        stix["x_harmattan_entity_type"] = entity.Type.ToString();
        if (aliases.Count > 0 && !stix.ContainsKey("aliases"))
        {
            stix["x_harmattan_aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]);
        }

        if (from.Count > 0)
        {
            stix["x_harmattan_provenance"] = new JsonArray([.. from.Select(Provenance)]);
        }

        return stix;
    }

    /// <summary>
    /// An event as a STIX incident: named "attack at Gao, 2012-06-27", described from its fields, its date
    /// and type in custom properties, with the provenance of the sentence that states it.
    /// </summary>
    private JsonObject Incident(ExportSelection selection, KnowledgeEvent e)
    {
        var id = StixIds.For("incident", e.Type, e.Date.ToIso(), e.From.DocumentId, e.Id);
        var stix = Common("incident", id, selection, e.From);
        var label = EventLabel(e.Type);
        var places = e.PlaceIds.Select(selection.EntityName).Distinct(StringComparer.Ordinal).ToList();
        var actors = e.ActorIds.Select(selection.EntityName).Distinct(StringComparer.Ordinal).ToList();
        // The most specific place names it: a town before its country.
        var at = e.PlaceIds.OrderBy(p => selection.EntityById.TryGetValue(p, out var place) && place.Type == EntityType.Country ? 1 : 0)
            .Select(selection.EntityName).FirstOrDefault();
        stix["name"] = at is not null ? $"{label} at {at}, {e.Date.ToIso()}"
            : actors.Count > 0 ? $"{label} by {actors[0]}, {e.Date.ToIso()}"
            : $"{label}, {e.Date.ToIso()}";
        var description = new StringBuilder();
        description.Append(char.ToUpperInvariant(label[0])).Append(label[1..]);
        if (places.Count > 0)
        {
            description.Append(" at ").Append(And(places));
        }

        description.Append(' ').Append(DateText(e.Date));
        if (actors.Count > 0)
        {
            description.Append(", involving ").Append(And(actors));
        }

        description.Append(". Stated in \u201c").Append(e.From.Title).Append("\u201d: \u201c").Append(e.From.Evidence).Append('\u201d');
        stix["description"] = description.ToString();
        stix["x_harmattan_event_type"] = e.Type;
        stix["x_harmattan_date"] = e.Date.ToIso();
        stix["x_harmattan_date_precision"] = PrecisionName(e.Date.Precision);
        return stix;
    }

    /// <summary>The name of a date precision in x_harmattan_date_precision: day, month, year, year_range or decade.</summary>
    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.YearRange => "year_range",
        _ => precision.ToString().ToLowerInvariant(),
    };

    private string EventLabel(string type) => context.Schema.TryGetEvent(type, out var schema) ? schema.Label : type.Replace('_', ' ');

    private static string DateText(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => "on " + date.ToIso(),
        DatePrecision.YearRange => string.Create(CultureInfo.InvariantCulture, $"between {date.Year} and {date.EndYear}"),
        DatePrecision.Decade => string.Create(CultureInfo.InvariantCulture, $"in the {date.Year}s"),
        _ => "in " + date.ToIso(),
    };

    private static string And(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static JsonObject Common(string type, string id, ExportSelection selection, Provenance from)
    {
        var created = ExchangeJson.Timestamp(selection.DocumentById[from.DocumentId].IngestedAt);
        return new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created_by_ref"] = HarmattanIdentityId,
            ["created"] = created,
            ["modified"] = created,
            ["confidence"] = ExchangeJson.Percent(from.Confidence),
            ["external_references"] = new JsonArray(EvidenceReference(from)),
            ["x_harmattan_provenance"] = Provenance(from),
        };
    }

    private static JsonObject HarmattanIdentity() => new()
    {
        ["type"] = "identity",
        ["spec_version"] = "2.1",
        ["id"] = HarmattanIdentityId,
        ["created"] = HarmattanCreated,
        ["modified"] = HarmattanCreated,
        ["name"] = "Harmattan",
        ["identity_class"] = "system",
        ["description"] = "The knowledge base these objects were exported from; each object names the documents that state it.",
    };

    private static JsonObject DocumentReference(KnowledgeDocument document) => Reference(document.Title, document.Id, document.Url, null);

    private static JsonObject EvidenceReference(Provenance from) => Reference(from.Title, from.DocumentId, from.Url, from.Evidence);

    /// <summary>An external reference to one of our documents (its id as external_id), with the evidence sentence when one fact is cited.</summary>
    private static JsonObject Reference(string title, string documentId, string? url, string? evidence)
    {
        var reference = new JsonObject
        {
            ["source_name"] = title,
            ["external_id"] = documentId,
        };
        if (evidence is not null)
        {
            reference["description"] = evidence;
        }

        if (url is not null)
        {
            reference["url"] = url;
        }

        return reference;
    }

    private static JsonObject Provenance(Provenance from)
    {
        var json = new JsonObject
        {
            ["document"] = from.DocumentId,
            ["title"] = from.Title,
        };
        if (from.Url is not null)
        {
            json["url"] = from.Url;
        }

        json["evidence"] = from.Evidence;
        json["start"] = from.Span.Start;
        json["end"] = from.Span.End;
        json["component"] = from.Component;
        json["confidence"] = Math.Round(from.Confidence, 4);
        return json;
    }
}
