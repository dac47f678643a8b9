using Microsoft.Extensions.FileProviders;

namespace Harmattan.Server;

/// <summary>
/// The analysts' single-page UI: the files of <c>wwwroot</c> next to the binaries (our modules, and the
/// npm packages' files the build copies to <c>wwwroot/vendor</c>), served with headers that keep report
/// text, which is untrusted, from ever running as script.
/// </summary>
internal static class WebUi
{
    /// <summary>
    /// No inline script, no script from elsewhere, no plugins, no framing: a report that smuggles markup
    /// past the UI's escaping still cannot run. Styles set from script (Leaflet, Cytoscape) are CSSOM, which
    /// this allows; style attributes and elements in markup are not.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Serves the UI at <c>/</c> from <see cref="AppContext.BaseDirectory"/>, so the serve verb, the
    /// test hosts and WebApplicationFactory find the same files whatever their working directory.
    /// </summary>
    public static void UseWebUi(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // The API reference page is the package's own, with its inline bootstrap script.
            if (!context.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            }

            return next(context);
        });

        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return;
        }

        // Not under /api: an API request would otherwise look for a folder of that name on disk first.
        var files = new PhysicalFileProvider(root);
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            ui =>
            {
                ui.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                ui.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = files,
                    // Revalidate every time (ETag): an analyst gets the new UI as soon as the server is updated.
                    OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
                });
            });
    }
}
