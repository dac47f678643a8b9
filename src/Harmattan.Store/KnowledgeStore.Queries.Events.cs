using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Events in date order: by the first day each date may denote ("March 2012" sorts as 1 March), then
    /// the more precise date first, then by document. The period is compared with the events' own dates;
    /// an actor or place keeps the events that name it.
    /// </summary>
    public IReadOnlyList<EventFact> Timeline(EventFilter? filter = null)
    {
        filter ??= new EventFilter();
        var period = filter.Period ?? DatePeriod.Always;
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var where = "e.latest_day >= @First AND e.earliest_day <= @Last";
        if (filter.Actor is not null)
        {
            where += " AND EXISTS (SELECT 1 FROM event_actors a WHERE a.document_id = e.document_id AND a.event_id = e.id AND a.entity_id = @Actor)";
        }

        if (filter.Place is not null)
        {
            where += " AND EXISTS (SELECT 1 FROM event_places p WHERE p.document_id = e.document_id AND p.event_id = e.id AND p.entity_id = @Place)";
        }

        return ReadEvents(reader, where, new
        {
            First = StoredValues.Day(period.FirstDay),
            Last = StoredValues.Day(period.LastDay),
            Actor = filter.Actor?.Id,
            Place = filter.Place?.Id,
        });
    }

    internal static List<EventFact> ReadEvents(FactReader reader, string where, object? args)
    {
        var rows = reader.Connection.Query<EventFactRow>(
                $"""
                SELECT e.id, e.document_id AS DocumentId, e.type, e.date, e.date_precision AS DatePrecision,
                       e.evidence_start AS EvidenceStart, e.evidence_end AS EvidenceEnd
                FROM events e
                WHERE e.status <> 'rejected' AND ({where})
                ORDER BY e.earliest_day, e.latest_day, e.seq
                """,
                args,
                reader.Transaction)
            .ToList();
        var places = reader.Links( "event_places", "event_id", $"SELECT e.document_id, e.id FROM events e WHERE e.status <> 'rejected' AND ({where})", args);
        var actors = reader.Links( "event_actors", "event_id", $"SELECT e.document_id, e.id FROM events e WHERE e.status <> 'rejected' AND ({where})", args);
        return rows
            .Select(row => new EventFact(
                row.Id,
                row.Type,
                StoredValues.ParseDate(row.Date, row.DatePrecision),
                places.Members(row.DocumentId, row.Id),
                actors.Members(row.DocumentId, row.Id),
                reader.Source(row.DocumentId, row.EvidenceStart, row.EvidenceEnd)))
            .ToList();
    }
}
