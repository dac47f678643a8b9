using Harmattan.Knowledge;
using Harmattan.Server.Auth;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmattan.Server.Endpoints;

/// <summary>A user to add: a name and a role (viewer, analyst, admin).</summary>
public sealed record NewUser(string? Name, string? Role);

/// <summary>A token to issue for a user, with what it is for.</summary>
public sealed record NewToken(string? User, string? Name);

/// <summary>
/// Who the caller is: the token's user and role, or <see cref="Anonymous"/> when the server serves requests
/// without a token (a loopback bind and no user yet), where every action is allowed.
/// </summary>
public sealed record Caller(string? User, Role Role, bool Anonymous);

/// <summary>
/// <c>/api/users</c>, <c>/api/tokens</c> and <c>/api/audit</c>, for admins (<see cref="ApiAccess"/>): as the
/// <c>users</c>, <c>tokens</c> and <c>audit</c> verbs. Each change is recorded as made by the token's user.
/// </summary>
internal static class TeamEndpoints
{
    public static void MapTeam(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("team");
        users.MapGet("/", (KnowledgeStore store) => TypedResults.Ok(store.ListUsers())).WithName("ListUsers");
        users.MapPost("/", AddUser).WithName("AddUser")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{name}/disable", (KnowledgeStore store, HttpContext context, string name) =>
                TypedResults.Ok(Query.Naming(() => store.DisableUser(name, context.Actor(null)), Input.Of(HarmattanError.UserNotFound, "name", name))))
            .WithName("DisableUser").ProducesProblem(StatusCodes.Status404NotFound);

        var tokens = api.MapGroup("/tokens").WithTags("team");
        tokens.MapGet("/", (KnowledgeStore store, string? user) => TypedResults.Ok(store.ListTokens(user))).WithName("ListTokens");
        tokens.MapPost("/", IssueToken).WithName("IssueToken")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapPost("/{id}/revoke", (KnowledgeStore store, HttpContext context, string id) =>
                TypedResults.Ok(Query.Naming(() => store.RevokeToken(id, context.Actor(null)), Input.Of(HarmattanError.TokenNotFound, "id", id))))
            .WithName("RevokeToken").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/audit", Audit).WithTags("team").WithName("ListAudit").ProducesProblem(StatusCodes.Status400BadRequest);

        // What the UI shows: a viewer is not offered the actions the server would refuse.
        api.MapGet("/me", (HttpContext context) => TypedResults.Ok(context.Caller() is { } p
                ? new Caller(p.User, p.Role, Anonymous: false)
                : new Caller(null, Role.Admin, Anonymous: true)))
            .WithTags("team").WithName("Me");
    }

    private static Created<User> AddUser(KnowledgeStore store, HttpContext context, NewUser body)
    {
        var user = store.AddUser(
            body.Name ?? throw HarmattanError.BadArgument.At("name", "a user needs a name"),
            KnowledgeStore.ParseRole(body.Role ?? ""),
            context.Actor(null));
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.Name)}", user);
    }

    private static Created<IssuedToken> IssueToken(KnowledgeStore store, HttpContext context, NewToken body)
    {
        var user = body.User ?? throw HarmattanError.BadArgument.At("user", "whose token?");
        var issued = Query.Naming(() => store.IssueToken(user, body.Name, context.Actor(null)), Input.Of(HarmattanError.UserNotFound, "user", user));
        return TypedResults.Created($"/api/tokens/{issued.Token.Id}", issued);
    }

    /// <summary>Audit lines, newest first: <c>since</c> (ISO date or time), <c>action</c> (or a family), <c>by</c>.</summary>
    private static Ok<Page<AuditEntry>> Audit(KnowledgeStore store, string? since, string? action, string? by, string? offset, string? limit)
    {
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            from = DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw HarmattanError.BadArgument.At("since", $"'{since}' is not an ISO date or time");
        }

        var (skip, take) = Query.Paging(offset, limit);
        var (entries, total) = store.ListAudit(new AuditFilter(from, action, by), skip, take);
        return TypedResults.Ok(new Page<AuditEntry>(entries, total, skip, take));
    }
}
