using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The most entities one document entity is compared with by shared words (surname and fuzzy rules).</summary>
    private const int MaximumCandidates = 500;

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
                FROM entity_resolutions WHERE document_id = @Id ORDER BY seq
                """,
                new { Id = id },
                transaction)
            .Select(r => new EntityResolution(r.ExtractedId, r.Name, r.EntityId, Enum.Parse<ResolutionMethod>(r.Method, ignoreCase: true), r.Score, r.Matched, r.Note))
            .ToList();
    }

    /// <summary>Resolves every entity of the extraction against the stored entities (inside the write transaction).</summary>
    private List<EntityResolution> ResolveEntities(DocumentExtraction extraction, DbTransaction transaction) =>
        extraction.Entities
            .Select(entity =>
            {
                var keys = EntityKeys.For(entity.Name, entity.Aliases);
                return EntityMatcher.Resolve(entity, keys, FindCandidates(entity, keys, transaction));
            })
            .ToList();

    /// <summary>
    /// The stored entities of the same type that share a lookup key with <paramref name="entity"/>: its
    /// folded names, its acronyms against stored initials, its initials against stored names, and its
    /// words against stored words (for surnames and fuzzy matching); plus the entity with its own id or
    /// its registry entry. Each probe is an index range on entity_keys (type, kind, key).
    /// </summary>
    private List<EntityCandidate> FindCandidates(Entity entity, IReadOnlyList<EntityKey> keys, DbTransaction transaction)
    {
        string[] Of(EntityKeyKind kind) => keys.Where(k => k.Kind == kind).Select(k => k.Key).ToArray();
        var acronyms = entity.Aliases.Prepend(entity.Name)
            .Where(EntityKeys.IsAcronym)
            .Select(Harmattan.Knowledge.Registries.NameKey.Fold)
            .ToArray();
        var parameters = new
        {
            Type = EntityKeys.TypeColumn(entity.Type),
            Names = Of(EntityKeyKind.Name),
            Acronyms = acronyms,
            Initials = Of(EntityKeyKind.Initials),
            Tokens = Of(EntityKeyKind.Token),
            entity.Id,
            entity.RegistryId,
            Limit = MaximumCandidates,
        };
        var ids = _connection.Query<string>(
            $"""
            SELECT entity_id FROM entity_keys WHERE type = @Type AND kind = 'name' AND {_dialect.InList("key", "@Names")}
            UNION SELECT entity_id FROM entity_keys WHERE type = @Type AND kind = 'initials' AND {_dialect.InList("key", "@Acronyms")}
            UNION SELECT entity_id FROM entity_keys WHERE type = @Type AND kind = 'name' AND {_dialect.InList("key", "@Initials")}
            UNION SELECT id FROM entities WHERE id = @Id
            UNION SELECT id FROM entities WHERE registry_id = @RegistryId
            """,
            parameters,
            transaction).ToHashSet(StringComparer.Ordinal);

        // Shared words only feed the surname and fuzzy rules; a very common word ("Movement") may fill
        // the block, so it alone is capped, never the exact probes above. Where the database indexes
        // spellings (PostgreSQL's pg_trgm), names spelled alike join the block too, capped likewise.
        ids.UnionWith(_connection.Query<string>(
            $"SELECT DISTINCT entity_id FROM entity_keys WHERE type = @Type AND kind = 'token' AND {_dialect.InList("key", "@Tokens")} LIMIT @Limit",
            parameters,
            transaction));
        ids.UnionWith(_dialect.SimilarlySpelled(_connection, transaction, parameters.Type, parameters.Names, MaximumCandidates));
        return LoadCandidates(ids, transaction);
    }

    private List<EntityCandidate> LoadCandidates(HashSet<string> ids, DbTransaction transaction)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = _connection.Query<(string EntityId, string Kind, string Key)>(
                $"SELECT entity_id, kind, key FROM entity_keys WHERE {_dialect.InList("entity_id", "@Ids")} AND kind IN ('name', 'initials') ORDER BY seq",
                new { Ids = ids.ToArray() },
                transaction)
            .GroupBy(k => k.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => new EntityKey(EntityKeys.FromColumn(k.Kind), k.Key)).ToList(), StringComparer.Ordinal);
        return _connection.Query<(string Id, string Type, string Name, string? RegistryId)>(
                $"SELECT id, type, name, registry_id FROM entities WHERE {_dialect.InList("id", "@Ids")} ORDER BY id",
                new { Ids = ids.ToArray() },
                transaction)
            .Select(e => new EntityCandidate(e.Id, Enum.Parse<EntityType>(e.Type), e.Name, e.RegistryId,
                keys.TryGetValue(e.Id, out var k) ? k : []))
            .ToList();
    }

    /// <summary>Indexes an entity under the keys of its name and aliases (the ones it already has are kept).</summary>
    private void WriteKeys(string entityId, EntityType type, string name, IEnumerable<string> aliases, DbTransaction transaction) =>
        WriteKeys([(entityId, type, name, aliases)], transaction);

    private void WriteKeys(IEnumerable<(string Id, EntityType Type, string Name, IEnumerable<string> Aliases)> entities, DbTransaction transaction) =>
        ExecuteEach(
            "INSERT INTO entity_keys (type, kind, key, entity_id) VALUES (@Type, @Kind, @Key, @EntityId) ON CONFLICT DO NOTHING",
            entities.SelectMany(e => EntityKeys.For(e.Name, e.Aliases)
                .Select(k => new { Type = EntityKeys.TypeColumn(e.Type), Kind = EntityKeys.ToColumn(k.Kind), k.Key, EntityId = e.Id })),
            transaction);

    private void WriteResolutions(string documentId, IEnumerable<EntityResolution> resolutions, DbTransaction transaction) =>
        ExecuteEach(
            """
            INSERT INTO entity_resolutions (document_id, extracted_id, name, entity_id, method, score, matched, note)
            VALUES (@DocumentId, @ExtractedId, @Name, @EntityId, @Method, @Score, @Matched, @Note)
            """,
            resolutions.Select(r => new
            {
                DocumentId = documentId,
                r.ExtractedId,
                r.Name,
                r.EntityId,
                Method = r.Method.ToString().ToLowerInvariant(),
                r.Score,
                r.Matched,
                r.Note,
            }),
            transaction);

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
