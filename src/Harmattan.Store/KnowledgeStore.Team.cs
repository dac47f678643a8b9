using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    private const string SecretPrefix = "hrm_";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds a user with a role. HRM0219 when the name is taken (even by a disabled user: the audit log must
    /// keep meaning one person per name), HRM0401 for a name that is empty, over 64 characters, or holds
    /// anything but letters, digits and <c>. _ - @</c>.
    /// </summary>
    public User AddUser(string name, Role role, string? by)
    {
        name = CheckUserName(name);
        using var transaction = BeginWrite();
        if (_connection.ExecuteScalar<long>("SELECT count(*) FROM users WHERE name = @Name", new { Name = name }, transaction) > 0)
        {
            throw HarmattanError.UserExists.At(name);
        }

        var at = _clock.GetUtcNow();
        var creator = Actor(by);
        _connection.Execute(
            "INSERT INTO users (name, role, created_by, created_at) VALUES (@Name, @Role, @By, @At)",
            new { Name = name, Role = RoleName(role), By = creator, At = StoredValues.Timestamp(at) },
            transaction);
        Audit(transaction, creator, "user.add", name, $"role {RoleName(role)}");
        transaction.Commit();
        return new User(name, role, creator, at, null, null);
    }

    /// <summary>Disables a user: every token of theirs is refused from now on. HRM0218 for an unknown name; disabling twice changes nothing.</summary>
    public User DisableUser(string name, string? by)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var transaction = BeginWrite();
        var user = ReadUser(name.Trim(), transaction) ?? throw HarmattanError.UserNotFound.At(name.Trim());
        if (user.Disabled)
        {
            return user;
        }

        var at = _clock.GetUtcNow();
        var actor = Actor(by);
        _connection.Execute(
            "UPDATE users SET disabled_by = @By, disabled_at = @At WHERE name = @Name",
            new { By = actor, At = StoredValues.Timestamp(at), user.Name },
            transaction);
        Audit(transaction, actor, "user.disable", user.Name, $"role {RoleName(user.Role)}");
        transaction.Commit();
        return user with { DisabledBy = actor, DisabledAt = at };
    }

    /// <summary>Every user, in the order they were added.</summary>
    public IReadOnlyList<User> ListUsers()
    {
        using var transaction = BeginRead();
        return _connection.Query<UserRow>($"{UserColumns} ORDER BY seq", transaction: transaction).Select(ToUser).ToList();
    }

    /// <summary>Whether any user exists: a server with none may still be used anonymously on loopback.</summary>
    public bool HasUsers()
    {
        using var transaction = BeginRead();
        return _connection.ExecuteScalar<long>("SELECT count(*) FROM users", transaction: transaction) > 0;
    }

    /// <summary>
    /// Issues a token for an enabled user. The secret (<c>hrm_</c> and 256 random bits, base64url) is in the
    /// result and nowhere else: the store keeps its SHA-256 only. HRM0218 for an unknown or disabled user.
    /// </summary>
    public IssuedToken IssueToken(string user, string? name, string? by)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var id = "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        using var transaction = BeginWrite();
        var owner = ReadUser(user.Trim(), transaction) ?? throw HarmattanError.UserNotFound.At(user.Trim());
        if (owner.Disabled)
        {
            throw HarmattanError.UserNotFound.At(owner.Name, "the user is disabled");
        }

        var at = _clock.GetUtcNow();
        var actor = Actor(by);
        var label = string.IsNullOrWhiteSpace(name) ? "" : name.Trim();
        _connection.Execute(
            """
            INSERT INTO api_tokens (id, user_name, secret_hash, name, created_by, created_at)
            VALUES (@Id, @User, @Hash, @Name, @By, @At)
            """,
            new { Id = id, User = owner.Name, Hash = HashSecret(secret), Name = label, By = actor, At = StoredValues.Timestamp(at) },
            transaction);
        Audit(transaction, actor, "token.issue", id, $"for {owner.Name} ({RoleName(owner.Role)})" + (label.Length > 0 ? $", '{label}'" : ""));
        transaction.Commit();
        return new IssuedToken(new ApiToken(id, owner.Name, label, actor, at, null, null, null), secret);
    }

    /// <summary>Revokes a token by its id; its secret is refused from now on. HRM0220 for an unknown id; revoking twice changes nothing.</summary>
    public ApiToken RevokeToken(string tokenId, string? by)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        using var transaction = BeginWrite();
        var token = _connection.Query<TokenRow>($"{TokenColumns} WHERE id = @Id", new { Id = tokenId.Trim() }, transaction)
            .Select(ToToken).FirstOrDefault() ?? throw HarmattanError.TokenNotFound.At(tokenId.Trim());
        if (token.Revoked)
        {
            return token;
        }

        var at = _clock.GetUtcNow();
        var actor = Actor(by);
        _connection.Execute(
            "UPDATE api_tokens SET revoked_by = @By, revoked_at = @At WHERE id = @Id",
            new { By = actor, At = StoredValues.Timestamp(at), token.Id },
            transaction);
        Audit(transaction, actor, "token.revoke", token.Id, $"of {token.User}");
        transaction.Commit();
        return token with { RevokedBy = actor, RevokedAt = at };
    }

    /// <summary>Tokens (never their secrets), of one user or of all, in the order they were issued.</summary>
    public IReadOnlyList<ApiToken> ListTokens(string? user = null)
    {
        using var transaction = BeginRead();
        return _connection.Query<TokenRow>(
                $"{TokenColumns} WHERE (@User IS NULL OR user_name = @User) ORDER BY seq",
                new { User = string.IsNullOrWhiteSpace(user) ? null : user.Trim() },
                transaction)
            .Select(ToToken)
            .ToList();
    }

    /// <summary>
    /// The user and role a secret stands for, or null when it is unknown, revoked, or its user is disabled.
    /// Records when the token was last used (at most once a minute, so reads seldom write).
    /// </summary>
    public Principal? Authenticate(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = HashSecret(secret.Trim());
        (string Id, string User, string Role, string? LastUsed) found;
        using (var read = BeginRead())
        {
            var rows = _connection.Query<(string Id, string User, string Role, string? LastUsed)>(
                """
                SELECT t.id, u.name, u.role, t.last_used_at FROM api_tokens t JOIN users u ON u.name = t.user_name
                WHERE t.secret_hash = @Hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL
                """,
                new { Hash = hash },
                read).AsList();
            if (rows.Count == 0)
            {
                return null;
            }

            found = rows[0];
        }

        var now = _clock.GetUtcNow();
        if (found.LastUsed is null || now - StoredValues.ParseTimestamp(found.LastUsed) >= LastUsedResolution)
        {
            using var write = BeginWrite();
            _connection.Execute("UPDATE api_tokens SET last_used_at = @At WHERE id = @Id", new { At = StoredValues.Timestamp(now), found.Id }, write);
            write.Commit();
        }

        return new Principal(found.User, ParseRole(found.Role), found.Id);
    }

    /// <summary>A role by its name (viewer, analyst, admin; any case); HRM0401 otherwise.</summary>
    public static Role ParseRole(string name) =>
        name?.Trim().ToLowerInvariant() switch
        {
            "viewer" => Role.Viewer,
            "analyst" => Role.Analyst,
            "admin" => Role.Admin,
            _ => throw HarmattanError.BadArgument.At(name, "a role is viewer, analyst or admin"),
        };

    /// <summary>The name a role is stored and shown by.</summary>
    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Actor(string? by) => string.IsNullOrWhiteSpace(by) ? LocalUser : by.Trim();

    private static string CheckUserName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 64 || !trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            throw HarmattanError.BadArgument.At(name, "a user name is 1 to 64 letters, digits, '.', '_', '-' or '@'");
        }

        return trimmed;
    }

    private const string UserColumns =
        "SELECT name, role, created_by AS CreatedBy, created_at AS CreatedAt, disabled_by AS DisabledBy, disabled_at AS DisabledAt FROM users";

    private const string TokenColumns =
        """
        SELECT id, user_name AS UserName, name, created_by AS CreatedBy, created_at AS CreatedAt, last_used_at AS LastUsedAt,
               revoked_by AS RevokedBy, revoked_at AS RevokedAt FROM api_tokens
        """;

    private User? ReadUser(string name, DbTransaction transaction) =>
        _connection.Query<UserRow>($"{UserColumns} WHERE name = @Name", new { Name = name }, transaction).Select(ToUser).FirstOrDefault();

    private static User ToUser(UserRow r) => new(
        r.Name, ParseRole(r.Role), r.CreatedBy, StoredValues.ParseTimestamp(r.CreatedAt), r.DisabledBy,
        r.DisabledAt is null ? null : StoredValues.ParseTimestamp(r.DisabledAt));

    private static ApiToken ToToken(TokenRow r) => new(
        r.Id, r.UserName, r.Name, r.CreatedBy, StoredValues.ParseTimestamp(r.CreatedAt),
        r.LastUsedAt is null ? null : StoredValues.ParseTimestamp(r.LastUsedAt), r.RevokedBy,
        r.RevokedAt is null ? null : StoredValues.ParseTimestamp(r.RevokedAt));

    private sealed class UserRow
    {
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? DisabledBy { get; set; }
        public string? DisabledAt { get; set; }
    }

    private sealed class TokenRow
    {
        public string Id { get; set; } = "";
        public string UserName { get; set; } = "";
        public string Name { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? LastUsedAt { get; set; }
        public string? RevokedBy { get; set; }
        public string? RevokedAt { get; set; }
    }
}
