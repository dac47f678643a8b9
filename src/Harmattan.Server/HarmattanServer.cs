using System.Text.Json.Serialization;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Server.Endpoints;
using Harmattan.Store;
using Microsoft.Extensions.Options;

namespace Harmattan.Server;

/// <summary>
/// The web host: the same store and library calls as the CLI, under <c>/api/</c>, with problem+json
/// errors carrying the catalogued HRM codes and an OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class HarmattanServer
{
    /// <summary>Builds the application; <paramref name="configure"/> overrides settings (the serve verb's options).</summary>
    public static WebApplication Build(string[] args, Action<ServerSettings>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Services.AddOptions<ServerSettings>().Bind(builder.Configuration.GetSection(ServerSettings.Section));
        if (configure is not null)
        {
            settings.PostConfigure(configure);
        }

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new PartialDateJsonConverter());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<HarmattanExceptionHandler>();
        builder.Services.AddOpenApi();

        // One connection per request: KnowledgeStore holds a single SQLite connection and is not shared.
        builder.Services.AddScoped(sp => KnowledgeStore.Open(sp.GetRequiredService<IOptions<ServerSettings>>().Value.Database));
        builder.Services.AddSingleton(sp => DataDirectory.Locate(sp.GetRequiredService<IOptions<ServerSettings>>().Value.Data));
        builder.Services.AddSingleton(sp => PipelineFactory.FromData(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton<DocumentReader>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapDocuments();
        api.MapEntities();
        api.MapSearch();
        api.MapTimeline();
        api.MapClaims();
        return app;
    }
}
