using System.Globalization;
using Harmattan.Analysis.Disputes;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/disputes</c>: where sources disagree on relations, attribute values and assessments (as the
/// <c>disputes</c> verb); with <c>actor</c>, only about that actor, from its newest statements of each kind
/// (<c>truncated</c> says when older ones were left unread), at a cost bounded however often it is named;
/// without, among the statements of the newest <c>documents</c> documents stored (default 1,000, at most
/// <see cref="MaxDocuments"/>), at a cost bounded however large the knowledge base.
/// </summary>
internal static class DisputeEndpoints
{
    /// <summary>The most documents one request compares: the whole-knowledge-base comparison is the CLI's.</summary>
    public const int MaxDocuments = 10_000;

    public static void MapDisputes(this IEndpointRouteBuilder api) =>
        api.MapGet("/disputes", Disputes).WithTags("disputes").WithName("Disputes")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<DisputePage> Disputes(
        KnowledgeStore store, StanceLexicon stances, string? window, string? tolerance, string? actor, string? documents, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var defaults = new DisputeOptions();
        var finder = new DisputeFinder(stances, new DisputeOptions(
            Query.Integer(window, "window", defaults.WindowDays),
            Query.Decimal(tolerance, "tolerance", defaults.StrengthTolerance)));
        var newest = Query.Integer(documents, "documents", DisputeFinder.DefaultDocuments);
        if (newest is < 1 or > MaxDocuments)
        {
            throw HarmattanError.BadArgument.At("documents", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxDocuments}"));
        }

        var subject = Query.Entity(store, actor, "actor");
        var found = subject is null ? finder.FindRecent(store, newest) : finder.FindAbout(store, subject);
        var page = Query.Slice(found.Disputes, paging);
        return TypedResults.Ok(new DisputePage(page.Items, page.Total, page.Offset, page.Limit, found.Truncated));
    }
}

/// <summary>A page of disputes; <see cref="Truncated"/> as in <see cref="BoundedDisputes"/>.</summary>
public sealed record DisputePage(IReadOnlyList<Dispute> Items, long Total, int Offset, int Limit, bool Truncated);
