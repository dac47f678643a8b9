using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/events</c>: dated events in date order, filtered by actor, place, event types (a name or alias
/// from the schema) and period (of the events' own dates). Rejected events are left out.
/// </summary>
internal static class EventEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder api) =>
        api.MapGet("/events", List).WithTags("events").WithName("ListEvents")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<FactPage<EventFact>> List(
        KnowledgeStore store,
        Schema schema,
        string? actor,
        string? place,
        string? since,
        string? until,
        [FromQuery(Name = "type")] string[]? types,
        string? offset,
        string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var wanted = (types ?? [])
            .Select(t => schema.TryGetEvent(t, out var e)
                ? e.Name
                : throw HarmattanError.BadArgument.At("type", $"'{t}' is not an event type; known: {string.Join(", ", schema.EventTypes.Select(e => e.Name))}"))
            .ToHashSet(StringComparer.Ordinal);
        var filter = new EventFilter(Query.Entity(store, actor, "actor"), Query.Entity(store, place, "place"), Query.Period(since, until), wanted);
        return TypedResults.Ok(store.TimelinePage(filter, paging.Offset, paging.Limit));
    }
}
