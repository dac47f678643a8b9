using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/claims</c>: attributed statements, filtered by speaker, subject and period (as the <c>claims</c>
/// verb). With only a speaker or only a subject, the page is read from that entity's index, newest first (as
/// its profile lists them); otherwise the whole list is read, in document date order, and sliced.
/// </summary>
internal static class ClaimEndpoints
{
    public static void MapClaims(this IEndpointRouteBuilder api) =>
        api.MapGet("/claims", Claims).WithTags("claims").WithName("Claims")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<FactPage<ClaimFact>> Claims(
        KnowledgeStore store, string? speaker, string? about, string? since, string? until, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var period = Query.Period(since, until);
        var (who, subject) = (Query.Entity(store, speaker), Query.Entity(store, about));
        if (!period.IsBounded && (who is null) != (subject is null))
        {
            return TypedResults.Ok(who is not null
                ? store.ClaimsBy(who, paging.Offset, paging.Limit)
                : store.ClaimsAbout(subject!, paging.Offset, paging.Limit));
        }

        var claims = store.FindClaims(new ClaimFilter(who, subject, period));
        return TypedResults.Ok(Query.SliceFacts(claims, paging));
    }
}
