using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Harmattan.Store;

namespace Harmattan.Server.Auth;

/// <summary>
/// What <see cref="ApiAccess"/> learnt from the store about callers, kept until the team changes: the user and
/// role a token stands for, and whether the knowledge base has users at all (anonymous use on loopback). A token
/// the store does not know is not kept: it is asked about every time, and the cache cannot be filled with made-up
/// tokens.
/// </summary>
/// <remarks>
/// Before each answer the cache reads the audit log's lines after the last it read
/// (<see cref="KnowledgeStore.TeamChangesSince"/>, one index probe when there are none), and forgets everything
/// when one of them added or disabled a user, or issued or revoked a token. Writers commit one at a time, so the
/// lines become visible in order and none is missed: a change made anywhere (through this server's API, the CLI on
/// the same file, another server on the same PostgreSQL database) is seen by the next request. A lookup that began
/// before the cache forgot and ends after it is not kept.
/// </remarks>
internal sealed class AccessCache
{
    /// <summary>More tokens than this in use at once and the cache starts over (a bound, never reached in practice).</summary>
    private const int MaxTokens = 10_000;

    /// <summary>Principals by the SHA-256 of their secret (the secret itself is not kept).</summary>
    private readonly ConcurrentDictionary<string, Principal> _principals = new(StringComparer.Ordinal);

    /// <summary>Whether the knowledge base has users, once asked (boxed, so that null is "not known").</summary>
    private object? _hasUsers;

    /// <summary>Raised by <see cref="Forget"/>: what a lookup started before it learnt may be stale.</summary>
    private long _generation;

    /// <summary>The last audit line read; -1 before the first (everything is then unknown anyway).</summary>
    private long _seen = -1;

    /// <summary>The principal a secret stands for, asking <paramref name="store"/> only when it is not known.</summary>
    public Principal? Authenticate(string secret, Func<KnowledgeStore> store)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var generation = CatchUp(store());
        if (_principals.TryGetValue(key, out var known))
        {
            return known;
        }

        var principal = store().Authenticate(secret);
        if (principal is null)
        {
            return null;
        }

        if (_principals.Count >= MaxTokens)
        {
            _principals.Clear();
        }

        // Kept, then taken back if the team changed meanwhile (checked after, so a Forget between the two is seen).
        _principals[key] = principal;
        if (Interlocked.Read(ref _generation) != generation)
        {
            _principals.TryRemove(new KeyValuePair<string, Principal>(key, principal));
        }

        return principal;
    }

    /// <summary>Whether any user exists, asking <paramref name="store"/> only when it is not known.</summary>
    public bool HasUsers(Func<KnowledgeStore> store)
    {
        var generation = CatchUp(store());
        if (Volatile.Read(ref _hasUsers) is bool known)
        {
            return known;
        }

        var value = store().HasUsers();
        object boxed = value;
        Volatile.Write(ref _hasUsers, boxed);
        if (Interlocked.Read(ref _generation) != generation)
        {
            Interlocked.CompareExchange(ref _hasUsers, null, boxed);
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

    /// <summary>
    /// Reads the audit lines after the last one read and forgets everything if they changed the team; returns the
    /// generation the caller's lookup belongs to. Two requests may read the same lines: each forgets if they say
    /// so, and the last line read only moves forward.
    /// </summary>
    private long CatchUp(KnowledgeStore store)
    {
        var seen = Interlocked.Read(ref _seen);
        // The first time, there is nothing to forget: the log is not read, only where it ends.
        var changes = seen < 0 ? new TeamChanges(store.LatestAuditLine(), true) : store.TeamChangesSince(seen);
        if (changes.Changed)
        {
            Forget();
        }

        for (var current = seen; current < changes.Latest; current = Interlocked.Read(ref _seen))
        {
            if (Interlocked.CompareExchange(ref _seen, changes.Latest, current) == current)
            {
                break;
            }
        }

        return Interlocked.Read(ref _generation);
    }
}
