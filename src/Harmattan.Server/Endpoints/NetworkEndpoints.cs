using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/network</c>: actors and the relations between them with degree and betweenness centrality
/// (as the <c>network</c> verb). A graph is not paged: the filters (relation and entity types, period,
/// an actor and a depth around it) are how a client narrows it.
/// </summary>
internal static class NetworkEndpoints
{
    public static void MapNetwork(this IEndpointRouteBuilder api) =>
        api.MapGet("/network", Network).WithTags("network").WithName("Network")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Ok<ActorNetwork> Network(
        KnowledgeStore store,
        Schema schema,
        string? around,
        string? depth,
        string? since,
        string? until,
        [FromQuery(Name = "type")] string[]? types,
        [FromQuery(Name = "entityType")] string[]? entityTypes)
    {
        var steps = Query.Integer(depth, "depth", 1);
        var relationTypes = Query.RelationTypes(schema, types);
        var kinds = Query.EntityTypes(entityTypes);
        var period = Query.Period(since, until);
        var centre = Query.Entity(store, around);
        var relations = store.FindRelations(new RelationFilter(period, relationTypes, kinds));
        return TypedResults.Ok(NetworkBuilder.Build(
            relations,
            type => !schema.TryGetRelation(type, out var r) || r.Directed,
            centre,
            steps));
    }
}
