using Harmattan.Server.Auth;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>What an analyst sends to merge, split or undo: who does it, the other party, and what they saw.</summary>
/// <param name="By">Who makes the change (recorded with it; a token's user instead when there is one).</param>
/// <param name="Absorbed">For a merge: the entity folded into the one in the path.</param>
/// <param name="Document">For a split: the document whose occurrences get an entity of their own.</param>
/// <param name="ExpectedChange">
/// Optimistic concurrency: the id of the latest change in force on the entity of the path when the analyst looked (the
/// newest item of <c>GET /api/changes?entity=</c> naming it that is not undone), or <c>none</c>. If someone merged,
/// split or undid since, the answer is 409 (HRM0221) and nothing changes. Omitted: no check.
/// </param>
/// <param name="ExpectedAbsorbedChange">For a merge: the same for the absorbed entity.</param>
public sealed record ChangeRequest(string? By, string? Absorbed, string? Document, string? ExpectedChange = null, string? ExpectedAbsorbedChange = null);

/// <summary>
/// Entity corrections, as the <c>merge</c>, <c>split</c> and <c>entity-log</c> verbs: every change is
/// recorded with who and when and can be undone row for row (<c>POST /api/changes/{id}/undo</c>).
/// </summary>
internal static class ChangeEndpoints
{
    public static void MapChanges(this IEndpointRouteBuilder api)
    {
        var entities = api.MapGroup("/entities").WithTags("entities");
        entities.MapPost("/{nameOrId}/merge", Merge).WithName("MergeEntities")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        entities.MapPost("/{nameOrId}/split", Split).WithName("SplitEntity")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var changes = api.MapGroup("/changes").WithTags("changes");
        changes.MapGet("/", List).WithName("ListChanges").ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPost("/{id}/undo", Undo).WithName("UndoChange")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Folds <c>absorbed</c> into the entity of the path (same type only).</summary>
    private static Created<EntityChange> Merge(KnowledgeStore store, HttpContext context, string nameOrId, ChangeRequest request)
    {
        var (absorbed, by) = (Required(request.Absorbed, "absorbed"), Required(context.Actor(request.By), "by"));
        var change = Query.Naming(
            () => store.MergeEntities(nameOrId, absorbed, by, request.ExpectedChange, request.ExpectedAbsorbedChange),
            Input.Entity("nameOrId", nameOrId),
            Input.Entity("absorbed", absorbed));
        return TypedResults.Created($"/api/changes?entity={Uri.EscapeDataString(change.EntityId)}", change);
    }

    /// <summary>Gives one document's occurrences of the entity an entity of their own.</summary>
    private static Created<EntityChange> Split(KnowledgeStore store, HttpContext context, string nameOrId, ChangeRequest request)
    {
        var (document, by) = (Required(request.Document, "document"), Required(context.Actor(request.By), "by"));
        var change = Query.Naming(
            () => store.SplitDocument(nameOrId, document, by, request.ExpectedChange),
            Input.Entity("nameOrId", nameOrId),
            Input.Document("document", document));
        return TypedResults.Created($"/api/changes?entity={Uri.EscapeDataString(change.EntityId)}", change);
    }

    /// <summary>Undoes a merge or split by its change id.</summary>
    private static Ok<EntityChange> Undo(KnowledgeStore store, HttpContext context, string id, ChangeRequest request)
    {
        var by = Required(context.Actor(request.By), "by");
        return TypedResults.Ok(Query.Naming(() => store.UndoChange(id, by), Input.Of(HarmattanError.ChangeNotFound, "id", id)));
    }

    /// <summary>The changes, newest first; <c>entity</c> keeps those of one entity.</summary>
    private static Ok<IReadOnlyList<EntityChange>> List(KnowledgeStore store, string? entity) =>
        TypedResults.Ok(Query.Naming(() => store.ListChanges(string.IsNullOrWhiteSpace(entity) ? null : entity), Input.Entity("entity", entity)));

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw HarmattanError.BadArgument.At(name, $"'{name}' is required") : value.Trim();
}
