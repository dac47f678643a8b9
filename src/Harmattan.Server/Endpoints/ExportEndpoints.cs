using Harmattan.Exchange;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/export</c>: the knowledge base, or the part a period, an actor or a place selects, in one of the
/// export formats (as the <c>export</c> verb), as a download with the format's media type and a file name.
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>The exchange context (schema, registry, gazetteer), built once from the data folder.</summary>
    public static IServiceCollection AddExchange(this IServiceCollection services) =>
        services.AddSingleton(sp => ExchangeContext.Load(sp.GetRequiredService<DataDirectory>()));

    public static void MapExport(this IEndpointRouteBuilder api) =>
        api.MapGet("/export", Export).WithTags("export").WithName("Export")
            .Produces<string>(StatusCodes.Status200OK, "application/stix+json", "text/csv", "application/graphml+xml", "application/geo+json", "application/jsonl")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <remarks>
    /// The export is written to the response as it is made, never held whole (a STIX bundle of 20,000 reports is
    /// several gigabytes). The exporters write synchronously, which Kestrel refuses by default: this endpoint allows
    /// it for its own response, through a 64 KB buffer, and so holds one thread per export in progress. A client that
    /// goes away stops the export at its next write.
    /// </remarks>
    private static PushStreamHttpResult Export(HttpContext http, KnowledgeStore store, ExchangeContext context, string? format, string? since, string? until, string? actor, string? place)
    {
        var chosen = ExportFormat.Parse(Query.Required(format, "format"), "format");
        var filter = new ExportFilter(Query.Period(since, until), Query.Entity(store, actor, "actor"), Query.Entity(store, place, "place"));
        // The selection holds the store's read open until the export is written (or the response ends unwritten).
        var selection = ExportSelection.From(store, filter);
        http.Response.RegisterForDispose(selection);
        return TypedResults.Stream(
            body =>
            {
                using (selection)
                {
                    http.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
                    // Not disposed: that would close the response's own stream.
                    var buffered = new BufferedStream(body, 1 << 16);
                    new Exporter(context).Write(chosen, selection, buffered);
                    buffered.Flush();
                }

                return Task.CompletedTask;
            },
            chosen.ContentType,
            chosen.FileName);
    }
}
