using System.Globalization;
using System.Text.Json;
using Harmattan.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Harmattan.Server;

/// <summary>
/// Answers about one entity, as the JSON bytes sent (an actor's profile at one page size), kept until the
/// knowledge base changes that entity. Each request first asks the store for its latest change
/// (<see cref="KnowledgeStore.LatestAuditLine"/>, one index probe); when the audit log has grown, the cache reads what
/// the new lines changed (<see cref="KnowledgeStore.ChangesSince"/>) and drops the answers of those entities, or all
/// of them. The audit log is the only source, so a change made by any process (the CLI on the same file, another
/// server on the same PostgreSQL database) is seen by the next request, as it is without the cache.
/// </summary>
/// <remarks>
/// An answer is computed outside the lock, from a read that starts after the latest change was asked, and kept
/// only if no change to its entity was read meanwhile: an answer that began before a change and ends after it is
/// not kept, so nothing older than what the store holds is ever served. When full, the answers used least recently
/// go first. A capacity of 0 keeps nothing.
/// </remarks>
public sealed class EntityAnswerCache(long capacityBytes, JsonSerializerOptions json)
{
    /// <summary>More entities than this changed since the last time everything did, and the cache starts over.</summary>
    private const int MaxChangedEntities = 100_000;

    private readonly Lock _lock = new();

    /// <summary>Answers by entity, then by variant (the page size of a profile).</summary>
    private readonly Dictionary<string, Dictionary<string, LinkedListNode<Entry>>> _answers = new(StringComparer.Ordinal);

    /// <summary>Every answer, the most recently used first.</summary>
    private readonly LinkedList<Entry> _recent = new();

    /// <summary>The audit line after which each entity last changed, as far as the cache has read.</summary>
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);

    /// <summary>The audit line after which every entity changed (the cache started, or a change reached everything).</summary>
    private long _everythingChangedAt;

    /// <summary>The last audit line read; -1 before the first request.</summary>
    private long _seen = -1;

    /// <summary>What makes this cache's ETags its own: a server restarted counts again from 1.</summary>
    private readonly string _instance = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    private long _kept;
    private long _bytes;
    private long _hits;
    private long _misses;

    /// <summary>Answers served from the cache and answers computed, since the server started.</summary>
    public (long Hits, long Misses) Counts
    {
        get
        {
            lock (_lock)
            {
                return (_hits, _misses);
            }
        }
    }

    /// <summary>
    /// What <paramref name="read"/> gives, as the JSON response sent: kept as <paramref name="variant"/> of the
    /// answers about <paramref name="entityId"/> (read every time when null: an answer about no one entity). A kept
    /// answer carries an ETag, so a client that sends it back in <c>If-None-Match</c> gets a 304 until the answer
    /// changes.
    /// </summary>
    public FileContentHttpResult Json<T>(KnowledgeStore store, string? entityId, string variant, Func<T> read)
    {
        var (body, tag) = entityId is null ? (Serialize(), null) : Answer(store, entityId, variant, Serialize);
        return TypedResults.Bytes(body, "application/json; charset=utf-8", entityTag: tag is null ? null : new EntityTagHeaderValue(tag));

        byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(read(), json);
    }

    /// <summary>
    /// The answer <paramref name="variant"/> about entity <paramref name="entityId"/>: kept, or
    /// <paramref name="compute"/>d with <paramref name="store"/> (which also tells what changed) and kept.
    /// </summary>
    public byte[] Get(KnowledgeStore store, string entityId, string variant, Func<byte[]> compute) =>
        Answer(store, entityId, variant, compute).Bytes;

    /// <summary>As <see cref="Get"/>, with the answer's ETag when it is kept (null otherwise).</summary>
    private (byte[] Bytes, string? Tag) Answer(KnowledgeStore store, string entityId, string variant, Func<byte[]> compute)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (capacityBytes <= 0)
        {
            return (compute(), null);
        }

        var latest = store.LatestAuditLine();
        lock (_lock)
        {
            CatchUp(store, latest);
            if (_answers.TryGetValue(entityId, out var variants) && variants.TryGetValue(variant, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                _hits++;
                return (node.Value.Bytes, node.Value.Tag);
            }

            _misses++;
        }

        var bytes = compute();
        lock (_lock)
        {
            var stale = latest < _everythingChangedAt || latest < _changedAt.GetValueOrDefault(entityId);
            if (stale || bytes.Length > capacityBytes)
            {
                return (bytes, null);
            }

            var kept = Keep(new Entry(entityId, variant, bytes, string.Create(CultureInfo.InvariantCulture, $"\"{_instance}-{++_kept}\"")));
            return (kept.Bytes, kept.Tag);
        }
    }

    /// <summary>Reads the audit lines after the last one read, up to <paramref name="latest"/>, and drops what they changed.</summary>
    private void CatchUp(KnowledgeStore store, long latest)
    {
        if (_seen < 0)
        {
            // Nothing is kept yet; an answer computed from before this point is not kept either.
            _seen = latest;
            _everythingChangedAt = latest;
            return;
        }

        while (_seen < latest)
        {
            var changes = store.ChangesSince(_seen);
            if (changes.Latest <= _seen)
            {
                // The line asked for is not visible to this reader yet; the next request reads it.
                return;
            }

            if (changes.Everything || _changedAt.Count + changes.Entities.Count > MaxChangedEntities)
            {
                _answers.Clear();
                _recent.Clear();
                _changedAt.Clear();
                _bytes = 0;
                _everythingChangedAt = changes.Latest;
            }
            else
            {
                foreach (var entity in changes.Entities)
                {
                    _changedAt[entity] = changes.Latest;
                    if (_answers.Remove(entity, out var variants))
                    {
                        foreach (var node in variants.Values)
                        {
                            _recent.Remove(node);
                            _bytes -= node.Value.Bytes.Length;
                        }
                    }
                }
            }

            _seen = changes.Latest;
        }
    }

    /// <summary>Keeps an answer, or returns the same answer another request kept meanwhile.</summary>
    private Entry Keep(Entry entry)
    {
        if (!_answers.TryGetValue(entry.EntityId, out var variants))
        {
            variants = new Dictionary<string, LinkedListNode<Entry>>(StringComparer.Ordinal);
            _answers[entry.EntityId] = variants;
        }

        if (variants.TryGetValue(entry.Variant, out var existing))
        {
            return existing.Value;
        }

        variants[entry.Variant] = _recent.AddFirst(entry);
        _bytes += entry.Bytes.Length;
        while (_bytes > capacityBytes && _recent.Last is { } oldest)
        {
            _recent.RemoveLast();
            _bytes -= oldest.Value.Bytes.Length;
            var of = _answers[oldest.Value.EntityId];
            of.Remove(oldest.Value.Variant);
            if (of.Count == 0)
            {
                _answers.Remove(oldest.Value.EntityId);
            }
        }

        return entry;
    }

    /// <param name="Tag">The answer's ETag: this cache's own prefix and a count of the answers it kept, so no two answers share one, even across restarts.</param>
    private sealed record Entry(string EntityId, string Variant, byte[] Bytes, string Tag);
}
