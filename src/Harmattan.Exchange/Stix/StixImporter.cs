using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmattan.Exchange.Import;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Exchange.Stix;

/// <summary>
/// Imports a STIX 2.1 bundle (OpenCTI, MISP, our own export): identities, threat actors and intrusion sets
/// become entities, locations places or countries (with their coordinates), relationships relations (their
/// type mapped back through data/schema/relations), notes claims by their author, and reports documents
/// naming what they refer to. Each object is a document of its own, written from the object, keyed by its
/// STIX id, with the bundle as its source. Objects Harmattan has no equivalent for (malware, indicators,
/// a relationship type outside the schema) are listed as ignored, with the reason.
/// </summary>
public sealed class StixImporter(ExchangeContext context)
{
    public const string Component = "import.stix/1";

    private static readonly HashSet<string> EntityTypes = new(StringComparer.Ordinal) { "identity", "threat-actor", "intrusion-set", "location" };

    public ImportResult Import(KnowledgeStore store, string path, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reader);
        JsonArray objects;
        try
        {
            var bundle = JsonNode.Parse(reader.ReadToEnd()) as JsonObject;
            objects = bundle is not null && bundle["type"]?.GetValueKind() == JsonValueKind.String && (string)bundle["type"]! == "bundle" && bundle["objects"] is JsonArray array
                ? array
                : throw HarmattanError.BadImportFile.At(path, "not a STIX bundle (an object with \"type\": \"bundle\" and \"objects\")");
        }
        catch (JsonException e)
        {
            throw HarmattanError.BadImportFile.At(path, "not JSON: " + e.Message, e);
        }

        var file = Path.GetFileName(path);
        var tally = new ImportTally(path, "stix");
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var node in objects)
        {
            if (node is JsonObject o && Text(o, "id") is { } id && Text(o, "type") is not null)
            {
                byId.TryAdd(id, o);
            }
            else
            {
                tally.Malformed.Add(new ImportProblem(null, node is JsonObject x ? Text(x, "id") : null, "a STIX object needs a type and an id"));
            }
        }

        foreach (var stix in byId.Values)
        {
            var id = Text(stix, "id")!;
            var type = Text(stix, "type")!;
            string? problem;
            (Document Document, DocumentExtraction Extraction)? built;
            double? lat = null, lon = null;
            switch (type)
            {
                case "identity" or "threat-actor" or "intrusion-set" or "location":
                    (built, problem) = EntityRecord(stix, file, out lat, out lon);
                    break;
                case "relationship":
                    (built, problem) = RelationshipRecord(stix, byId, file);
                    break;
                case "note":
                    (built, problem) = NoteRecord(stix, byId, file);
                    break;
                case "report":
                    (built, problem) = ReportRecord(stix, byId, file);
                    break;
                default:
                    tally.Ignored.Add(new ImportProblem(null, id, $"STIX {type} objects have no Harmattan equivalent"));
                    continue;
            }

            if (built is null)
            {
                var list = problem!.StartsWith("ignored: ", StringComparison.Ordinal) ? tally.Ignored : tally.Malformed;
                list.Add(new ImportProblem(null, id, problem.Replace("ignored: ", "", StringComparison.Ordinal)));
                continue;
            }

            var fields = stix.ToJsonString(ExchangeJson.Compact);
            tally.Count(store.StoreImported(new ImportedRecord("stix", id, file, null, fields, lat, lon), built.Value.Document, built.Value.Extraction));
        }

        return tally.Result();
    }

    private ((Document, DocumentExtraction)?, string?) EntityRecord(JsonObject stix, string file, out double? lat, out double? lon)
    {
        (lat, lon) = (null, null);
        if (Text(stix, "name") is not { Length: > 0 } name)
        {
            return (null, "a named object needs a name");
        }

        if (Kind(stix) is not EntityType type)
        {
            return (null, "ignored: a system identity is a tool, not an actor");
        }

        if (Text(stix, "type") == "location" && (stix["latitude"] is not null || stix["longitude"] is not null))
        {
            if (Number(stix, "latitude") is not double y || Number(stix, "longitude") is not double x || y is < -90 or > 90 || x is < -180 or > 180)
            {
                return (null, "latitude and longitude must both be given, on the globe");
            }

            (lat, lon) = (y, x);
        }

        var text = new RecordDocument(context, Component, Confidence(stix));
        var entity = text.Entity(type, name);
        text.Write($" is {Article(Label(type))} {Label(type)}, STIX {Text(stix, "type")} {Text(stix, "id")}");
        text.EndSentence();
        var aliases = Strings(stix, "aliases").Concat(Strings(stix, "x_harmattan_aliases")).Where(a => !NameKey.SameName(a, name)).Distinct(StringComparer.Ordinal).ToList();
        if (aliases.Count > 0)
        {
            text.Write("Also known as ");
            for (var i = 0; i < aliases.Count; i++)
            {
                text.Write(i == 0 ? "" : ", ");
                text.Alias(entity, aliases[i]);
            }

            text.EndSentence();
        }

        if (lat is double la && lon is double lo)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"Located at latitude {la}, longitude {lo}"));
            text.EndSentence();
        }

        // The country code is said, not made an entity: a location is not stated to relate to its country.
        if (Text(stix, "country") is { Length: > 0 } country && type == EntityType.Place)
        {
            text.Write("Country code " + country.ToUpperInvariant());
            text.EndSentence();
        }

        var goals = Strings(stix, "goals").ToList();
        if (goals.Count > 0)
        {
            text.Write("Goals: " + string.Join("; ", goals));
            text.EndSentence();
        }

        if (Text(stix, "description") is { Length: > 0 } description)
        {
            text.Write("Description: " + description.TrimEnd('.'));
            text.EndSentence();
        }

        return (Finish(text, stix, $"STIX {Text(stix, "type")}: {name}", file), null);
    }

    private ((Document, DocumentExtraction)?, string?) RelationshipRecord(JsonObject stix, Dictionary<string, JsonObject> byId, string file)
    {
        var kind = Text(stix, "relationship_type");
        var (source, target) = (Text(stix, "source_ref"), Text(stix, "target_ref"));
        if (kind is null || source is null || target is null)
        {
            return (null, "a relationship needs relationship_type, source_ref and target_ref");
        }

        var ours = Text(stix, "x_harmattan_type") is { } x && context.Schema.TryGetRelation(x, out _)
            ? x
            : context.Schema.RelationTypes.FirstOrDefault(r => r.StixRelationshipType == kind)?.Name;
        if (ours is null)
        {
            return (null, $"ignored: relationship type '{kind}' has no Harmattan relation type");
        }

        if (!byId.TryGetValue(source, out var from) || !byId.TryGetValue(target, out var to))
        {
            return (null, "ignored: a relationship whose ends are not in the bundle");
        }

        if (!EntityTypes.Contains(Text(from, "type")!) || !EntityTypes.Contains(Text(to, "type")!)
            || Kind(from) is not EntityType sourceType || Kind(to) is not EntityType targetType
            || Text(from, "name") is not { Length: > 0 } sourceName || Text(to, "name") is not { Length: > 0 } targetName)
        {
            return (null, $"ignored: a {kind} relationship between objects that are not actors or places");
        }

        var text = new RecordDocument(context, Component, Confidence(stix));
        var a = text.Entity(sourceType, sourceName);
        var label = context.Schema.TryGetRelation(ours, out var schema) ? schema.Label : ours;
        text.Write($" {label} ");
        var b = text.Entity(targetType, targetName);
        text.Write($", STIX relationship {kind} {Text(stix, "id")}");
        text.Relation(ours, a, b, Text(stix, "x_harmattan_role"), text.EndSentence());
        if (Text(stix, "description") is { Length: > 0 } description)
        {
            text.Write("Description: " + description.TrimEnd('.'));
            text.EndSentence();
        }

        return (Finish(text, stix, $"STIX relationship: {sourceName} {label} {targetName}", file), null);
    }

    private ((Document, DocumentExtraction)?, string?) NoteRecord(JsonObject stix, Dictionary<string, JsonObject> byId, string file)
    {
        var speakerRef = Text(stix, "x_harmattan_speaker_ref") ?? Text(stix, "created_by_ref");
        var speaker = speakerRef is not null && byId.TryGetValue(speakerRef, out var s) && Kind(s) is EntityType st && Text(s, "name") is { Length: > 0 } sn ? (st, sn) : ((EntityType, string)?)null;
        if (speaker is null && Strings(stix, "authors").FirstOrDefault() is { Length: > 0 } author)
        {
            speaker = (EntityType.Person, author);
        }

        var said = Text(stix, "x_harmattan_text") ?? Text(stix, "content");
        if (speaker is null || string.IsNullOrWhiteSpace(said))
        {
            return (null, "ignored: a note without an author or content is not a claim");
        }

        var cue = Text(stix, "x_harmattan_cue") ?? "wrote";
        var text = new RecordDocument(context, Component, Confidence(stix));
        var who = text.Entity(speaker.Value.Item1, speaker.Value.Item2);
        text.Write($" {cue}: \u201c");
        var start = text.Position;
        said = said.Trim();
        text.WriteExact(said);
        var content = new Harmattan.Text.TextSpan(start, start + said.Length);
        text.Write("\u201d");
        var sentence = text.EndSentence();
        var about = new List<string>();
        var refs = Strings(stix, "object_refs").Where(r => r != speakerRef && byId.ContainsKey(r)).Select(r => byId[r])
            .Where(o => EntityTypes.Contains(Text(o, "type")!) && Kind(o) is not null && Text(o, "name") is { Length: > 0 }).ToList();
        if (refs.Count > 0)
        {
            text.Write("About: ");
            for (var i = 0; i < refs.Count; i++)
            {
                text.Write(i == 0 ? "" : ", ");
                about.Add(text.Entity(Kind(refs[i])!.Value, Text(refs[i], "name")!));
            }

            text.EndSentence();
        }

        text.Claim(who, cue, said, content, about, sentence);
        return (Finish(text, stix, $"STIX note by {speaker.Value.Item2}", file), null);
    }

    private ((Document, DocumentExtraction)?, string?) ReportRecord(JsonObject stix, Dictionary<string, JsonObject> byId, string file)
    {
        var name = Text(stix, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "a report needs a name");
        }

        var text = new RecordDocument(context, Component, Confidence(stix));
        text.Write($"Report \u201c{name}\u201d, STIX report {Text(stix, "id")}");
        text.EndSentence();
        var refs = Strings(stix, "object_refs").Where(byId.ContainsKey).Select(r => byId[r])
            .Where(o => EntityTypes.Contains(Text(o, "type")!) && Kind(o) is not null && Text(o, "name") is { Length: > 0 }).ToList();
        if (refs.Count > 0)
        {
            text.Write("It names ");
            for (var i = 0; i < refs.Count; i++)
            {
                text.Write(i == 0 ? "" : ", ");
                text.Entity(Kind(refs[i])!.Value, Text(refs[i], "name")!);
            }

            text.EndSentence();
        }

        if (Text(stix, "description") is { Length: > 0 } description)
        {
            text.Write("Description: " + description.TrimEnd('.'));
            text.EndSentence();
        }

        return (Finish(text, stix, name, file, Text(stix, "published")), null);
    }

    private static (Document, DocumentExtraction) Finish(RecordDocument text, JsonObject stix, string title, string file, string? date = null)
    {
        var day = date ?? Text(stix, "created");
        PartialDate? published = day is { Length: >= 10 } && DateOnly.TryParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? PartialDate.OfDay(d.Year, d.Month, d.Day)
            : null;
        var url = stix["external_references"] is JsonArray refs
            ? refs.OfType<JsonObject>().Select(r => Text(r, "url")).FirstOrDefault(u => u is not null && Uri.TryCreate(u, UriKind.Absolute, out _))
            : null;
        return text.Build(title, published, "STIX: " + file, url, "stix");
    }

    /// <summary>The entity type of a STIX object: our own export says it; else by STIX type and identity class.</summary>
    private EntityType? Kind(JsonObject stix)
    {
        if (Text(stix, "x_harmattan_entity_type") is { } ours && Enum.TryParse<EntityType>(ours, out var declared) && Enum.IsDefined(declared))
        {
            return declared;
        }

        return Text(stix, "type") switch
        {
            "threat-actor" or "intrusion-set" => EntityType.ArmedGroup,
            "identity" => Text(stix, "identity_class") switch
            {
                "individual" => EntityType.Person,
                "group" => EntityType.PeopleGroup,
                "system" => null,
                _ => EntityType.Organization,
            },
            "location" => IsCountry(stix) ? EntityType.Country : EntityType.Place,
            _ => null,
        };
    }

    /// <summary>A location is a country when its country code's registry entry has its name.</summary>
    private bool IsCountry(JsonObject stix) =>
        Text(stix, "country") is { } code && context.Country(code.ToUpperInvariant()) is { } entry && Text(stix, "name") is { } name
        && entry.AllNames().Any(n => NameKey.SameName(n, name));

    private string Label(EntityType type) => context.Schema.Entity(type).Label.ToLowerInvariant();

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>STIX confidence 0–100 as ours (0–1); without one, an imported object is as sure as its producer made it, 0.8.</summary>
    private static double Confidence(JsonObject stix) => Number(stix, "confidence") is double c && c is >= 0 and <= 100 ? c / 100 : 0.8;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (double)v : null;

    private static IEnumerable<string> Strings(JsonObject o, string name) =>
        o[name] is JsonArray array ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => (string)v!) : [];
}
