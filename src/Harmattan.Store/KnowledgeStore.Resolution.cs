using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The most entities one document entity is compared with by shared words (surname and fuzzy rules).</summary>
    private const int MaximumCandidates = 500;

    /// <summary>Ids per statement when candidates are loaded: bounds what one statement reads and holds.</summary>
    private const int CandidateChunk = 2000;

    /// <summary>
    /// How each entity of a stored document was resolved when it was ingested (in extraction order), with
    /// <see cref="EntityResolution.EntityId"/> as it is now, after any merges and splits.
    /// </summary>
    public IReadOnlyList<EntityResolution> GetResolutions(string documentIdOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(documentIdOrPrefix);
        using var transaction = BeginRead();
        var id = ResolveId(documentIdOrPrefix.Trim().ToLowerInvariant(), transaction);
        return _connection.Query<ResolutionRow>(
                """
                SELECT extracted_id AS ExtractedId, name, entity_id AS EntityId, method, score, matched, note
                FROM entity_resolutions WHERE document_seq = (SELECT seq FROM documents WHERE id = @Id) ORDER BY seq
                """,
                new { Id = id },
                transaction)
            .Select(r => new EntityResolution(r.ExtractedId, r.Name, r.EntityId, Enum.Parse<ResolutionMethod>(r.Method, ignoreCase: true), r.Score, r.Matched, r.Note))
            .ToList();
    }

    /// <summary>
    /// Resolves every entity of the extraction against the stored entities (inside the write transaction).
    /// The candidates of all of them are found together, in a handful of statements for the whole document
    /// rather than several per entity: the statements, not the matching, were what resolution cost.
    /// Entities of one document never resolve to each other, so finding them all first changes nothing.
    /// </summary>
    private List<EntityResolution> ResolveEntities(DocumentExtraction extraction, DbTransaction transaction, BatchCache? cache = null)
    {
        var probes = extraction.Entities.Select(CandidateProbe.For).ToList();
        var candidates = FindCandidates(probes, transaction, cache ?? new BatchCache());
        return probes.Select((probe, i) => EntityMatcher.Resolve(probe.Entity, probe.Keys, candidates[i])).ToList();
    }

    /// <summary>What one entity of a document looks for among the stored ones.</summary>
    private sealed record CandidateProbe(Entity Entity, string Type, IReadOnlyList<EntityKey> Keys, string[] Names, string[] Acronyms, string[] Initials, string[] Tokens)
    {
        public static CandidateProbe For(Entity entity)
        {
            var keys = EntityKeys.For(entity.Name, entity.Aliases);
            string[] Of(EntityKeyKind kind) => keys.Where(k => k.Kind == kind).Select(k => k.Key).ToArray();
            var acronyms = entity.Aliases.Prepend(entity.Name)
                .Where(EntityKeys.IsAcronym)
                .Select(Harmattan.Knowledge.Registries.NameKey.Fold)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            return new CandidateProbe(entity, EntityKeys.TypeColumn(entity.Type), keys,
                Of(EntityKeyKind.Name), acronyms, Of(EntityKeyKind.Initials), Of(EntityKeyKind.Token));
        }
    }

    /// <summary>
    /// For each probe, the stored entities of its type that share a lookup key with it: its folded names, its
    /// acronyms against stored initials, its initials against stored names, and its words against stored words
    /// (for surnames and fuzzy matching); plus the entity with its own id or its registry entry. Every probe is
    /// an index range on entity_keys (type, kind, key); each list is in id order.
    /// </summary>
    private List<List<EntityCandidate>> FindCandidates(IReadOnlyList<CandidateProbe> probes, DbTransaction transaction, BatchCache cache)
    {
        var found = probes.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        if (probes.Count == 0)
        {
            return [];
        }

        var exact = ExactHits(probes, transaction, cache);
        var hits = exact.ToLookup(h => (h.Kind, h.Key));
        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            var keys = probe.Names.Concat(probe.Initials).Select(k => ("name", k))
                .Concat(probe.Acronyms.Select(k => ("initials", k)))
                .Append(("id", probe.Entity.Id));
            if (probe.Entity.RegistryId is { } registry)
            {
                keys = keys.Append(("registry", registry));
            }

            // The id and registry probes are not limited to the type: the matcher drops other types itself.
            found[i].UnionWith(keys.SelectMany(k => hits[k])
                .Where(h => h.Kind is "id" or "registry" || string.Equals(h.Type, probe.Type, StringComparison.Ordinal))
                .Select(h => h.EntityId));
        }

        AddSharedWords(probes, found, transaction, cache);
        // Where the database indexes spellings (PostgreSQL's pg_trgm), names spelled alike join the block of
        // the probes that reach the fuzzy rule: the last one, so a probe a stronger rule decides does not ask.
        var fuzzy = Enumerable.Range(0, probes.Count).Where(i => !DecidedBeforeFuzzy(probes[i], hits)).ToList();
        var similar = _dialect.SimilarlySpelled(_connection, transaction, fuzzy.Select(i => (probes[i].Type, (IReadOnlyList<string>)probes[i].Names)).ToList(), MaximumCandidates);
        for (var j = 0; j < fuzzy.Count; j++)
        {
            found[fuzzy[j]].UnionWith(similar[j]);
        }

        var loaded = LoadCandidates(found.SelectMany(f => f).ToHashSet(StringComparer.Ordinal), transaction, cache);
        return found
            .Select(ids => ids.Where(loaded.ContainsKey).Order(StringComparer.Ordinal).Select(id => loaded[id]).ToList())
            .ToList();
    }

    /// <summary>
    /// The stored entities each probe's exact keys find, as (type, kind, key, entity id): a probe's names and
    /// initials among stored names and its acronyms among stored initials, each in its own type (one index probe
    /// per key); its id and its registry entry in any type. What <paramref name="cache"/> does not hold yet is read
    /// in two statements for the whole document, and kept.
    /// </summary>
    private List<(string Type, string Kind, string Key, string EntityId)> ExactHits(IReadOnlyList<CandidateProbe> probes, DbTransaction transaction, BatchCache cache)
    {
        var lookups = probes
            .SelectMany(p => p.Names.Concat(p.Initials).Select(k => (p.Type, Kind: "name", Key: k))
                .Concat(p.Acronyms.Select(k => (p.Type, Kind: "initials", Key: k))))
            .Distinct()
            .ToList();
        var missing = lookups.Where(k => !cache.KeyHits.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            var read = _dialect.EntitiesByKey(_connection, transaction, missing).ToLookup(h => (h.Type, h.Kind, h.Key), h => h.EntityId);
            foreach (var key in missing)
            {
                cache.KeyHits[key] = [.. read[key]];
            }
        }

        var ids = probes.Select(p => p.Entity.Id).Distinct(StringComparer.Ordinal).ToList();
        var registries = probes.Select(p => p.Entity.RegistryId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var missingIds = ids.Where(id => !cache.Types.ContainsKey(id)).ToList();
        var missingRegistries = registries.Where(r => !cache.Registries.ContainsKey(r)).ToList();
        if (missingIds.Count + missingRegistries.Count > 0)
        {
            var read = _connection.Query<(string Type, string Kind, string Key, string EntityId)>(
                $"""
                SELECT type, 'id', id, id FROM entities WHERE {_dialect.InStrings("id", "@Ids")}
                UNION ALL
                SELECT type, 'registry', registry_id, id FROM entities WHERE {_dialect.InStrings("registry_id", "@Registries")}
                """,
                new { Ids = _dialect.Strings(missingIds), Registries = _dialect.Strings(missingRegistries) },
                transaction).ToLookup(h => (h.Kind, h.Key));
            foreach (var id in missingIds)
            {
                cache.Types[id] = read[("id", id)].Select(h => h.Type).FirstOrDefault();
            }

            foreach (var registry in missingRegistries)
            {
                cache.Registries[registry] = [.. read[("registry", registry)].Select(h => (h.Type, h.EntityId))];
            }
        }

        return
        [
            .. lookups.SelectMany(k => cache.KeyHits[k].Select(id => (k.Type, k.Kind, k.Key, id))),
            .. ids.Select(id => (Id: id, Type: cache.Types[id])).Where(e => e.Type is not null).Select(e => (e.Type!, "id", e.Id, e.Id)),
            .. registries.SelectMany(r => cache.Registries[r].Select(e => (e.Type, "registry", r, e.Id))),
        ];
    }

    /// <summary>
    /// Whether the exact lookups already found what a rule before the fuzzy one takes (<see cref="EntityMatcher"/>:
    /// the first rule that finds anything decides): the probe's own id, or one of its names or initials, in an
    /// entity of its type; for a probe with a registry entry (which keeps stored entities of other entries out
    /// of its pool) an entity of its type with that entry.
    /// </summary>
    private static bool DecidedBeforeFuzzy(CandidateProbe probe, ILookup<(string Kind, string Key), (string Type, string Kind, string Key, string EntityId)> hits)
    {
        bool Found(string kind, string key) => hits[(kind, key)].Any(h => string.Equals(h.Type, probe.Type, StringComparison.Ordinal));

        return probe.Entity.RegistryId is { } registry
            ? Found("registry", registry)
            : Found("id", probe.Entity.Id)
              || probe.Names.Concat(probe.Initials).Any(key => Found("name", key))
              || probe.Acronyms.Any(key => Found("initials", key));
    }

    /// <summary>
    /// Adds the stored entities that share a word with each probe, which only feed the surname and fuzzy rules.
    /// A very common word ("Movement") could fill the block, so each word yields at most
    /// <see cref="MaximumCandidates"/> entities (the first by id) and each probe keeps at most as many; the exact
    /// probes are never capped. One statement for the document (<see cref="StoreDialect.SharedWords"/>).
    /// </summary>
    private void AddSharedWords(IReadOnlyList<CandidateProbe> probes, List<HashSet<string>> found, DbTransaction transaction, BatchCache cache)
    {
        var words = probes.SelectMany(p => p.Tokens.Select(t => (p.Type, Token: t))).Distinct().Where(w => !cache.Words.ContainsKey(w)).ToList();
        if (words.Count > 0)
        {
            var byWord = _dialect.SharedWords(_connection, transaction, words, MaximumCandidates).ToLookup(h => (h.Type, h.Key), h => h.EntityId);
            foreach (var word in words)
            {
                cache.Words[word] = byWord[word].Order(StringComparer.Ordinal).ToList();
            }
        }

        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            var block = probe.Tokens.SelectMany(t => cache.Words[(probe.Type, t)]).Distinct(StringComparer.Ordinal).Take(MaximumCandidates);
            found[i].UnionWith(block);
        }
    }

    /// <summary>The stored entities with these ids, with their name and initials keys, by id (in chunks under the parameter limits).</summary>
    private Dictionary<string, EntityCandidate> LoadCandidates(HashSet<string> ids, DbTransaction transaction, BatchCache cache)
    {
        var candidates = cache.Entities;
        foreach (var chunk in ids.Where(id => !candidates.ContainsKey(id)).Chunk(CandidateChunk))
        {
            var keys = _connection.Query<(string EntityId, string Kind, string Key)>(
                    $"SELECT entity_id, kind, key FROM entity_keys WHERE {_dialect.InStrings("entity_id", "@Ids")} AND kind IN ('name', 'initials') ORDER BY seq",
                    new { Ids = _dialect.Strings(chunk) },
                    transaction)
                .GroupBy(k => k.EntityId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(k => new EntityKey(EntityKeys.FromColumn(k.Kind), k.Key)).ToList(), StringComparer.Ordinal);
            foreach (var e in _connection.Query<(string Id, string Type, string Name, string? RegistryId)>(
                         $"SELECT id, type, name, registry_id FROM entities WHERE {_dialect.InStrings("id", "@Ids")}",
                         new { Ids = _dialect.Strings(chunk) },
                         transaction))
            {
                candidates[e.Id] = new EntityCandidate(e.Id, Enum.Parse<EntityType>(e.Type), e.Name, e.RegistryId,
                    keys.TryGetValue(e.Id, out var k) ? k : []);
            }
        }

        return candidates;
    }

    /// <summary>Indexes an entity under the keys of its name and aliases (the ones it already has are kept).</summary>
    private void WriteKeys(string entityId, EntityType type, string name, IEnumerable<string> aliases, DbTransaction transaction) =>
        WriteKeys([(entityId, type, EntityKeys.For(name, aliases))], transaction);

    /// <summary>
    /// Indexes entities under the keys of their names and aliases, but for the keys <paramref name="cache"/> knows
    /// this transaction already wrote.
    /// </summary>
    private void WriteKeys(IEnumerable<(string Id, EntityType Type, IReadOnlyList<EntityKey> Keys)> entities, DbTransaction transaction, BatchCache? cache = null) =>
        _dialect.MergeRows(_connection, transaction, "entity_keys", ["type", "kind", "key", "entity_id"], "ON CONFLICT DO NOTHING",
            entities.SelectMany(e => e.Keys
                    .Select(k => (Type: EntityKeys.TypeColumn(e.Type), Kind: EntityKeys.ToColumn(k.Kind), k.Key, e.Id)))
                .Where(k => cache?.MergedKeys.IsNew(k) ?? true)
                .Select(k => new object?[] { k.Type, k.Kind, k.Key, k.Id }));

    /// <summary>
    /// Gives every entity stored before schema version 2 its lookup keys, from its name and aliases. Runs
    /// once, in the transaction that opens such a database after migrating it.
    /// </summary>
    private static void BackfillKeys(DbConnection connection, StoreDialect dialect)
    {
        using var transaction = dialect.BeginWrite(connection);
        var entities = connection.Query<(string Id, string Type, string Name)>(
            "SELECT id, type, name FROM entities e WHERE NOT EXISTS (SELECT 1 FROM entity_keys k WHERE k.entity_id = e.id)",
            transaction: transaction).AsList();
        var aliases = connection.Query<(string EntityId, string Alias)>(
                "SELECT entity_id, alias FROM entity_aliases ORDER BY seq", transaction: transaction)
            .ToLookup(a => a.EntityId, a => a.Alias, StringComparer.Ordinal);
        foreach (var e in entities)
        {
            connection.Execute(
                "INSERT INTO entity_keys (type, kind, key, entity_id) VALUES (@Type, @Kind, @Key, @EntityId) ON CONFLICT DO NOTHING",
                EntityKeys.For(e.Name, aliases[e.Id]).Select(k => new { e.Type, Kind = EntityKeys.ToColumn(k.Kind), k.Key, EntityId = e.Id }),
                transaction);
        }

        transaction.Commit();
    }
}
