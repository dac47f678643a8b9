using System.Text;
using Harmattan.Analysis.Disputes;
using Harmattan.Exchange;
using Harmattan.Exchange.Briefing;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmattan.Server.Endpoints;

/// <summary>
/// <c>/api/brief</c>: a sourced briefing on an actor, a place or a period (as the <c>brief</c> verb), every
/// sentence footnoted, as Markdown or as one self-contained HTML page. It reads bounded pages of the store (about
/// a second on 20,000 reports), so it is made for each request and not kept.
/// </summary>
internal static class BriefEndpoints
{
    /// <summary>
    /// What an HTML briefing may do when a browser opens it by itself: show its own inline style, and nothing else
    /// (no script, no request anywhere); the same policy its <c>meta</c> element states.
    /// </summary>
    public const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The briefing builder, with its phrases read once from the data folder (and the exchange context and stance
    /// lexicon the server already holds); the server's clock dates briefings, the system's unless one is registered.
    /// </summary>
    public static IServiceCollection AddBriefing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton(sp => new BriefBuilder(
            sp.GetRequiredService<ExchangeContext>(),
            BriefPhrases.Load(sp.GetRequiredService<DataDirectory>()),
            sp.GetRequiredService<StanceLexicon>()));
    }

    public static void MapBrief(this IEndpointRouteBuilder api) =>
        api.MapGet("/brief", Brief).WithTags("brief").WithName("Brief")
            .WithSummary("A sourced briefing on an actor, a place or a period")
            .WithDescription("Give actor or place (a name, alias or id), not both; with neither, since or until. format: md (default) or html; download=true adds a file name.")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static FileContentHttpResult Brief(
        HttpContext http, KnowledgeStore store, BriefBuilder builder, TimeProvider clock,
        string? actor, string? place, string? since, string? until, string? format, string? download)
    {
        var chosen = BriefFormat.Parse(format, "format");
        var attach = Flag(download, "download");
        var period = Query.Period(since, until);
        var (hasActor, hasPlace) = (!string.IsNullOrWhiteSpace(actor), !string.IsNullOrWhiteSpace(place));
        if (hasActor && hasPlace)
        {
            throw HarmattanError.BadArgument.At("place", "brief on an actor or on a place, not both");
        }

        if (!hasActor && !hasPlace && !period.IsBounded)
        {
            throw HarmattanError.BadArgument.At("since", "say what to brief on: actor, place, or a period (since, until or both)");
        }

        var subject = new BriefSubject(Query.Entity(store, actor, "actor"), Query.Entity(store, place, "place"), period);
        var text = chosen.Write(builder.Build(store, subject, clock.GetUtcNow()));
        if (chosen == BriefFormat.Html)
        {
            http.Response.Headers.ContentSecurityPolicy = HtmlPolicy;
        }

        return TypedResults.Bytes(new UTF8Encoding(false).GetBytes(text), chosen.ContentType, attach ? FileName(subject, chosen) : null);
    }

    /// <summary>true, false (1, 0), or absent (false); HRM0401 naming the parameter otherwise.</summary>
    private static bool Flag(string? value, string name) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw HarmattanError.BadArgument.At(name, $"'{value}' is not true or false"),
    };

    /// <summary>briefing-mnla.md, briefing-gao.html, briefing-2012-2013.md: the subject's ASCII letters and digits (accents dropped).</summary>
    private static string FileName(BriefSubject subject, BriefFormat format)
    {
        var about = (subject.Actor ?? subject.Place)?.Name ?? $"{subject.Period?.Since?.ToIso()} {subject.Period?.Until?.ToIso()}";
        var slug = new StringBuilder();
        foreach (var c in about.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString(0, Math.Min(slug.Length, 60)).Trim('-');
        return (name.Length == 0 ? "briefing" : "briefing-" + name) + format.Extension;
    }
}
