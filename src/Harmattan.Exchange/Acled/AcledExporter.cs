using System.Globalization;
using Harmattan.Exchange.Csv;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Acled;

/// <summary>
/// Our own events as ACLED-style CSV (the codebook's columns), for tools built around ACLED data. Rows
/// imported from ACLED are never written (<see cref="ExportSelection"/> leaves them out): ACLED's terms
/// forbid redistribution.
/// </summary>
/// <remarks>
/// Where ACLED wants what our knowledge does not hold, the cell says so rather than guess: fatalities are
/// empty (not 0) when no figure is tied to the event, region and admin1–3 are empty, and an event type
/// with no ACLED equivalent is "Strategic developments / Other" with our type in <c>tags</c>. Provenance
/// goes into source (document title), notes (the evidence sentence) and tags (document id, component,
/// confidence).
/// </remarks>
public sealed class AcledExporter(ExchangeContext context)
{
    public void Write(ExportSelection selection, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = CsvDialect.Writer(writer);
        CsvDialect.WriteRecord(csv, AcledColumns.All);
        foreach (var e in selection.Events)
        {
            CsvDialect.WriteRecord(csv, Row(selection, e));
        }
    }

    /// <summary>The ACLED-style id of one of our events: HRM, then 12 hex digits of its key fields.</summary>
    public static string EventId(KnowledgeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return "HRM" + StableId.For("acled", e.From.DocumentId, e.Id)[6..18].ToUpperInvariant();
    }

    private IEnumerable<string?> Row(ExportSelection selection, KnowledgeEvent e)
    {
        var schema = context.Schema.TryGetEvent(e.Type, out var s) ? s : null;
        var eventType = schema?.AcledEventType ?? "Strategic developments";
        var subType = schema?.AcledSubEventType ?? "Other";
        var actors = e.ActorIds.Select(id => selection.EntityById[id]).ToList();
        var places = e.PlaceIds.Select(id => selection.EntityById[id]).ToList();
        var place = places.FirstOrDefault(p => p.Type == EntityType.Place) ?? places.FirstOrDefault();
        var point = place is null ? null : context.Locate(place, selection.Coordinates);
        var countryCode = places.Select(context.CountryCode).OfType<string>().FirstOrDefault();
        var country = context.Country(countryCode);
        var actor1 = actors.ElementAtOrDefault(0);
        var actor2 = actors.ElementAtOrDefault(1);
        var inter1 = Inter(actor1);
        var inter2 = Inter(actor2);
        var document = selection.DocumentById[e.From.DocumentId];
        var tags = new List<string>
        {
            "harmattan_type=" + e.Type,
            "document=" + e.From.DocumentId,
            "component=" + e.From.Component,
            "confidence=" + e.From.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
            "date=" + e.Date.ToIso(),
        };
        return
        [
            EventId(e),
            e.Date.Earliest.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
            e.Date.Earliest.Year.ToString(CultureInfo.InvariantCulture),
            e.Date.Precision switch { DatePrecision.Day => "1", DatePrecision.Month => "2", _ => "3" },
            AcledColumns.DisorderType(eventType),
            eventType,
            subType,
            actor1?.Name,
            string.Join("; ", actors.Skip(2).Select(a => a.Name)),
            Code(inter1),
            actor2?.Name,
            "",
            Code(inter2),
            inter1 is int a && inter2 is int b ? (Math.Min(a, b) * 10 + Math.Max(a, b)).ToString(CultureInfo.InvariantCulture)
                : inter1 is int only ? (only * 10).ToString(CultureInfo.InvariantCulture) : "",
            eventType == "Violence against civilians" ? "Civilian targeting" : "",
            country?.IsoNumeric?.TrimStart('0'),
            "",
            country?.Name,
            "",
            "",
            "",
            place?.Name,
            point is null ? "" : ExchangeJson.Degrees(point.Lat).ToString(CultureInfo.InvariantCulture),
            point is null ? "" : ExchangeJson.Degrees(point.Lon).ToString(CultureInfo.InvariantCulture),
            point is null ? "" : place!.Type == EntityType.Country ? "3" : "1",
            document.Title,
            "",
            e.From.Evidence,
            "",
            string.Join("; ", tags),
            document.IngestedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The first ACLED inter code the actor's type can take (an armed group is a rebel group, 2, unless known otherwise).</summary>
    private int? Inter(KnowledgeEntity? actor) =>
        actor is null ? null : context.Schema.Entity(actor.Type).AcledInter is { Count: > 0 } codes ? codes[0] : null;

    private static string Code(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "";
}
