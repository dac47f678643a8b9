using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/entities</c>: find or list entities, and one actor's profile (as the <c>actor</c> verb): the first
/// page of each section, then <c>/api/entities/{nameOrId}/{section}</c> for the next pages of one.
/// </summary>
internal static class EntityEndpoints
{
    public const int DefaultSectionLimit = 10;

    public static void MapEntities(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/entities").WithTags("entities");
        group.MapGet("/", List).WithName("ListEntities").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{nameOrId}", Profile).WithName("GetEntityProfile")
            .Produces<ActorProfile>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Section(group, "documents", "GetEntityDocuments", (store, entity, o, l) => store.DocumentsNaming(entity, o, l));
        Section(group, "attributes", "GetEntityAttributes", (store, entity, o, l) => store.ActorAttributes(entity, o, l));
        Section(group, "relations", "GetEntityRelations", (store, entity, o, l) => store.ActorRelations(entity, o, l));
        Section(group, "events", "GetEntityEvents", (store, entity, o, l) => store.ActorEvents(entity, o, l));
        Section(group, "claims-by", "GetEntityClaimsBy", (store, entity, o, l) => store.ClaimsBy(entity, o, l));
        Section(group, "claims-about", "GetEntityClaimsAbout", (store, entity, o, l) => store.ClaimsAbout(entity, o, l));
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

    /// <summary>
    /// The profile with the newest <c>limit</c> items (default 10) of each section and each section's total, kept
    /// as sent until its entity changes (<see cref="EntityAnswerCache"/>): the most read answer of the API.
    /// </summary>
    private static FileContentHttpResult Profile(KnowledgeStore store, EntityAnswerCache cache, string nameOrId, string? limit)
    {
        var (_, count) = Query.Paging(null, string.IsNullOrEmpty(limit) ? DefaultSectionLimit.ToString(CultureInfo.InvariantCulture) : limit);
        var entity = Resolve(store, nameOrId);
        return cache.Json(store, entity.Id, string.Create(CultureInfo.InvariantCulture, $"profile|{count}"), () => store.GetActorProfile(entity, count));
    }

    /// <summary>
    /// GET /{nameOrId}/{name}: one page of one section of the profile, newest first, with <c>offset</c> and
    /// <c>limit</c>; kept as the profile is.
    /// </summary>
    private static void Section<T>(RouteGroupBuilder group, string name, string operation, Func<KnowledgeStore, EntityRef, int, int, FactPage<T>> read) =>
        group.MapGet("/{nameOrId}/" + name, (KnowledgeStore store, EntityAnswerCache cache, string nameOrId, string? offset, string? limit) =>
            {
                var paging = Query.Paging(offset, limit);
                var entity = Resolve(store, nameOrId);
                var variant = string.Create(CultureInfo.InvariantCulture, $"{name}|{paging.Offset}|{paging.Limit}");
                return cache.Json(store, entity.Id, variant, () => read(store, entity, paging.Offset, paging.Limit));
            })
            .WithName(operation)
            .Produces<FactPage<T>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The entity of the path; the problem of an unknown or ambiguous one names the route parameter.</summary>
    private static EntityRef Resolve(KnowledgeStore store, string nameOrId) =>
        Query.Naming(() => store.ResolveEntity(nameOrId), Input.Entity("nameOrId", nameOrId));
}
