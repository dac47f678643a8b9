using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/relations</c>: the stored relations, one per document that states it, in document date order,
/// filtered by an entity at either end, relation types, entity types and period (of the documents' dates).
/// Rejected relations are left out. With an entity and no period or entity types, the page is read from the
/// entity's index, newest first (as its profile lists them); otherwise the whole list is read and sliced.
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
        var party = Query.Entity(store, entity);
        var period = Query.Period(since, until);
        if (party is not null && !period.IsBounded && kinds.Count == 0)
        {
            return TypedResults.Ok(store.ActorRelations(party, paging.Offset, paging.Limit, relationTypes));
        }

        var relations = store.FindRelations(new RelationFilter(period, relationTypes, kinds))
            .Where(r => party is null || r.Source.Id == party.Id || r.Target.Id == party.Id)
            .ToList();
        return TypedResults.Ok(Query.SliceFacts(relations, paging));
    }
}
