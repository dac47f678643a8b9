using System.Text.Json;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.JsonLines;

/// <summary>
/// Every object of a selection, one JSON object per line, each with a <c>kind</c>: first a header
/// (format, version, offset unit), then documents, entities, relations, events, claims, attributes and
/// quantities. Every fact carries its provenance (document, title, url, evidence sentence, span,
/// component, confidence); spans are UTF-16 code units, end exclusive, into the stored text.
/// </summary>
public sealed class JsonLinesExporter
{
    public const int Version = 1;

    public static void Write(ExportSelection selection, Stream output)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(output);
        Line(output, json =>
        {
            json.WriteString("kind", "header");
            json.WriteString("format", "harmattan-jsonl");
            json.WriteNumber("version", Version);
            json.WriteString("offsets", "utf16");
        });
        foreach (var d in selection.Documents)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "document");
                json.WriteString("id", d.Id);
                json.WriteString("title", d.Title);
                Optional(json, "published", d.Published?.ToIso());
                json.WriteString("source", d.Source);
                Optional(json, "url", d.Url);
                json.WriteString("format", d.Format);
                json.WriteString("ingested_at", ExchangeJson.Timestamp(d.IngestedAt));
                Strings(json, "entities", d.EntityIds.Where(selection.EntityById.ContainsKey));
            });
        }

        foreach (var e in selection.Entities)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "entity");
                json.WriteString("id", e.Id);
                json.WriteString("type", e.Type.ToString());
                json.WriteString("name", e.Name);
                Optional(json, "registry_id", e.RegistryId);
                Strings(json, "aliases", e.Aliases);
                if (selection.Coordinates.TryGetValue(e.Id, out var point))
                {
                    json.WriteNumber("lat", point.Lat);
                    json.WriteNumber("lon", point.Lon);
                }

                Provenances(json, e.From.Where(p => selection.DocumentById.ContainsKey(p.DocumentId)));
            });
        }

        foreach (var r in selection.Relations)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "relation");
                json.WriteString("id", r.Id);
                json.WriteString("type", r.Type);
                json.WriteString("source", r.SourceId);
                json.WriteString("target", r.TargetId);
                Optional(json, "role", r.Role);
                Provenance(json, r.From);
            });
        }

        foreach (var e in selection.Events)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "event");
                json.WriteString("id", e.Id);
                json.WriteString("type", e.Type);
                json.WriteString("date", e.Date.ToIso());
                json.WriteString("precision", e.Date.Precision.ToString());
                Strings(json, "places", e.PlaceIds);
                Strings(json, "actors", e.ActorIds);
                Provenance(json, e.From);
            });
        }

        foreach (var c in selection.Claims)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "claim");
                json.WriteString("id", c.Id);
                json.WriteString("speaker", c.SpeakerId);
                json.WriteString("cue", c.Cue);
                json.WriteString("text", c.Text);
                Strings(json, "about", c.AboutIds);
                Provenance(json, c.From);
            });
        }

        foreach (var a in selection.Properties)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "attribute");
                json.WriteString("id", a.Id);
                json.WriteString("entity", a.EntityId);
                json.WriteString("name", a.Name);
                json.WriteString("value", a.Value);
                json.WriteString("surface", a.Surface);
                Optional(json, "speaker", a.SpeakerId);
                Optional(json, "as_of", a.AsOf?.ToIso());
                Provenance(json, a.From);
            });
        }

        foreach (var q in selection.Quantities)
        {
            Line(output, json =>
            {
                json.WriteString("kind", "quantity");
                json.WriteString("id", q.Id);
                json.WriteNumber("value", q.Value);
                Optional(json, "unit", q.Unit);
                json.WriteString("surface", q.Surface);
                json.WriteBoolean("approximate", q.Approximate);
                Provenance(json, q.From);
            });
        }
    }

    private static void Line(Stream output, Action<Utf8JsonWriter> body)
    {
        using (var json = new Utf8JsonWriter(output, ExchangeJson.CompactWriter))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }

    private static void Provenance(Utf8JsonWriter json, Provenance from)
    {
        json.WritePropertyName("provenance");
        ExchangeJson.Write(json, from);
    }

    private static void Provenances(Utf8JsonWriter json, IEnumerable<Provenance> from)
    {
        json.WriteStartArray("provenance");
        foreach (var p in from)
        {
            ExchangeJson.Write(json, p);
        }

        json.WriteEndArray();
    }
}
