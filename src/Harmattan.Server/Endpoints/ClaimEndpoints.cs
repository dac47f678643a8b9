using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary><c>/api/claims</c>: attributed statements, filtered by speaker, subject and period (as the <c>claims</c> verb).</summary>
internal static class ClaimEndpoints
{
    public static void MapClaims(this IEndpointRouteBuilder api) =>
        api.MapGet("/claims", Claims).WithTags("claims").WithName("Claims")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<Page<ClaimFact>> Claims(
        KnowledgeStore store, string? speaker, string? about, string? since, string? until, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var period = Query.Period(since, until);
        var claims = store.FindClaims(new ClaimFilter(Query.Entity(store, speaker), Query.Entity(store, about), period));
        return TypedResults.Ok(Query.Slice(claims, paging));
    }
}
