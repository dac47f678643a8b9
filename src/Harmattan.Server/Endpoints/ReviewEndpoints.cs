using Harmattan.Server.Auth;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// An analyst's review of one fact, as <c>POST /api/reviews</c> takes it. <see cref="DocumentId"/> (an id or
/// prefix) is required for every kind but <c>entity</c>, whose <see cref="FactId"/> is the entity id.
/// <see cref="Changes"/> maps each corrected field to its new value; <see cref="ExpectedStatus"/>, when
/// given, is the status the analyst saw, and the review is refused with 409 if someone changed it since.
/// </summary>
public sealed record ReviewBody(
    FactKind Kind,
    string? DocumentId,
    string FactId,
    ReviewAction Action,
    Dictionary<string, string?>? Changes,
    string? By,
    ReviewStatus? ExpectedStatus);

/// <summary>Who undoes a review.</summary>
public sealed record UndoBody(string? By);

/// <summary>
/// <c>/api/review/queue</c> (facts waiting for an analyst, least confident first) and <c>/api/reviews</c>
/// (record a review, list them, undo one): the review workflow, as the <c>review</c> verb.
/// </summary>
internal static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder api)
    {
        api.MapGet("/review/queue", Queue).WithTags("review").WithName("ReviewQueue")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/review/facts/{kind}/{factId}", Fact).WithTags("review").WithName("GetReviewableEntity")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/review/facts/{kind}/{documentId}/{factId}", DocumentFact).WithTags("review").WithName("GetReviewableFact")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = api.MapGroup("/reviews").WithTags("review");
        group.MapPost("/", Review).WithName("Review")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithName("ListReviews")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}", Get).WithName("GetReview").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/undo", Undo).WithName("UndoReview")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Facts in one review status (proposed unless <c>status</c> says otherwise), least confident first.</summary>
    private static Ok<FactPage<ReviewItem>> Queue(KnowledgeStore store, string? kind, string? document, string? status, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var filter = new ReviewQueueFilter(OptionalKind(kind), string.IsNullOrWhiteSpace(document) ? null : document, Status(status) ?? ReviewStatus.Proposed);
        return TypedResults.Ok(Query.Naming(() => store.ReviewQueue(filter, paging.Offset, paging.Limit), Input.Document("document", document)));
    }

    private static Ok<ReviewItem> Fact(KnowledgeStore store, string kind, string factId)
    {
        var fact = new FactRef(RequiredKind(kind), null, factId);
        return TypedResults.Ok(Query.Naming(() => store.GetReviewItem(fact), Input.Of(HarmattanError.FactNotFound, "factId", factId)));
    }

    private static Ok<ReviewItem> DocumentFact(KnowledgeStore store, string kind, string documentId, string factId)
    {
        var fact = new FactRef(RequiredKind(kind), documentId, factId);
        return TypedResults.Ok(Query.Naming(() => store.GetReviewItem(fact), FactInputs(documentId, factId)));
    }

    /// <summary>Records a review; an unknown document, fact or corrected speaker is a problem naming its body member.</summary>
    private static Created<ReviewRecord> Review(KnowledgeStore store, HttpContext context, Schema schema, ReviewBody body)
    {
        var request = new ReviewRequest(
            new FactRef(body.Kind, body.DocumentId, body.FactId ?? ""), body.Action, body.Changes, context.Actor(body.By) ?? "", body.ExpectedStatus);
        var speaker = (body.Changes ?? [])
            .Where(c => string.Equals(c.Key.Trim(), "speaker", StringComparison.OrdinalIgnoreCase))
            .Select(c => Input.Entity("changes.speaker", c.Value));
        var record = Query.Naming(() => store.Review(request, schema), [.. FactInputs(body.DocumentId, body.FactId), .. speaker]);
        return TypedResults.Created($"/api/reviews/{record.Id}", record);
    }

    /// <summary>Recorded reviews, newest first, of one kind, document (id or prefix) or fact.</summary>
    private static Ok<Page<ReviewRecord>> List(KnowledgeStore store, string? kind, string? document, string? fact, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var filter = new ReviewLogFilter(OptionalKind(kind), string.IsNullOrWhiteSpace(document) ? null : document, string.IsNullOrWhiteSpace(fact) ? null : fact);
        var (reviews, total) = Query.Naming(() => store.ListReviews(filter, paging.Offset, paging.Limit), Input.Document("document", document));
        return TypedResults.Ok(new Page<ReviewRecord>(reviews, total, paging.Offset, paging.Limit));
    }

    private static Ok<ReviewRecord> Get(KnowledgeStore store, string id) =>
        TypedResults.Ok(Query.Naming(() => store.GetReview(id), Input.Of(HarmattanError.ReviewNotFound, "id", id)));

    private static Ok<ReviewRecord> Undo(KnowledgeStore store, HttpContext context, string id, UndoBody? body) =>
        TypedResults.Ok(Query.Naming(() => store.UndoReview(id, context.Actor(body?.By) ?? ""), Input.Of(HarmattanError.ReviewNotFound, "id", id)));

    /// <summary>A fact of a document, as a route or a body names it: the document id (or prefix) and the fact id.</summary>
    private static Input[] FactInputs(string? documentId, string? factId) =>
        [Input.Document("documentId", documentId), Input.Of(HarmattanError.FactNotFound, "factId", factId)];

    private static FactKind RequiredKind(string kind) =>
        OptionalKind(kind) ?? throw HarmattanError.BadArgument.At("kind", "is required");

    private static FactKind? OptionalKind(string? kind) => ReviewNames.Kind(kind, "kind");

    private static ReviewStatus? Status(string? status) => ReviewNames.Status(status, "status");
}
