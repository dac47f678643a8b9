using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// One page of search hits, best first when <see cref="Ranked"/>, else newest first (the query matched more than
/// <see cref="KnowledgeStore.SearchWindow"/> documents or claims; see <see cref="SearchResults"/>). Search ranks
/// rather than counts, so instead of a total the page says whether there are more hits after it.
/// </summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, int Offset, int Limit, bool More, bool Ranked);

/// <summary><c>/api/search?q=</c>: full-text search over documents and claims, best first or, for a broad query, newest first (as the <c>search</c> verb).</summary>
internal static class SearchEndpoints
{
    public static void MapSearch(this IEndpointRouteBuilder api) =>
        api.MapGet("/search", Search).WithTags("search").WithName("Search")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Ok<SearchPage> Search(KnowledgeStore store, string? q, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var hits = store.Search(Query.Required(q, "q"), paging.Offset + paging.Limit + 1);
        var page = hits.Skip(paging.Offset).Take(paging.Limit).ToList();
        return TypedResults.Ok(new SearchPage(page, paging.Offset, paging.Limit, hits.Count > paging.Offset + paging.Limit, hits.Ranked));
    }
}
