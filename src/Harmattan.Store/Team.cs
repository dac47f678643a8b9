using System.Text.Json.Serialization;

namespace Harmattan.Store;

/// <summary>
/// What a user's tokens may do on a server. Each role includes the ones before it: a viewer reads; an
/// analyst also ingests, imports, re-extracts, reviews, merges and splits; an admin also manages users and
/// tokens, deletes documents and reads the audit log.
/// </summary>
public enum Role
{
    [JsonStringEnumMemberName("viewer")] Viewer,
    [JsonStringEnumMemberName("analyst")] Analyst,
    [JsonStringEnumMemberName("admin")] Admin,
}

/// <summary>A member of the team. A disabled user stays listed (the audit log names them) but every token of theirs is refused.</summary>
public sealed record User(string Name, Role Role, string CreatedBy, DateTimeOffset CreatedAt, string? DisabledBy, DateTimeOffset? DisabledAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>An API token as the store keeps it: never its secret, only who it belongs to and when it was used.</summary>
public sealed record ApiToken(
    string Id,
    string User,
    string Name,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    string? RevokedBy,
    DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A token just issued, with its secret: the only time the secret exists outside its holder's hands.</summary>
public sealed record IssuedToken(ApiToken Token, string Secret);

/// <summary>Who a valid secret stands for: the user, their role, and the token presented.</summary>
public sealed record Principal(string User, Role Role, string TokenId);

/// <summary>One line of the audit log: who changed what, when, and a short detail for people.</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string By, string Action, string Subject, string Detail);

/// <summary>
/// Which audit lines to list: at or after <see cref="Since"/>, with <see cref="Action"/> (an exact action, or a
/// family: <c>review</c> also matches <c>review.undo</c>), by <see cref="By"/>.
/// </summary>
public sealed record AuditFilter(DateTimeOffset? Since = null, string? Action = null, string? By = null);
