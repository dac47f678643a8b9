using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// What the documents of one write transaction (<see cref="UpsertMany"/>) know of the rows: the candidate
    /// entities resolution loaded, by id; the entities sharing each (type, word); and the entity, alias and key
    /// rows merged so far. While the transaction holds the write lock only its own writes change these rows, so
    /// each document kept is told to the cache (<see cref="Written"/>), which changes what it holds as the
    /// document's writes changed the rows, and one rolled back is forgotten (<see cref="RolledBack"/>).
    /// Everything is read once per batch instead of once per document, and a row merged once is not merged again.
    /// </summary>
    private sealed class BatchCache
    {
        public Dictionary<string, EntityCandidate> Entities { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Type, string Token), List<string>> Words { get; } = [];

        /// <summary>Entity rows merged, by (id, registry id): the same row again neither inserts nor links anything.</summary>
        public MergedRows<(string Id, string? RegistryId)> MergedEntities { get; } = new();

        public MergedRows<(string EntityId, string Alias)> Aliases { get; } = new();

        public MergedRows<(string Type, string Kind, string Key, string EntityId)> Keys { get; } = new();

        /// <summary>
        /// A document was kept: follows what <see cref="WriteExtraction"/> wrote for its (resolved) entities. A
        /// loaded candidate gains the registry link it lacked and the name and initials keys it was not indexed
        /// under (appended in the order they were inserted, which is the order <see cref="LoadCandidates"/> reads
        /// them in); the words it was indexed under gain it; and the rows it merged are remembered.
        /// </summary>
        public void Written(IEnumerable<Entity> entities)
        {
            foreach (var entity in entities)
            {
                var keys = EntityKeys.For(entity.Name, entity.Aliases);
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
                foreach (var key in keys.Where(k => k.Kind == EntityKeyKind.Token))
                {
                    // A word already at the cap stays as loaded: the block is a sample of it either way.
                    if (Words.TryGetValue((type, key.Key), out var ids) && ids.Count < MaximumCandidates && !ids.Contains(entity.Id, StringComparer.Ordinal))
                    {
                        ids.Add(entity.Id);
                    }
                }
            }

            MergedEntities.Keep();
            Aliases.Keep();
            Keys.Keep();
        }

        /// <summary>A document was rolled back to its savepoint: the rows it merged are not there.</summary>
        public void RolledBack()
        {
            MergedEntities.Forget();
            Aliases.Forget();
            Keys.Forget();
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
