using Harmattan.Analysis.Network;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/network</c>: actors and the relations between them with degree and betweenness centrality within
/// the network returned (as the <c>network</c> verb): around an actor up to a depth, or among the newest
/// relations. A graph is not paged: it is read within limits (<c>maxActors</c>, and a number of relation
/// statements per actor and in all), and <c>truncated</c> says when they cut it; the filters (relation and
/// entity types, period) narrow it.
/// </summary>
internal static class NetworkEndpoints
{
    public static void MapNetwork(this IEndpointRouteBuilder api) =>
        api.MapGet("/network", Network).WithTags("network").WithName("Network")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Ok<ActorNetwork> Network(
        KnowledgeStore store,
        Schema schema,
        string? around,
        string? depth,
        string? since,
        string? until,
        [FromQuery(Name = "type")] string[]? types,
        [FromQuery(Name = "entityType")] string[]? entityTypes,
        string? maxActors)
    {
        var steps = Query.Integer(depth, "depth", 1);
        var actors = Query.Integer(maxActors, "maxActors", new NetworkLimits().MaxActors);
        if (actors is < 1 or > NetworkLimits.MaxActorsAllowed)
        {
            throw HarmattanError.BadArgument.At("maxActors", $"must be between 1 and {NetworkLimits.MaxActorsAllowed}");
        }

        var filter = new RelationFilter(Query.Period(since, until), Query.RelationTypes(schema, types), Query.EntityTypes(entityTypes));
        var centre = Query.Entity(store, around, "around");
        var limits = new NetworkLimits(MaxActors: actors);
        bool IsDirected(string type) => !schema.TryGetRelation(type, out var r) || r.Directed;
        return TypedResults.Ok(centre is null
            ? NetworkReader.Recent(store, filter, IsDirected, limits)
            : NetworkReader.Around(store, centre, steps, filter, IsDirected, limits));
    }
}
