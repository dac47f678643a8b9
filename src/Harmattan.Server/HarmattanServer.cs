using Harmattan.Server.Auth;
using Scalar.AspNetCore;
using System.Text.Json.Serialization;
using Harmattan.Analysis.Disputes;
using Harmattan.Analysis.Places;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Server.Endpoints;
using Harmattan.Store;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Harmattan.Server;

/// <summary>
/// The web host: the same store and library calls as the CLI, under <c>/api/</c>, with problem+json
/// errors carrying the catalogued HRM codes and an OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class HarmattanServer
{
    /// <summary>Whether an address only listens on this machine (where anonymous use may be allowed).</summary>
    public static bool IsLoopback(string address) => Auth.ApiAccess.IsLoopback(address);

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
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = HarmattanExceptionHandler.AddCode);
        builder.Services.AddExceptionHandler<HarmattanExceptionHandler>();
        builder.Services.AddOpenApi(o => o
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Harmattan API";
                document.Info.Description = "The knowledge base of conflict reports: documents, entities, claims, events and search. Errors are problem+json with the catalogued HRM code in 'code'.";
                return Task.CompletedTask;
            })
            .AddSchemaTransformer((schema, context, _) =>
            {
                // PartialDate is written by PartialDateJsonConverter as its ISO form.
                if (context.JsonTypeInfo.Type == typeof(PartialDate) || context.JsonTypeInfo.Type == typeof(PartialDate?))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Description = "A partial date: 2012, 2012-03, 2012-03-22, or a span of years 1992/1994.";
                    schema.Pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?|/[0-9]{4})?$";
                }

                return Task.CompletedTask;
            }));
        builder.Services.AddExchange();
        builder.Services.AddBriefing();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // The knowledge base is checked and migrated once, when the first request needs it (settings may be given
        // late, by a test host); then one store per request (KnowledgeStore holds a single connection and is not
        // shared) on a pooled connection, whose transactions still confirm the schema version.
        builder.Services.AddSingleton(sp => KnowledgeStoreSource.Create(sp.GetRequiredService<IOptions<ServerSettings>>().Value.Database));
        builder.Services.AddScoped(sp => sp.GetRequiredService<KnowledgeStoreSource>().OpenStore());
        builder.Services.AddSingleton<AccessCache>();
        builder.Services.AddSingleton(sp => new EntityAnswerCache(
            sp.GetRequiredService<IOptions<ServerSettings>>().Value.CacheMegabytes * 1024L * 1024L,
            sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        builder.Services.AddSingleton(sp => DataDirectory.Locate(sp.GetRequiredService<IOptions<ServerSettings>>().Value.Data));
        builder.Services.AddSingleton(sp => PipelineFactory.FromData(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton<DocumentReader>();
        builder.Services.AddSingleton(sp => Schema.Load(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton(sp => StanceLexicon.Load(sp.GetRequiredService<DataDirectory>()));
        builder.Services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<DataDirectory>();
            return new PlaceLocator(ActorRegistry.Load(data, sp.GetRequiredService<Schema>()), Gazetteer.Load(data));
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebUi();
        app.UseApiAccess();
        app.MapOpenApi();

        // The browsable API reference, served from the package's own assets: no web fonts from its CDN,
        // since analysts often work offline.
        // At Scalar's default /scalar/v1, the layout DEPENDENCIES.md saw render in Chromium offline.
        app.MapScalarApiReference(options => options.WithTitle("Harmattan API").DisableDefaultFonts());
        var api = app.MapGroup("/api");
        api.MapDocuments();
        api.MapEntities();
        api.MapSearch();
        api.MapTimeline();
        api.MapClaims();
        api.MapNetwork();
        api.MapDisputes();
        api.MapPlaces();
        api.MapChanges();
        api.MapRelations();
        api.MapEvents();
        api.MapReviews();
        api.MapExport();
        api.MapBrief();
        api.MapImport();
        api.MapTeam();
        return app;
    }
}
