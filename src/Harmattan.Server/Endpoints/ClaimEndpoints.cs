using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/claims</c>: attributed statements, filtered by speaker, subject and period (as the <c>claims</c>
/// verb), newest document first. Reads one page from an index (<see cref="KnowledgeStore.ClaimsPage"/>): the
/// speaker's, the subject's or the claims' days, whatever the filter; the total is counted up to
/// <see cref="KnowledgeStore.CountLimit"/>.
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
        var (who, subject) = (Query.Entity(store, speaker, "speaker"), Query.Entity(store, about, "about"));
        return TypedResults.Ok(store.ClaimsPage(new ClaimFilter(who, subject, period), paging.Offset, paging.Limit));
    }
}
