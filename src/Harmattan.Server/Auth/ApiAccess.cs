using System.Net;
using Harmattan.Knowledge;
using Harmattan.Store;
using Microsoft.Extensions.Options;

namespace Harmattan.Server.Auth;

/// <summary>
/// Who may call <c>/api/</c>: a request carries <c>Authorization: Bearer SECRET</c> (an API token), and the
/// token's user's role must reach what the endpoint needs. Reads (GET) need a viewer; writes that add or can be
/// undone (POST: ingest, import, re-extract, review, merge, split, undo) an analyst; DELETE (a document, with the
/// reviews others made of its facts, which nothing brings back), <c>/api/users</c>, <c>/api/tokens</c> and
/// <c>/api/audit</c> an admin. Without a token a request is answered 401 (HRM0501), with a role too low
/// 403 (HRM0502), except in one case: a server bound to a loopback address whose knowledge base has no user
/// yet serves everyone (a single analyst on their own machine). What the store says about tokens and users is
/// kept until the team changes (<see cref="AccessCache"/>), so a request asks it only whether the audit log has
/// new lines.
/// </summary>
internal static class ApiAccess
{
    private const string PrincipalKey = "Harmattan.Principal";

    /// <summary>Whether an address (as <c>serve --bind</c> takes it) only listens on this machine.</summary>
    public static bool IsLoopback(string? address) =>
        string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The role a request needs, from its method and path (under <c>/api</c>).</summary>
    public static Role Required(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (Under(path, "/api/users") || Under(path, "/api/tokens") || Under(path, "/api/audit") || HttpMethods.IsDelete(request.Method))
        {
            return Role.Admin;
        }

        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            ? Role.Viewer
            : Role.Analyst;
    }

    /// <summary>
    /// Checks every <c>/api/</c> request before its endpoint runs; errors go to the problem+json handler. After a
    /// request that may have changed the team (users, tokens), the cache forgets what it knew.
    /// </summary>
    public static IApplicationBuilder UseApiAccess(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!Under(path, "/api"))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            Check(context);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                    && (Under(path, "/api/users") || Under(path, "/api/tokens")))
                {
                    context.RequestServices.GetRequiredService<AccessCache>().Forget();
                }
            }
        });

    /// <summary>
    /// Who a change made by this request is recorded as: the token's user when there is one (a <c>by</c> in the
    /// body is then ignored), else the body's <c>by</c> (anonymous loopback use only).
    /// </summary>
    public static string? Actor(this HttpContext context, string? bodyBy) =>
        context.Items.TryGetValue(PrincipalKey, out var value) && value is Principal principal ? principal.User : bodyBy;

    /// <summary>The token's user and role for this request; null when it was served anonymously (loopback, no users).</summary>
    public static Principal? Caller(this HttpContext context) =>
        context.Items.TryGetValue(PrincipalKey, out var value) ? value as Principal : null;

    private static void Check(HttpContext context)
    {
        var cache = context.RequestServices.GetRequiredService<AccessCache>();
        var settings = context.RequestServices.GetRequiredService<IOptions<ServerSettings>>().Value;
        var needed = Required(context.Request);
        var header = context.Request.Headers.Authorization.ToString();

        // The request's store, opened only when the cache is asked (an anonymous request to a server not on loopback is refused without it).
        KnowledgeStore Store() => context.RequestServices.GetRequiredService<KnowledgeStore>();
        if (header.Length == 0)
        {
            // Anonymous use: a loopback bind and no user in the knowledge base.
            if (IsLoopback(settings.Bind) && !cache.HasUsers(Store))
            {
                return;
            }

            throw HarmattanError.Unauthenticated.At(context.Request.Path, "send 'Authorization: Bearer SECRET' with a token from 'harmattan tokens issue'");
        }

        const string Scheme = "Bearer ";
        var principal = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? cache.Authenticate(header[Scheme.Length..].Trim(), Store)
            : null;
        if (principal is null)
        {
            throw HarmattanError.Unauthenticated.At(context.Request.Path, "the token is unknown, revoked, or its user is disabled");
        }

        if (principal.Role < needed)
        {
            throw HarmattanError.Forbidden.At(
                context.Request.Path, $"{principal.User} is {KnowledgeStore.RoleName(principal.Role)}; this needs {KnowledgeStore.RoleName(needed)}");
        }

        context.Items[PrincipalKey] = principal;
    }

    private static bool Under(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (path.Length == prefix.Length || path[prefix.Length] == '/');
}
