using Harmattan.Analysis.Disputes;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/disputes</c>: where sources disagree on relations, attribute values and assessments (as the
/// <c>disputes</c> verb); with <c>actor</c>, only about that actor, from its newest statements of each kind
/// (<c>truncated</c> says when older ones were left unread), at a cost bounded however often it is named.
/// </summary>
internal static class DisputeEndpoints
{
    public static void MapDisputes(this IEndpointRouteBuilder api) =>
        api.MapGet("/disputes", Disputes).WithTags("disputes").WithName("Disputes")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<DisputePage> Disputes(
        KnowledgeStore store, StanceLexicon stances, string? window, string? tolerance, string? actor, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var defaults = new DisputeOptions();
        var finder = new DisputeFinder(stances, new DisputeOptions(
            Query.Integer(window, "window", defaults.WindowDays),
            Query.Decimal(tolerance, "tolerance", defaults.StrengthTolerance)));
        var subject = Query.Entity(store, actor);
        var about = subject is null ? null : finder.FindAbout(store, subject);
        var disputes = about?.Disputes ?? finder.Find(store.FindRelations(), store.FindAttributes(), store.FindClaims());
        var page = Query.Slice(disputes, paging);
        return TypedResults.Ok(new DisputePage(page.Items, page.Total, page.Offset, page.Limit, about?.Truncated ?? false));
    }
}

/// <summary>A page of disputes; <see cref="Truncated"/> as in <see cref="ActorDisputes"/>.</summary>
public sealed record DisputePage(IReadOnlyList<Dispute> Items, long Total, int Offset, int Limit, bool Truncated);
