using Harmattan.Exchange;
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

    private static Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult Export(KnowledgeStore store, ExchangeContext context, string? format, string? since, string? until, string? actor, string? place)
    {
        var chosen = ExportFormat.Parse(Query.Required(format, "format"), "format");
        var filter = new ExportFilter(Query.Period(since, until), Query.Entity(store, actor), Query.Entity(store, place));
        var selection = ExportSelection.From(store, filter);
        var buffer = new MemoryStream();
        new Exporter(context).Write(chosen, selection, buffer);
        buffer.Position = 0;
        return TypedResults.File(buffer, chosen.ContentType, chosen.FileName);
    }
}
