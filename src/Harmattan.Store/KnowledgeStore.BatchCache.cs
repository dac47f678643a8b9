using System.Data.Common;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// The most entries a batch cache is kept with for the next batch: past it the next batch starts afresh, so an
    /// ingest's memory does not grow with the knowledge base (about 40 MB at the bound).
    /// </summary>
    private const int BatchCacheBound = 200_000;

    /// <summary>The cache of the last batch this store committed, with the audit line it ended at; null when none is kept.</summary>
    private (BatchCache Cache, long Line)? _keptBatchCache;

    /// <summary>
    /// The cache for a batch starting in <paramref name="transaction"/>: the last batch's, when no change was
    /// committed since by anyone (every change writes an audit line, and writers take turns, so the audit log
    /// ends where that batch left it), else a new one. The cache is taken, not shared: a batch that fails leaves
    /// none behind.
    /// </summary>
    private BatchCache TakeBatchCache(DbTransaction transaction)
    {
        var kept = _keptBatchCache;
        _keptBatchCache = null;
        return kept is { } k && k.Line == LatestAuditLine(transaction) ? k.Cache : new BatchCache();
    }

    /// <summary>After a batch committed: keeps its cache for the next batch, unless it grew past <see cref="BatchCacheBound"/>.</summary>
    private void KeepBatchCache(BatchCache cache, long line) =>
        _keptBatchCache = cache.Size <= BatchCacheBound ? (cache, line) : null;

    /// <summary>
    /// What the documents written by <see cref="UpsertMany"/> know of the rows: the candidate entities resolution
    /// loaded, by id; the entities each exact key, id and registry entry found; the entities sharing each (type,
    /// word); and the entity, alias and key rows merged so far.
    /// While a batch holds the write lock only its own writes change these rows, so each document kept is told to
    /// the cache (<see cref="Written"/>), which changes what it holds as the document's writes changed the rows,
    /// and one rolled back is forgotten (<see cref="RolledBack"/>). The next batch takes the cache over when
    /// nothing else changed the knowledge base in between (<see cref="TakeBatchCache"/>). Everything is read once
    /// instead of once per document, and a row merged once is not merged again.
    /// </summary>
    private sealed class BatchCache
    {
        public Dictionary<string, EntityCandidate> Entities { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Type, string Token), List<string>> Words { get; } = [];

        /// <summary>The entities indexed under each (type, kind, key) resolution looked up (names and initials).</summary>
        public Dictionary<(string Type, string Kind, string Key), List<string>> KeyHits { get; } = [];

        /// <summary>The type of each entity id resolution looked up, null for an id no entity has.</summary>
        public Dictionary<string, string?> Types { get; } = new(StringComparer.Ordinal);

        /// <summary>The entities (type, id) linked to each registry entry resolution looked up.</summary>
        public Dictionary<string, List<(string Type, string Id)>> Registries { get; } = new(StringComparer.Ordinal);

        /// <summary>Entity rows merged, by (id, registry id): the same row again neither inserts nor links anything.</summary>
        public MergedRows<(string Id, string? RegistryId)> MergedEntities { get; } = new();

        public MergedRows<(string EntityId, string Alias)> MergedAliases { get; } = new();

        public MergedRows<(string Type, string Kind, string Key, string EntityId)> MergedKeys { get; } = new();

        /// <summary>Entries held, a measure of the memory the cache takes.</summary>
        public int Size =>
            Entities.Count + Words.Sum(w => w.Value.Count) + KeyHits.Sum(k => k.Value.Count + 1) + Types.Count + Registries.Count
            + MergedEntities.Count + MergedAliases.Count + MergedKeys.Count;

        /// <summary>
        /// A document was kept: follows what <see cref="WriteExtraction"/> wrote for its (resolved) entities. A
        /// loaded candidate gains the registry link it lacked and the name and initials keys it was not indexed
        /// under (appended in the order they were inserted, which is the order <see cref="LoadCandidates"/> reads
        /// them in); the words it was indexed under gain it; and the rows it merged are remembered.
        /// </summary>
        public void Written(IEnumerable<(Entity Entity, IReadOnlyList<EntityKey> Keys)> entities)
        {
            foreach (var (entity, keys) in entities)
            {
                if (Entities.TryGetValue(entity.Id, out var stored))
                {
                    if (stored.Type == entity.Type)
                    {
                        Entities[entity.Id] = stored with
                        {
                            RegistryId = stored.RegistryId ?? entity.RegistryId,
                            Keys = [.. stored.Keys, .. keys.Where(k => k.Kind is EntityKeyKind.Name or EntityKeyKind.Initials).Distinct().Except(stored.Keys)],
                        };
                    }
                    else
                    {
                        // Keys are unique by type too, so which were new is the database's to say: read it again.
                        Entities.Remove(entity.Id);
                    }
                }

                var type = EntityKeys.TypeColumn(entity.Type);
                // An id no entity had is now this entity's; a stored entity keeps its type.
                if (Types.TryGetValue(entity.Id, out var known) && known is null)
                {
                    Types[entity.Id] = type;
                }

                // An entity gains a registry link only where it had none, and which it had is the database's to say.
                if (entity.RegistryId is { } registry && Registries.TryGetValue(registry, out var linked) && !linked.Any(e => e.Id == entity.Id))
                {
                    Registries.Remove(registry);
                }

                foreach (var key in keys.Where(k => k.Kind is EntityKeyKind.Name or EntityKeyKind.Initials))
                {
                    if (KeyHits.TryGetValue((type, EntityKeys.ToColumn(key.Kind), key.Key), out var hits) && !hits.Contains(entity.Id, StringComparer.Ordinal))
                    {
                        hits.Add(entity.Id);
                    }
                }

                foreach (var key in keys.Where(k => k.Kind == EntityKeyKind.Token))
                {
                    // A word's entities are the first by id, at most MaximumCandidates (StoreDialect.SharedWords): an
                    // entity written takes its place among them in order, and pushes the last out of a full list.
                    if (Words.TryGetValue((type, key.Key), out var ids))
                    {
                        var at = ids.BinarySearch(entity.Id, StringComparer.Ordinal);
                        if (at < 0)
                        {
                            ids.Insert(~at, entity.Id);
                            if (ids.Count > MaximumCandidates)
                            {
                                ids.RemoveAt(ids.Count - 1);
                            }
                        }
                    }
                }
            }

            MergedEntities.Keep();
            MergedAliases.Keep();
            MergedKeys.Keep();
        }

        /// <summary>A document was rolled back to its savepoint: the rows it merged are not there.</summary>
        public void RolledBack()
        {
            MergedEntities.Forget();
            MergedAliases.Forget();
            MergedKeys.Forget();
        }
    }

    /// <summary>
    /// Rows of one table the transaction merged: those of the documents kept, and those of the document being
    /// written until it is kept or rolled back.
    /// </summary>
    private sealed class MergedRows<T>
        where T : notnull
    {
        private readonly HashSet<T> _kept = [];
        private readonly HashSet<T> _pending = [];

        public int Count => _kept.Count;

        /// <summary>Whether <paramref name="row"/> is to be merged: neither a kept document nor this one merged it yet.</summary>
        public bool IsNew(T row) => !_kept.Contains(row) && _pending.Add(row);

        public void Keep()
        {
            _kept.UnionWith(_pending);
            _pending.Clear();
        }

        public void Forget() => _pending.Clear();
    }
}
