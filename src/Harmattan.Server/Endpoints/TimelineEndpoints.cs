using System.Globalization;
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
            .Produces<FactPage<EventFact>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// A page of the timeline. An actor's (or else a place's) is kept until that entity changes
    /// (<see cref="EntityAnswerCache"/>): every change to one of its events changes its actors and places.
    /// </summary>
    private static FileContentHttpResult Timeline(
        KnowledgeStore store, EntityAnswerCache cache, string? actor, string? place, string? since, string? until, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var period = Query.Period(since, until);
        var filter = new EventFilter(Query.Entity(store, actor, "actor"), Query.Entity(store, place, "place"), period);
        var variant = string.Create(CultureInfo.InvariantCulture, $"timeline|{filter.Place?.Id}|{since}|{until}|{paging.Offset}|{paging.Limit}");
        return cache.Json(store, (filter.Actor ?? filter.Place)?.Id, variant, () => store.TimelinePage(filter, paging.Offset, paging.Limit));
    }
}
