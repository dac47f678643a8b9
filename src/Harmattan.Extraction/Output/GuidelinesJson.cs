using System.Text.Encodings.Web;
using System.Text.Json;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Output;

/// <summary>
/// One document's extraction in the shape of the extraction contract (../shared/eval/GUIDELINES.md):
/// what score.py reads and the gold files hold. Ids are local to the document (<c>E1</c>, <c>E2</c>,
/// ...). Fields the contract leaves out may be null when the document was parsed from a file that
/// omits them; <see cref="From"/> always fills them.
/// </summary>
public sealed record GuidelinesDocument(
    IReadOnlyList<GuidelinesEntity> Entities,
    IReadOnlyList<GuidelinesClaim> Claims,
    IReadOnlyList<GuidelinesRelation> Relations,
    IReadOnlyList<GuidelinesEvent> Events)
{
    public static GuidelinesDocument Empty { get; } = new([], [], [], []);

    /// <summary>
    /// The contract view of an extraction. Entities are numbered in the order of their first mention;
    /// claims, relations and events follow their evidence in the text. Throws
    /// <see cref="HarmattanError.InvalidExtraction"/> when a fact names an entity the extraction lacks.
    /// </summary>
    public static GuidelinesDocument From(DocumentExtraction extraction) => new GuidelinesLayout(extraction).Contract;

    /// <summary>
    /// Reads the contract shape as score.py's <c>load</c> does: a missing or non-list layer is empty,
    /// items that are not objects are skipped, unknown fields are ignored. Numbers given where strings
    /// are expected keep their JSON text.
    /// </summary>
    public static GuidelinesDocument Parse(JsonElement root) => Parse(root, null, null);

    /// <summary>As <see cref="Parse(JsonElement)"/>, recording what score.py would warn about in <paramref name="problems"/>.</summary>
    public static GuidelinesDocument Parse(JsonElement root, string? path, ICollection<string>? problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems?.Add($"{path}: top level is not an object");
            return Empty;
        }

        return new GuidelinesDocument(
            Layer(root, "entities", path, problems, e =>
                new GuidelinesEntity(Scalar(e, "id"), Scalar(e, "name"), Scalar(e, "type"), Strings(e, "aliases"))),
            Layer(root, "claims", path, problems, c =>
                new GuidelinesClaim(Scalar(c, "speaker"), Scalar(c, "cue"), Scalar(c, "text"))),
            Layer(root, "relations", path, problems, r =>
                new GuidelinesRelation(Scalar(r, "type"), Scalar(r, "source"), Scalar(r, "target"))),
            Layer(root, "events", path, problems, e =>
                new GuidelinesEvent(Scalar(e, "type"), Scalar(e, "date"), Strings(e, "places"), Strings(e, "actors"))));
    }

    public bool Equals(GuidelinesDocument? other) =>
        other is not null
        && Entities.SequenceEqual(other.Entities)
        && Claims.SequenceEqual(other.Claims)
        && Relations.SequenceEqual(other.Relations)
        && Events.SequenceEqual(other.Events);

    public override int GetHashCode() => HashCode.Combine(Entities.Count, Claims.Count, Relations.Count, Events.Count);

    private static List<T> Layer<T>(
        JsonElement root, string key, string? path, ICollection<string>? problems, Func<JsonElement, T> read)
    {
        if (!root.TryGetProperty(key, out var layer))
        {
            return [];
        }

        if (layer.ValueKind != JsonValueKind.Array)
        {
            problems?.Add($"{path}: '{key}' is not a list");
            return [];
        }

        return [.. layer.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(read)];
    }

    private static string? Scalar(JsonElement item, string key) =>
        item.TryGetProperty(key, out var v) ? Scalar(v) : null;

    private static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    private static List<string> Strings(JsonElement item, string key) =>
        item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(Scalar).OfType<string>()]
            : [];
}

/// <summary>A named entity: its fullest name, its type (one of the six contract types) and its other surface forms.</summary>
public sealed record GuidelinesEntity(string? Id, string? Name, string? Type, IReadOnlyList<string> Aliases)
{
    public bool Equals(GuidelinesEntity? other) =>
        other is not null && Id == other.Id && Name == other.Name && Type == other.Type && Aliases.SequenceEqual(other.Aliases);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Type, Aliases.Count);
}

/// <summary>An attributed statement: <see cref="Speaker"/> is the local id of the named source.</summary>
public sealed record GuidelinesClaim(string? Speaker, string? Cue, string? Text);

/// <summary>A typed link between two local entity ids.</summary>
public sealed record GuidelinesRelation(string? Type, string? Source, string? Target);

/// <summary>A dated happening; <see cref="Date"/> is ISO 8601 to the precision the text gives.</summary>
public sealed record GuidelinesEvent(
    string? Type, string? Date, IReadOnlyList<string> Places, IReadOnlyList<string> Actors)
{
    public bool Equals(GuidelinesEvent? other) =>
        other is not null && Type == other.Type && Date == other.Date
        && Places.SequenceEqual(other.Places) && Actors.SequenceEqual(other.Actors);

    public override int GetHashCode() => HashCode.Combine(Type, Date, Places.Count, Actors.Count);
}

/// <summary>
/// Writes an extraction as contract JSON with its provenance: offsets (UTF-16 code units, end exclusive,
/// <c>"offsets": "utf16"</c>), confidence and component on every item, mentions per entity, the
/// content span of each claim, and the quantities. score.py ignores the extra fields.
/// </summary>
public static class GuidelinesJson
{
    /// <summary>
    /// Indented, <c>\n</c> line ends, non-ASCII written as is. UnsafeRelaxedJsonEscaping is meant for
    /// files and terminals, not for embedding in HTML: it leaves &lt;, &gt; and &amp; unescaped.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        NewLine = "\n",
    };

    /// <summary>The same input always gives byte-identical output.</summary>
    public static void Write(
        Utf8JsonWriter writer, string? documentId, string? title, PartialDate? published, DocumentExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var layout = new GuidelinesLayout(extraction);
        var contract = layout.Contract;

        writer.WriteStartObject();
        writer.WriteString("offsets", "utf16");
        writer.WriteStartObject("document");
        writer.WriteString("id", documentId);
        writer.WriteString("title", title);
        writer.WriteString("published", published?.ToIso());
        writer.WriteEndObject();

        writer.WriteStartArray("entities");
        for (var i = 0; i < contract.Entities.Count; i++)
        {
            var (e, source) = (contract.Entities[i], layout.Entities[i]);
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            writer.WriteString("name", e.Name);
            writer.WriteString("type", e.Type);
            WriteStrings(writer, "aliases", e.Aliases);
            if (source.RegistryId is not null)
            {
                writer.WriteString("registry_id", source.RegistryId);
            }

            WriteSpan(writer, "span", source.Evidence.Span);
            writer.WriteStartArray("mentions");
            foreach (var m in layout.MentionsOf(source.Id))
            {
                WriteSpanValue(writer, m);
            }

            writer.WriteEndArray();
            WriteProvenance(writer, source.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("claims");
        for (var i = 0; i < contract.Claims.Count; i++)
        {
            var (c, source) = (contract.Claims[i], layout.Claims[i]);
            writer.WriteStartObject();
            writer.WriteString("speaker", c.Speaker);
            writer.WriteString("cue", c.Cue);
            writer.WriteString("text", c.Text);
            WriteSpan(writer, "span", source.Evidence.Span);
            WriteSpan(writer, "content", source.ContentSpan);
            WriteProvenance(writer, source.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("relations");
        for (var i = 0; i < contract.Relations.Count; i++)
        {
            var (r, source) = (contract.Relations[i], layout.Relations[i]);
            writer.WriteStartObject();
            writer.WriteString("type", r.Type);
            writer.WriteString("source", r.Source);
            writer.WriteString("target", r.Target);
            if (source.Role is not null)
            {
                writer.WriteString("role", source.Role);
            }

            WriteSpan(writer, "span", source.Evidence.Span);
            WriteProvenance(writer, source.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("events");
        for (var i = 0; i < contract.Events.Count; i++)
        {
            var (e, source) = (contract.Events[i], layout.Events[i]);
            writer.WriteStartObject();
            writer.WriteString("type", e.Type);
            writer.WriteString("date", e.Date);
            WriteStrings(writer, "places", e.Places);
            WriteStrings(writer, "actors", e.Actors);
            WriteSpan(writer, "span", source.Evidence.Span);
            WriteProvenance(writer, source.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("quantities");
        foreach (var q in layout.Quantities)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", q.Value);
            writer.WriteString("unit", q.Unit);
            writer.WriteString("text", q.Surface);
            writer.WriteBoolean("approximate", q.Approximate);
            WriteSpan(writer, "span", q.Evidence.Span);
            WriteProvenance(writer, q.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // Actor attributes are an extra layer the scorer ignores: each with the entity's local id.
        writer.WriteStartArray("attributes");
        foreach (var a in layout.Attributes)
        {
            writer.WriteStartObject();
            writer.WriteString("entity", layout.LocalId(a.EntityId, a.Id));
            writer.WriteString("name", a.Name);
            writer.WriteString("value", a.Value);
            writer.WriteString("text", a.Surface);
            if (a.SpeakerId is not null)
            {
                writer.WriteString("speaker", layout.LocalId(a.SpeakerId, a.Id));
            }

            if (a.AsOf is { } asOf)
            {
                writer.WriteString("as_of", asOf.ToIso());
            }

            WriteSpan(writer, "span", a.Evidence.Span);
            WriteProvenance(writer, a.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><see cref="Write"/> into a UTF-8 byte array with <see cref="WriterOptions"/>.</summary>
    public static byte[] ToUtf8Bytes(string? documentId, string? title, PartialDate? published, DocumentExtraction extraction)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, documentId, title, published, extraction);
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter writer, string name, TextSpan span)
    {
        writer.WritePropertyName(name);
        WriteSpanValue(writer, span);
    }

    private static void WriteSpanValue(Utf8JsonWriter writer, TextSpan span)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(span.Start);
        writer.WriteNumberValue(span.End);
        writer.WriteEndArray();
    }

    private static void WriteProvenance(Utf8JsonWriter writer, Evidence evidence)
    {
        writer.WriteNumber("confidence", evidence.Confidence);
        writer.WriteString("component", evidence.Component);
    }
}

/// <summary>
/// The one ordering and numbering both <see cref="GuidelinesDocument.From"/> and
/// <see cref="GuidelinesJson.Write"/> use, so that the written JSON parses back to the same contract.
/// Sorts are stable: ties keep the extraction's order.
/// </summary>
internal sealed class GuidelinesLayout
{
    private readonly Dictionary<string, string> _localIds = new(StringComparer.Ordinal);
    private readonly ILookup<string, TextSpan> _mentions;

    public GuidelinesLayout(DocumentExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        Entities = [.. extraction.Entities.OrderBy(e => e.Evidence.Span.Start)];
        foreach (var e in Entities)
        {
            if (!_localIds.TryAdd(e.Id, "E" + (_localIds.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                throw HarmattanError.InvalidExtraction.At(e.Id, "two entities share this id");
            }
        }

        _mentions = extraction.Mentions
            .OrderBy(m => m.Span.Start).ThenBy(m => m.Span.End)
            .ToLookup(m => m.EntityId, m => m.Span, StringComparer.Ordinal);
        Claims = [.. extraction.Claims.OrderBy(c => c.Evidence.Span.Start).ThenBy(c => c.ContentSpan.Start)];
        Relations = [.. extraction.Relations.OrderBy(r => r.Evidence.Span.Start)];
        Events = [.. extraction.Events.OrderBy(e => e.Evidence.Span.Start)];
        Quantities = [.. extraction.Quantities.OrderBy(q => q.Evidence.Span.Start)];
        Attributes = [.. extraction.Attributes.OrderBy(a => a.Evidence.Span.Start)];

        Contract = new GuidelinesDocument(
            [.. Entities.Select(e => new GuidelinesEntity(_localIds[e.Id], e.Name, e.Type.ToString(), [.. e.Aliases]))],
            [.. Claims.Select(c => new GuidelinesClaim(Local(c.SpeakerId, c.Id), c.Cue, c.Text))],
            [.. Relations.Select(r => new GuidelinesRelation(r.Type, Local(r.SourceId, r.Id), Local(r.TargetId, r.Id)))],
            [.. Events.Select(e => new GuidelinesEvent(e.Type, e.Date.ToIso(),
                [.. e.PlaceIds.Select(p => Local(p, e.Id))], [.. e.ActorIds.Select(a => Local(a, e.Id))]))]);
    }

    public IReadOnlyList<Entity> Entities { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Relation> Relations { get; }

    public IReadOnlyList<Event> Events { get; }

    public IReadOnlyList<Quantity> Quantities { get; }

    public IReadOnlyList<ActorProperty> Attributes { get; }

    /// <summary>The local id ("E3") of an entity a fact refers to; HRM0207 when the extraction lacks it.</summary>
    public string LocalId(string entityId, string factId) => Local(entityId, factId);

    public GuidelinesDocument Contract { get; }

    public IEnumerable<TextSpan> MentionsOf(string entityId) => _mentions[entityId];

    private string Local(string entityId, string factId) =>
        _localIds.TryGetValue(entityId, out var local)
            ? local
            : throw HarmattanError.InvalidExtraction.At(factId, $"refers to entity {entityId}, which the extraction does not have");
}
