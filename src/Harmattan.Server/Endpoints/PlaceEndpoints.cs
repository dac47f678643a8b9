using Harmattan.Analysis.Places;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary><c>/api/places</c>: places and countries with their events, mentions, documents and coordinates (as the <c>places</c> verb).</summary>
internal static class PlaceEndpoints
{
    public static void MapPlaces(this IEndpointRouteBuilder api) =>
        api.MapGet("/places", Places).WithTags("places").WithName("Places")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Ok<Page<LocatedPlace>> Places(KnowledgeStore store, PlaceLocator locator, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        return TypedResults.Ok(Query.Slice(locator.Locate(store.Places()), paging));
    }
}
