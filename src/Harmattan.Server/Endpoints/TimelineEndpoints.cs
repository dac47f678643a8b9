using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/timeline</c>: events in date order, filtered by actor, place and period (as the <c>timeline</c>
/// verb), a page at a time; the page is read from the actor's or place's index, so it costs its size.
/// </summary>
internal static class TimelineEndpoints
{
    public static void MapTimeline(this IEndpointRouteBuilder api) =>
        api.MapGet("/timeline", Timeline).WithTags("timeline").WithName("Timeline")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<FactPage<EventFact>> Timeline(
        KnowledgeStore store, string? actor, string? place, string? since, string? until, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var period = Query.Period(since, until);
        var filter = new EventFilter(Query.Entity(store, actor), Query.Entity(store, place), period);
        return TypedResults.Ok(store.TimelinePage(filter, paging.Offset, paging.Limit));
    }
}
