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

    /// <summary>Whether the filter names an actor or a place, whose facts are few enough to hold.</summary>
    public bool Narrowed => Actor is not null || Place is not null;
}

/// <summary>How many facts of each kind a selection holds.</summary>
public sealed record ExportCounts(long Relations, long Events, long Claims, long Properties, long Quantities);

/// <summary>
/// The facts an export writes, with the entities and documents they need and nothing else, looked up by id.
/// Documents imported from ACLED are never in a selection: ACLED's terms forbid redistributing its rows,
/// so nothing derived from them leaves the knowledge base through an export.
/// </summary>
/// <remarks>
/// A selection of an actor or a place holds its facts. A selection of everything (or of a period) holds its
/// documents and entities only: its facts are read from the store each time a list is enumerated
/// (<see cref="KnowledgeRead"/>), once without their evidence to find the documents and entities they name and
/// count them, then as the exporter writes them, so an export of any size never holds its facts. Enumerate one list at a time, and dispose the
/// selection when written: it holds the store's read open.
/// </remarks>
public sealed class ExportSelection : IDisposable
{
    /// <summary>The document format the ACLED importer gives each row it stores.</summary>
    public const string AcledFormat = "acled";

    private IDisposable? _read;

    private ExportSelection(
        IReadOnlyList<KnowledgeDocument> allDocuments,
        IReadOnlyList<KnowledgeEntity> allEntities,
        KnowledgeFacts facts,
        KnowledgeFacts? unsourced,
        IReadOnlyDictionary<string, GeoPoint> coordinates,
        Func<KnowledgeDocument, bool> keepDocument,
        ExportFilter filter,
        IDisposable? read)
    {
        _read = read;
        var documents = allDocuments.Where(keepDocument).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var period = filter.Period ?? DatePeriod.Always;
        bool Stated(Provenance p) => documents.TryGetValue(p.DocumentId, out var d) && period.Overlaps(d.Date);
        var actor = filter.Actor?.Id;
        var place = filter.Place?.Id;
        KnowledgeFacts Selected(KnowledgeFacts all) => new(
            all.Relations
                .Where(r => Stated(r.From))
                .Where(r => actor is null || r.SourceId == actor || r.TargetId == actor)
                .Where(r => place is null || r.SourceId == place || r.TargetId == place),
            all.Events
                .Where(e => documents.ContainsKey(e.From.DocumentId) && period.Overlaps(e.Date))
                .Where(e => actor is null || e.ActorIds.Contains(actor))
                .Where(e => place is null || e.PlaceIds.Contains(place)),
            all.Claims
                .Where(c => Stated(c.From))
                .Where(c => actor is null || c.SpeakerId == actor || c.AboutIds.Contains(actor))
                .Where(c => place is null || c.AboutIds.Contains(place)),
            all.Attributes
                .Where(a => Stated(a.From))
                .Where(a => actor is null || a.EntityId == actor)
                .Where(a => place is null || a.EntityId == place),
            filter.Narrowed ? [] : all.Quantities.Where(q => Stated(q.From)));

        // Read again at each enumeration when streamed; held when the store's facts were held already.
        var selected = Selected(facts);
        IEnumerable<T> Kept<T>(IEnumerable<T> list) => read is null ? list.ToList() : list;
        Relations = Kept(selected.Relations);
        Events = Kept(selected.Events);
        Claims = Kept(selected.Claims);
        Properties = Kept(selected.Attributes);
        Quantities = Kept(selected.Quantities);

        // One pass over the facts, each list in turn (without their evidence when streamed): the documents and
        // entities they use, and how many there are.
        var tally = unsourced is null ? new KnowledgeFacts(Relations, Events, Claims, Properties, Quantities) : Selected(unsourced);
        var usedDocuments = new HashSet<string>(StringComparer.Ordinal);
        var entityIds = new HashSet<string>(StringComparer.Ordinal);
        long Tally<T>(IEnumerable<T> list, Func<T, Provenance> from, Func<T, IEnumerable<string?>> named)
        {
            long count = 0;
            foreach (var fact in list)
            {
                count++;
                usedDocuments.Add(from(fact).DocumentId);
                foreach (var id in named(fact))
                {
                    if (id is not null)
                    {
                        entityIds.Add(id);
                    }
                }
            }

            return count;
        }

        Counts = new ExportCounts(
            Tally(tally.Relations, r => r.From, r => [r.SourceId, r.TargetId]),
            Tally(tally.Events, e => e.From, e => e.PlaceIds.Concat(e.ActorIds)),
            Tally(tally.Claims, c => c.From, c => c.AboutIds.Prepend(c.SpeakerId)),
            Tally(tally.Attributes, a => a.From, a => [a.EntityId, a.SpeakerId]),
            Tally(tally.Quantities, q => q.From, _ => []));

        Documents = documents.Values
            .Where(d => usedDocuments.Contains(d.Id) || (!filter.Narrowed && period.Overlaps(d.Date)))
            .OrderBy(d => d.Date.Earliest)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        // A period's own documents bring every entity they list; a document there only for its events, what those name.
        entityIds.UnionWith(filter.Narrowed
            ? new[] { actor, place }.OfType<string>()
            : Documents.Where(d => period.Overlaps(d.Date)).SelectMany(d => d.EntityIds));
        Entities = allEntities.Where(e => entityIds.Contains(e.Id)).ToList();
        EntityById = Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        DocumentById = Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Coordinates = coordinates;
        Filter = filter;
    }

    public ExportFilter Filter { get; }

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    public IReadOnlyList<KnowledgeEntity> Entities { get; }

    public IEnumerable<KnowledgeRelation> Relations { get; }

    public IEnumerable<KnowledgeEvent> Events { get; }

    public IEnumerable<KnowledgeClaim> Claims { get; }

    public IEnumerable<KnowledgeProperty> Properties { get; }

    public IEnumerable<KnowledgeQuantity> Quantities { get; }

    public ExportCounts Counts { get; }

    public IReadOnlyDictionary<string, KnowledgeEntity> EntityById { get; }

    public IReadOnlyDictionary<string, KnowledgeDocument> DocumentById { get; }

    /// <summary>Coordinates the knowledge base itself holds for places (from imported events), by entity id.</summary>
    public IReadOnlyDictionary<string, GeoPoint> Coordinates { get; }

    /// <summary>
    /// Selects what the filter admits. An actor or a place reads only the documents that name it (no fact of
    /// another document could take part) and holds their facts; everything else is read as it is written.
    /// </summary>
    public static ExportSelection From(KnowledgeStore store, ExportFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        filter ??= ExportFilter.All;
        var coordinates = store.PlaceCoordinates()
            .ToDictionary(c => c.EntityId, c => new GeoPoint(c.Lat, c.Lon, c.Source), StringComparer.Ordinal);
        if (filter.Narrowed)
        {
            var snapshot = store.ReadSnapshot(new[] { filter.Actor?.Id, filter.Place?.Id }.OfType<string>().ToList());
            return From(snapshot, coordinates, filter);
        }

        var read = store.ReadForExport();
        try
        {
            return new ExportSelection(
                read.Documents,
                read.Entities,
                read.Facts,
                read.Unsourced,
                coordinates,
                d => !string.Equals(d.Format, AcledFormat, StringComparison.Ordinal),
                filter,
                read);
        }
        catch
        {
            read.Dispose();
            throw;
        }
    }

    /// <summary>A selection over a snapshot already read (tests).</summary>
    public static ExportSelection From(KnowledgeSnapshot snapshot, IReadOnlyDictionary<string, GeoPoint>? coordinates = null, ExportFilter? filter = null, bool includeAcled = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(
            snapshot.Documents,
            snapshot.Entities,
            snapshot.Facts,
            null,
            coordinates ?? new Dictionary<string, GeoPoint>(),
            d => includeAcled || !string.Equals(d.Format, AcledFormat, StringComparison.Ordinal),
            filter ?? ExportFilter.All,
            null);
    }

    public string EntityName(string id) => EntityById.TryGetValue(id, out var e) ? e.Name : id;

    public void Dispose()
    {
        _read?.Dispose();
        _read = null;
    }
}
