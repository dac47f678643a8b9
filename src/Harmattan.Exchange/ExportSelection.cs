using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange;

/// <summary>
/// Which part of the knowledge base to export: a period (events by their own dates, other facts by the
/// dates of the documents that state them), an actor (the facts it takes part in) and a place (the events
/// there and the facts that name it). Null parts select everything.
/// </summary>
public sealed record ExportFilter(DatePeriod? Period = null, EntityRef? Actor = null, EntityRef? Place = null)
{
    public static ExportFilter All { get; } = new();
}

/// <summary>
/// The facts an export writes, with the entities and documents they need and nothing else, looked up by id.
/// Documents imported from ACLED are never in a selection: ACLED's terms forbid redistributing its rows,
/// so nothing derived from them leaves the knowledge base through an export.
/// </summary>
public sealed class ExportSelection
{
    /// <summary>The document format the ACLED importer gives each row it stores.</summary>
    public const string AcledFormat = "acled";

    private ExportSelection(
        KnowledgeSnapshot snapshot,
        IReadOnlyDictionary<string, GeoPoint> coordinates,
        Func<KnowledgeDocument, bool> keepDocument,
        ExportFilter filter)
    {
        var documents = snapshot.Documents.Where(keepDocument).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var period = filter.Period ?? DatePeriod.Always;
        bool Stated(Provenance p) => documents.TryGetValue(p.DocumentId, out var d) && period.Overlaps(d.Date);
        var actor = filter.Actor?.Id;
        var place = filter.Place?.Id;

        Relations = snapshot.Relations
            .Where(r => Stated(r.From))
            .Where(r => actor is null || r.SourceId == actor || r.TargetId == actor)
            .Where(r => place is null || r.SourceId == place || r.TargetId == place)
            .ToList();
        Events = snapshot.Events
            .Where(e => documents.ContainsKey(e.From.DocumentId) && period.Overlaps(e.Date))
            .Where(e => actor is null || e.ActorIds.Contains(actor))
            .Where(e => place is null || e.PlaceIds.Contains(place))
            .ToList();
        Claims = snapshot.Claims
            .Where(c => Stated(c.From))
            .Where(c => actor is null || c.SpeakerId == actor || c.AboutIds.Contains(actor))
            .Where(c => place is null || c.AboutIds.Contains(place))
            .ToList();
        Properties = snapshot.Attributes
            .Where(a => Stated(a.From))
            .Where(a => actor is null || a.EntityId == actor)
            .Where(a => place is null || a.EntityId == place)
            .ToList();
        Quantities = actor is null && place is null ? snapshot.Quantities.Where(q => Stated(q.From)).ToList() : [];

        var narrowed = filter.Actor is not null || filter.Place is not null;
        var usedDocuments = Relations.Select(r => r.From.DocumentId)
            .Concat(Events.Select(e => e.From.DocumentId))
            .Concat(Claims.Select(c => c.From.DocumentId))
            .Concat(Properties.Select(a => a.From.DocumentId))
            .Concat(Quantities.Select(q => q.From.DocumentId))
            .ToHashSet(StringComparer.Ordinal);
        Documents = documents.Values
            .Where(d => narrowed ? usedDocuments.Contains(d.Id) : period.Overlaps(d.Date))
            .OrderBy(d => d.Date.Earliest)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var entityIds = Relations.SelectMany(r => new[] { r.SourceId, r.TargetId })
            .Concat(Events.SelectMany(e => e.PlaceIds.Concat(e.ActorIds)))
            .Concat(Claims.SelectMany(c => c.AboutIds.Prepend(c.SpeakerId)))
            .Concat(Properties.SelectMany(a => a.SpeakerId is null ? [a.EntityId] : new[] { a.EntityId, a.SpeakerId }))
            .Concat(narrowed ? new[] { actor, place }.OfType<string>() : Documents.SelectMany(d => d.EntityIds))
            .ToHashSet(StringComparer.Ordinal);
        Entities = snapshot.Entities.Where(e => entityIds.Contains(e.Id)).ToList();
        EntityById = Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        DocumentById = Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Coordinates = coordinates;
        Filter = filter;
    }

    public ExportFilter Filter { get; }

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    public IReadOnlyList<KnowledgeEntity> Entities { get; }

    public IReadOnlyList<KnowledgeRelation> Relations { get; }

    public IReadOnlyList<KnowledgeEvent> Events { get; }

    public IReadOnlyList<KnowledgeClaim> Claims { get; }

    public IReadOnlyList<KnowledgeProperty> Properties { get; }

    public IReadOnlyList<KnowledgeQuantity> Quantities { get; }

    public IReadOnlyDictionary<string, KnowledgeEntity> EntityById { get; }

    public IReadOnlyDictionary<string, KnowledgeDocument> DocumentById { get; }

    /// <summary>Coordinates the knowledge base itself holds for places (from imported events), by entity id.</summary>
    public IReadOnlyDictionary<string, GeoPoint> Coordinates { get; }

    /// <summary>
    /// Reads the store once and selects what the filter admits. An actor or a place reads only the documents that
    /// name it: no fact of another document could take part.
    /// </summary>
    public static ExportSelection From(KnowledgeStore store, ExportFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        filter ??= ExportFilter.All;
        var coordinates = store.PlaceCoordinates()
            .ToDictionary(c => c.EntityId, c => new GeoPoint(c.Lat, c.Lon, c.Source), StringComparer.Ordinal);
        var naming = new[] { filter.Actor?.Id, filter.Place?.Id }.OfType<string>().ToList();
        var snapshot = store.ReadSnapshot(naming.Count == 0 ? null : naming);
        return new ExportSelection(snapshot, coordinates, d => !string.Equals(d.Format, AcledFormat, StringComparison.Ordinal), filter);
    }

    /// <summary>A selection over a snapshot already read (tests, briefings that read once).</summary>
    public static ExportSelection From(KnowledgeSnapshot snapshot, IReadOnlyDictionary<string, GeoPoint>? coordinates = null, ExportFilter? filter = null, bool includeAcled = false) =>
        new(snapshot, coordinates ?? new Dictionary<string, GeoPoint>(), d => includeAcled || !string.Equals(d.Format, AcledFormat, StringComparison.Ordinal), filter ?? ExportFilter.All);

    public string EntityName(string id) => EntityById.TryGetValue(id, out var e) ? e.Name : id;
}
