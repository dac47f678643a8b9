using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Events in date order: by the first day each date may denote ("March 2012" sorts as 1 March), then
    /// the more precise date first. The period is compared with the events' own dates; an actor or place
    /// keeps the events that name it. Reads the whole list: for exports and briefs; hosts page through
    /// <see cref="TimelinePage"/>.
    /// </summary>
    public IReadOnlyList<EventFact> Timeline(EventFilter? filter = null)
    {
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var (page, args) = TimelineKeys(reader, filter ?? new EventFilter());
        return ReadEvents(reader, page, "p.o1, p.o2, p.o3", args, null).Items;
    }

    /// <summary>
    /// A page of the timeline, earliest first (or, with <paramref name="latestFirst"/>, latest first: the
    /// reverse order, so a page of it is the end of the timeline), with how many events the filter admits.
    /// With an actor or a place the page is read from that entity's index in date order, so it costs the page
    /// (a period's start is found by skipping index entries, without reading their rows); without, from the
    /// events' date index.
    /// </summary>
    public FactPage<EventFact> TimelinePage(EventFilter? filter = null, int offset = 0, int limit = 50, bool latestFirst = false)
    {
        CheckPage(offset, limit);
        filter ??= new EventFilter();
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var (keys, args) = TimelineKeys(reader, filter);
        args.Add("Offset", offset);
        args.Add("Take", limit + 1);
        // The count walks the same index without the rows; what is rejected is counted apart by status.
        var period = filter.Period ?? DatePeriod.Always;
        var totals = (filter.Actor, filter.Place, filter.Types is { Count: > 0 }) switch
        {
            (not null, null, false) => new Totals(
                $"SELECT 1 FROM event_actors a WHERE a.entity_id = @Actor AND {EventPeriod("a", period).Sql}",
                RejectedEvents("event_actors", "@Actor", period)),
            (null, not null, false) => new Totals(
                $"SELECT 1 FROM event_places l WHERE l.entity_id = @Place AND {EventPeriod("l", period).Sql}",
                RejectedEvents("event_places", "@Place", period)),
            (null, null, false) => new Totals(
                $"SELECT 1 FROM events e WHERE {EventPeriod("e", period).Sql}",
                $"SELECT count(*) FROM events e WHERE e.status = 'rejected' AND {EventPeriod("e", period).Sql}"),
            // Both an actor and a place, or event types: the count reads the rows it counts.
            _ => new Totals(keys, null),
        };
        var order = latestFirst ? "o1 DESC, o2 DESC, o3 DESC" : "o1, o2, o3";
        var read = ReadEvents(reader, $"{keys} ORDER BY {order} LIMIT @Take OFFSET @Offset", latestFirst ? "p.o1 DESC, p.o2 DESC, p.o3 DESC" : "p.o1, p.o2, p.o3", args, totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// A page of the events an entity takes part in or that happen there, latest event first, with how many
    /// there are: the events section of a profile.
    /// </summary>
    public FactPage<EventFact> ActorEvents(EntityRef entity, int offset = 0, int limit = 20) =>
        EntityPage(entity, offset, limit, (reader, id) => ActorEvents(reader, id, offset, limit));

    private static FactPage<EventFact> ActorEvents(FactReader reader, string entityId, int offset, int limit)
    {
        var r = reader.RowId;
        var args = new DynamicParameters(new { Id = entityId, Offset = offset, Take = limit + 1, Window = offset + limit + 1 });
        var totals = new Totals(
            """
            SELECT 1 FROM event_actors a WHERE a.entity_id = @Id
            UNION ALL
            SELECT 1 FROM event_places l WHERE l.entity_id = @Id
              AND NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.document_id = l.document_id AND x.event_id = l.event_id AND x.entity_id = l.entity_id)
            """,
            """
            SELECT count(*) FROM events e
            WHERE e.status = 'rejected'
              AND (EXISTS (SELECT 1 FROM event_actors a WHERE a.document_id = e.document_id AND a.event_id = e.id AND a.entity_id = @Id)
                   OR EXISTS (SELECT 1 FROM event_places l WHERE l.document_id = e.document_id AND l.event_id = e.id AND l.entity_id = @Id))
            """);
        // An entity can be both an actor and the place of one event ("Mali" fights in Mali): it is listed once,
        // as an actor.
        var read = ReadEvents(
            reader,
            $"""
            SELECT k, o1, o2, o3 FROM (
                SELECT k, o1, o2, o3 FROM (
                    SELECT e.{r} AS k, a.earliest_day AS o1, a.latest_day AS o2, a.{r} AS o3
                    FROM event_actors a JOIN events e ON e.document_id = a.document_id AND e.id = a.event_id
                    WHERE a.entity_id = @Id AND e.status <> 'rejected'
                    ORDER BY a.earliest_day DESC, a.latest_day DESC, a.{r} DESC LIMIT @Window) acting
                UNION ALL
                SELECT k, o1, o2, o3 FROM (
                    SELECT e.{r} AS k, l.earliest_day AS o1, l.latest_day AS o2, l.{r} AS o3
                    FROM event_places l JOIN events e ON e.document_id = l.document_id AND e.id = l.event_id
                    WHERE l.entity_id = @Id AND e.status <> 'rejected'
                      AND NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.document_id = l.document_id AND x.event_id = l.event_id AND x.entity_id = l.entity_id)
                    ORDER BY l.earliest_day DESC, l.latest_day DESC, l.{r} DESC LIMIT @Window) located
                ORDER BY o1 DESC, o2 DESC, o3 DESC LIMIT @Take OFFSET @Offset) paged
            """,
            "p.o1 DESC, p.o2 DESC, p.o3 DESC",
            args,
            totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// The timeline's key query for a filter (row ids of events as k, ordered by o1, o2, o3) and its
    /// parameters: from the actor's or the place's index when the filter names one, else from the events'.
    /// </summary>
    private (string Sql, DynamicParameters Args) TimelineKeys(FactReader reader, EventFilter filter)
    {
        var r = reader.RowId;
        var period = filter.Period ?? DatePeriod.Always;
        var args = new DynamicParameters(new { Actor = filter.Actor?.Id, Place = filter.Place?.Id });
        var typed = "";
        if (filter.Types is { Count: > 0 } types)
        {
            typed = " AND " + _dialect.InStrings("e.type", "@Types");
            args.Add("Types", _dialect.Strings(types));
        }

        if (filter.Actor is not null)
        {
            var (within, periodArgs) = EventPeriod("a", period);
            args.AddDynamicParams(periodArgs);
            var place = filter.Place is null
                ? ""
                : " AND EXISTS (SELECT 1 FROM event_places l WHERE l.document_id = a.document_id AND l.event_id = a.event_id AND l.entity_id = @Place)";
            return ($"""
                SELECT e.{r} AS k, a.earliest_day AS o1, a.latest_day AS o2, a.{r} AS o3
                FROM event_actors a JOIN events e ON e.document_id = a.document_id AND e.id = a.event_id
                WHERE a.entity_id = @Actor AND {within} AND e.status <> 'rejected'{place}{typed}
                """, args);
        }

        if (filter.Place is not null)
        {
            var (within, periodArgs) = EventPeriod("l", period);
            args.AddDynamicParams(periodArgs);
            return ($"""
                SELECT e.{r} AS k, l.earliest_day AS o1, l.latest_day AS o2, l.{r} AS o3
                FROM event_places l JOIN events e ON e.document_id = l.document_id AND e.id = l.event_id
                WHERE l.entity_id = @Place AND {within} AND e.status <> 'rejected'{typed}
                """, args);
        }

        {
            var (within, periodArgs) = EventPeriod("e", period);
            args.AddDynamicParams(periodArgs);
            return ($"""
                SELECT e.{r} AS k, e.earliest_day AS o1, e.latest_day AS o2, e.{r} AS o3
                FROM events e WHERE {within} AND e.status <> 'rejected'{typed}
                """, args);
        }
    }

    /// <summary>The rejected events an entity takes part in (or that happen there), within a period: few, found by status.</summary>
    private static string RejectedEvents(string links, string entity, DatePeriod period) =>
        $"""
        SELECT count(*) FROM events e
        WHERE e.status = 'rejected' AND {EventPeriod("e", period).Sql}
          AND EXISTS (SELECT 1 FROM {links} l WHERE l.document_id = e.document_id AND l.event_id = e.id AND l.entity_id = {entity})
        """;

    /// <summary>
    /// The events whose row ids <paramref name="page"/> selects (as k), with places, actors and sources, in
    /// <paramref name="order"/>, and the <paramref name="totals"/> when a page asks for them.
    /// </summary>
    private static Read<EventFact> ReadEvents(FactReader reader, string page, string order, object? args, Totals? totals)
    {
        var r = reader.RowId;
        var rows = reader.Connection.Query<EventFactRow>(
                $"""
                WITH page AS ({page})
                SELECT e.id, e.document_id AS DocumentId, e.type, e.date, e.date_precision AS DatePrecision,
                       {reader.SourceColumns("e", "d")}{TotalsColumns(totals)}
                FROM page p
                JOIN events e ON e.{r} = p.k
                JOIN documents d ON d.id = e.document_id
                ORDER BY {order}
                """,
                args,
                reader.Transaction)
            .AsList();
        var keys = rows.Select(row => (row.DocumentId, row.Id)).ToList();
        var whole = $"WITH page AS ({page}) SELECT e.document_id, e.id FROM page p JOIN events e ON e.{r} = p.k";
        var (places, actors) = keys.Count <= 200
            ? reader.Links("event_places", "event_actors", "event_id", keys)
            : (reader.Links("event_places", "event_id", whole, args), reader.Links("event_actors", "event_id", whole, args));
        var events = rows
            .Select(row => new EventFact(
                row.Id,
                row.Type,
                StoredValues.ParseDate(row.Date, row.DatePrecision),
                places.Members(row.DocumentId, row.Id),
                actors.Members(row.DocumentId, row.Id),
                reader.Source(row)))
            .ToList();
        return new Read<EventFact>(events, rows.FirstOrDefault()?.Counted ?? 0, rows.FirstOrDefault()?.Excluded ?? 0);
    }
}
