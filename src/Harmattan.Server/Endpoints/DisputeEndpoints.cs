using Harmattan.Analysis.Disputes;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary><c>/api/disputes</c>: where sources disagree on relations, attribute values and assessments (as the <c>disputes</c> verb).</summary>
internal static class DisputeEndpoints
{
    public static void MapDisputes(this IEndpointRouteBuilder api) =>
        api.MapGet("/disputes", Disputes).WithTags("disputes").WithName("Disputes")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Ok<Page<Dispute>> Disputes(
        KnowledgeStore store, StanceLexicon stances, string? window, string? tolerance, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var defaults = new DisputeOptions();
        var finder = new DisputeFinder(stances, new DisputeOptions(
            Query.Integer(window, "window", defaults.WindowDays),
            Query.Decimal(tolerance, "tolerance", defaults.StrengthTolerance)));
        var disputes = finder.Find(store.FindRelations(), store.FindAttributes(), store.FindClaims());
        return TypedResults.Ok(Query.Slice(disputes, paging));
    }
}
