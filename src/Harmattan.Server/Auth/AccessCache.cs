using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Harmattan.Store;

namespace Harmattan.Server.Auth;

/// <summary>
/// What <see cref="ApiAccess"/> learnt from the store about callers, kept for <see cref="Lifetime"/> so that a
/// request costs no query for its token: the user and role a token stands for, and whether the knowledge base has
/// users at all (anonymous use on loopback). A token the store does not know is not kept: it is asked about every
/// time, and the cache cannot be filled with made-up tokens.
/// </summary>
/// <remarks>
/// A change made through this server's API (a user added or disabled, a token issued or revoked) empties the cache
/// when its request ends, so the next request sees it. A change made elsewhere (the CLI on the same file, another
/// server on the same PostgreSQL database) is seen within <see cref="Lifetime"/>: a token revoked there still
/// works for up to that long here. A lookup that began before a change and ends after it is not kept.
/// </remarks>
internal sealed class AccessCache(TimeProvider clock)
{
    /// <summary>How long an answer of the store is used without asking again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>More tokens than this in use at once and the cache starts over (a bound, never reached in practice).</summary>
    private const int MaxTokens = 10_000;

    /// <summary>Principals by the SHA-256 of their secret (the secret itself is not kept), with when they expire.</summary>
    private readonly ConcurrentDictionary<string, (Principal Principal, DateTimeOffset Expires)> _principals = new(StringComparer.Ordinal);

    private Answer? _hasUsers;

    /// <summary>Raised by <see cref="Forget"/>: what a lookup started before it learnt may be stale.</summary>
    private long _generation;

    /// <summary>The principal a secret stands for, asking <paramref name="store"/> only when it is not known or too old.</summary>
    public Principal? Authenticate(string secret, Func<KnowledgeStore> store)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var now = clock.GetUtcNow();
        if (_principals.TryGetValue(key, out var known) && known.Expires > now)
        {
            return known.Principal;
        }

        var generation = Interlocked.Read(ref _generation);
        var principal = store().Authenticate(secret);
        if (principal is null)
        {
            _principals.TryRemove(key, out _);
            return null;
        }

        if (_principals.Count >= MaxTokens)
        {
            _principals.Clear();
        }

        // Kept, then taken back if the team changed meanwhile (checked after, so a Forget between the two is seen).
        var entry = (principal, now + Lifetime);
        _principals[key] = entry;
        if (Interlocked.Read(ref _generation) != generation)
        {
            _principals.TryRemove(new KeyValuePair<string, (Principal, DateTimeOffset)>(key, entry));
        }

        return principal;
    }

    /// <summary>Whether any user exists, asking <paramref name="store"/> only when the last answer is too old.</summary>
    public bool HasUsers(Func<KnowledgeStore> store)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _hasUsers) is { } answer && answer.Expires > now)
        {
            return answer.Value;
        }

        var generation = Interlocked.Read(ref _generation);
        var value = store().HasUsers();
        var fresh = new Answer(value, now + Lifetime);
        Volatile.Write(ref _hasUsers, fresh);
        if (Interlocked.Read(ref _generation) != generation)
        {
            Interlocked.CompareExchange(ref _hasUsers, null, fresh);
        }

        return value;
    }

    /// <summary>Forgets everything: the team changed.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _hasUsers, null);
        _principals.Clear();
    }

    private sealed record Answer(bool Value, DateTimeOffset Expires);
}
