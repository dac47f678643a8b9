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
/// type mapped back through data/schema/relations), notes claims by their author, reports documents
/// naming what they refer to, and incidents events: with the type and date our export gives them
/// (<c>x_harmattan_event_type</c>, <c>x_harmattan_date</c>, <c>x_harmattan_date_precision</c>), or, from
/// another producer, dated by a <c>first_seen</c>-like property (OpenCTI's <c>first_seen</c>, any
/// <c>…_first_seen</c>); an incident with no date to read is ignored with that reason. An event's places and
/// actors are the locations and actors its relationships join it to. Each object is a document of its own,
/// written from the object, keyed by its STIX id, with the bundle as its source. Objects Harmattan has no equivalent for (malware, indicators,
/// a relationship type outside the schema) are listed as ignored, with the reason.
/// </summary>
public sealed class StixImporter(ExchangeContext context)
{
    public const string Component = "import.stix/1";

    private static readonly HashSet<string> EntityTypes = new(StringComparer.Ordinal) { "identity", "threat-actor", "intrusion-set", "location" };

    public ImportResult Import(KnowledgeStore store, string path, TextReader reader, string? by = null)
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

        // The actors and places each incident is joined to, in bundle order, with the role our export gives.
        var incidentLinks = new Dictionary<string, List<(JsonObject Link, JsonObject Other)>>(StringComparer.Ordinal);
        foreach (var link in byId.Values.Where(o => Text(o, "type") == "relationship"))
        {
            var (source, target) = (Text(link, "source_ref"), Text(link, "target_ref"));
            if (source is null || target is null || !byId.TryGetValue(source, out var a) || !byId.TryGetValue(target, out var b))
            {
                continue;
            }

            foreach (var (incident, other) in new[] { (a, b), (b, a) }.Where(p => Text(p.Item1, "type") == "incident"))
            {
                var id = Text(incident, "id")!;
                if (!incidentLinks.TryGetValue(id, out var list))
                {
                    incidentLinks[id] = list = [];
                }

                list.Add((link, other));
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
                case "incident":
                    (built, problem) = IncidentRecord(stix, incidentLinks.GetValueOrDefault(id) ?? [], file);
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
            tally.Count(store.StoreImported(new ImportedRecord("stix", id, file, null, fields, lat, lon), built.Value.Document, built.Value.Extraction, by));
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

        if (byId.TryGetValue(source, out var end1) && byId.TryGetValue(target, out var end2) && (Text(end1, "type") == "incident" || Text(end2, "type") == "incident"))
        {
            return (null, "ignored: the link of an incident to a place or actor is imported with the incident's event");
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

    private ((Document, DocumentExtraction)?, string?) IncidentRecord(JsonObject stix, List<(JsonObject Link, JsonObject Other)> links, string file)
    {
        var name = Text(stix, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "an incident needs a name");
        }

        PartialDate date;
        if (Text(stix, "x_harmattan_date") is { } ours)
        {
            if (!PartialDate.TryParse(ours, out date))
            {
                return (null, $"x_harmattan_date '{ours}' is not an ISO 8601 date (2012, 2012-06, 2012-06-27, 1992/1994)");
            }

            // "1990/1999" reads as the 1990s; the precision says when it was a range of years.
            if (Text(stix, "x_harmattan_date_precision") == "year_range" && date.Precision == DatePrecision.Decade)
            {
                date = PartialDate.OfYears(date.Year, date.EndYear);
            }
        }
        else if (FirstSeen(stix) is { } seen)
        {
            date = seen;
        }
        else
        {
            return (null, "ignored: an incident without x_harmattan_date or a first_seen date cannot be a dated event");
        }

        var type = Text(stix, "x_harmattan_event_type") is { Length: > 0 } t ? t
            : (Text(stix, "incident_type") ?? Text(stix, "x_opencti_incident_type")) is { Length: > 0 } kind
                ? context.Schema.TryGetEvent(kind, out var schema) ? schema.Name : Slug(kind)
            : "incident";

        var text = new RecordDocument(context, Component, Confidence(stix));
        var label = context.Schema.TryGetEvent(type, out var known) ? known.Label : type.Replace('_', ' ');
        text.Write($"{char.ToUpperInvariant(label[0])}{label[1..]} {(date.Precision == DatePrecision.Day ? "on" : "in")} {date.ToIso()}");
        var places = new List<string>();
        var actors = new List<string>();
        var ends = links
            .Where(l => EntityTypes.Contains(Text(l.Other, "type")!) && Kind(l.Other) is not null && Text(l.Other, "name") is { Length: > 0 })
            .Select(l => (Type: Kind(l.Other)!.Value, Name: Text(l.Other, "name")!, IsPlace: Text(l.Link, "x_harmattan_role") is { } role
                ? role == "place"
                : Kind(l.Other) is EntityType.Place or EntityType.Country))
            .Distinct()
            .ToList();
        foreach (var (end, i) in ends.Where(e => e.IsPlace).Select((e, i) => (e, i)))
        {
            text.Write(i == 0 ? " at " : ", ");
            places.Add(text.Entity(end.Type, end.Name));
        }

        foreach (var (end, i) in ends.Where(e => !e.IsPlace).Select((e, i) => (e, i)))
        {
            text.Write(i == 0 ? ", involving " : ", ");
            actors.Add(text.Entity(end.Type, end.Name));
        }

        text.Write($", STIX incident {Text(stix, "id")}");
        text.Event(type, date, places, actors, text.EndSentence());
        text.Write("Name: " + name.TrimEnd('.'));
        text.EndSentence();
        if (Text(stix, "description") is { Length: > 0 } description)
        {
            text.Write("Description: " + description.TrimEnd('.'));
            text.EndSentence();
        }

        return (Finish(text, stix, name, file), null);
    }

    /// <summary>The day of a first_seen-like property (first_seen, x_opencti_first_seen, any …_first_seen) that holds a timestamp.</summary>
    private static PartialDate? FirstSeen(JsonObject stix)
    {
        foreach (var (property, _) in stix.Where(p => p.Key == "first_seen" || p.Key.EndsWith("_first_seen", StringComparison.Ordinal)).OrderBy(p => p.Key != "first_seen"))
        {
            if (Text(stix, property) is { Length: >= 10 } value
                && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return PartialDate.OfDay(day.Year, day.Month, day.Day);
            }
        }

        return null;
    }

    private static string Slug(string text) => string.Join("_", text.ToLowerInvariant().Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries));

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
