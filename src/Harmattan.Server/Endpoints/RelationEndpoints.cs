using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/relations</c>: the stored relations, one per document that states it, newest document first,
/// filtered by an entity at either end, relation types, entity types and period (of the documents' dates).
/// Rejected relations are left out. Reads one page from an index (<see cref="KnowledgeStore.RelationsPage"/>):
/// the entity's, or the relations' days; the total is counted up to <see cref="KnowledgeStore.CountLimit"/>.
/// </summary>
internal static class RelationEndpoints
{
    public static void MapRelations(this IEndpointRouteBuilder api) =>
        api.MapGet("/relations", List).WithTags("relations").WithName("ListRelations")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<FactPage<RelationFact>> List(
        KnowledgeStore store,
        Schema schema,
        string? entity,
        string? since,
        string? until,
        [FromQuery(Name = "type")] string[]? types,
        [FromQuery(Name = "entityType")] string[]? entityTypes,
        string? offset,
        string? limit)
    {
        var paging = Query.Paging(offset, limit);
        var relationTypes = Query.RelationTypes(schema, types);
        var kinds = Query.EntityTypes(entityTypes);
        var party = Query.Entity(store, entity, "entity");
        var period = Query.Period(since, until);
        return TypedResults.Ok(store.RelationsPage(new RelationFilter(period, relationTypes, kinds), party, paging.Offset, paging.Limit));
    }
}
