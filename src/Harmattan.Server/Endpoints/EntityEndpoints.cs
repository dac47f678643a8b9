using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary><c>/api/entities</c>: find or list entities, and one actor's profile (as the <c>actor</c> verb).</summary>
internal static class EntityEndpoints
{
    public static void MapEntities(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/entities").WithTags("entities");
        group.MapGet("/", List).WithName("ListEntities").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{nameOrId}", Profile).WithName("GetEntityProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// With <c>q</c>, the entities that name, alias, registry id or id prefix may mean (as the CLI resolves
    /// them); without, all entities by name. <c>type</c> keeps one entity type (ArmedGroup, Person, ...).
    /// </summary>
    private static Ok<Page<EntityRef>> List(KnowledgeStore store, string? q, string? type, string? offset, string? limit)
    {
        var paging = Query.Paging(offset, limit);
        EntityType? kind = null;
        if (!string.IsNullOrEmpty(type))
        {
            kind = Enum.TryParse<EntityType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw HarmattanError.BadArgument.At("type", $"'{type}' is not one of {string.Join(", ", Enum.GetNames<EntityType>())}");
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            var (entities, total) = store.ListEntities(kind, paging.Offset, paging.Limit);
            return TypedResults.Ok(new Page<EntityRef>(entities, total, paging.Offset, paging.Limit));
        }

        var found = store.FindEntities(q).Where(e => kind is null || e.Type == kind).ToList();
        return TypedResults.Ok(Query.Slice(found, paging));
    }

    private static Ok<ActorProfile> Profile(KnowledgeStore store, string nameOrId) =>
        TypedResults.Ok(store.GetActorProfile(store.ResolveEntity(nameOrId)));
}
