using System.Text.Json;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.GeoJson;

/// <summary>
/// Events and places as an RFC 7946 FeatureCollection (QGIS, Leaflet): one Point feature per place or
/// country whose coordinates are known, and one per event at its first located place. Coordinates are
/// [longitude, latitude] in WGS84, as RFC 7946 requires; there is no "crs" member. Each feature's
/// properties say its kind ("place" or "event") and carry the event's provenance.
/// </summary>
public sealed class GeoJsonExporter(ExchangeContext context)
{
    public void Write(ExportSelection selection, Stream output)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var located = selection.Entities
            .Where(e => e.Type is EntityType.Place or EntityType.Country)
            .Select(e => (Entity: e, Point: context.Locate(e, selection.Coordinates)))
            .Where(p => p.Point is not null)
            .ToDictionary(p => p.Entity.Id, p => p.Point!, StringComparer.Ordinal);
        var eventsAt = selection.Events.SelectMany(e => e.PlaceIds.Distinct(StringComparer.Ordinal)).CountBy(id => id).ToDictionary(StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(output, ExchangeJson.IndentedWriter);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var place in selection.Entities.Where(e => located.ContainsKey(e.Id)))
        {
            var point = located[place.Id];
            StartFeature(json, place.Id, point);
            json.WriteString("kind", "place");
            json.WriteString("name", place.Name);
            json.WriteString("entity_type", place.Type.ToString());
            if (place.RegistryId is not null)
            {
                json.WriteString("registry_id", place.RegistryId);
            }

            json.WriteString("coordinates_from", point.From);
            json.WriteNumber("events", eventsAt.GetValueOrDefault(place.Id));
            json.WriteNumber("documents", place.From.Select(p => p.DocumentId).Where(selection.DocumentById.ContainsKey).Distinct(StringComparer.Ordinal).Count());
            EndFeature(json);
        }

        foreach (var e in selection.Events)
        {
            // The most specific place first: a town before its country.
            var at = e.PlaceIds.Where(located.ContainsKey)
                .OrderBy(id => selection.EntityById[id].Type == EntityType.Country ? 1 : 0)
                .FirstOrDefault();
            if (at is null)
            {
                continue;
            }

            StartFeature(json, e.From.DocumentId[..12] + "/" + e.Id, located[at]);
            json.WriteString("kind", "event");
            json.WriteString("event_type", e.Type);
            json.WriteString("date", e.Date.ToIso());
            json.WriteString("earliest", e.Date.Earliest.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("latest", e.Date.Latest.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("place", selection.EntityName(at));
            json.WriteString("places", string.Join("; ", e.PlaceIds.Select(selection.EntityName)));
            json.WriteString("actors", string.Join("; ", e.ActorIds.Select(selection.EntityName)));
            json.WritePropertyName("provenance");
            ExchangeJson.Write(json, e.From);
            EndFeature(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void StartFeature(Utf8JsonWriter json, string id, GeoPoint point)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", id);
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        json.WriteNumberValue(ExchangeJson.Degrees(point.Lon));
        json.WriteNumberValue(ExchangeJson.Degrees(point.Lat));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
    }

    private static void EndFeature(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        ExchangeJson.FlushWhenFull(json);
    }
}
