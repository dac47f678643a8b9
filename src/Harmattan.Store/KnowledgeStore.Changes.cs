using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every column that names an entity, with the columns that make a row unique beside it (a row of
    /// the absorbed entity that would duplicate one of the survivor's is removed, not rewritten).
    /// document_id marks the tables a split by document rewrites.
    /// </summary>
    private static readonly EntityColumn[] EntityColumns =
    [
        new("document_entities", "entity_id", ["document_id"], PerDocument: true),
        new("mentions", "entity_id", [], PerDocument: true),
        new("claims", "speaker_id", [], PerDocument: true),
        new("claim_about", "entity_id", ["document_id", "claim_id"], PerDocument: true),
        new("relations", "source_id", [], PerDocument: true),
        new("relations", "target_id", [], PerDocument: true),
        new("event_places", "entity_id", ["document_id", "event_id"], PerDocument: true),
        new("event_actors", "entity_id", ["document_id", "event_id"], PerDocument: true),
        new("properties", "entity_id", [], PerDocument: true),
        new("properties", "speaker_id", [], PerDocument: true),
        new("entity_resolutions", "entity_id", [], PerDocument: true),
        new("entity_aliases", "entity_id", ["alias"], PerDocument: false),
        new("entity_keys", "entity_id", ["type", "kind", "key"], PerDocument: false),
    ];

    private sealed record EntityColumn(string Table, string Column, string[] UniqueWith, bool PerDocument);

    /// <summary>
    /// The stored entity <paramref name="reference"/> names: an id, an id prefix of at least eight
    /// characters, or a name or alias (folded, any type). HRM0210 when nothing matches; HRM0211 when
    /// several entities do, listing them. Stricter than the queries' <see cref="ResolveEntity"/> on
    /// purpose: a merge or split must never guess, so a name that is one entity's name and another's
    /// alias ("Djibo", the town and the general) is ambiguous here, where a query prefers the name.
    /// </summary>
    public EntityHandle LookUpEntity(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        using var transaction = BeginRead();
        return LookUpEntity(reference.Trim(), transaction);
    }

    private EntityHandle LookUpEntity(string reference, DbTransaction transaction)
    {
        var byId = Handles("SELECT id, type, name, registry_id AS RegistryId FROM entities WHERE id = @Reference", new { Reference = reference }, transaction);
        if (byId.Count == 0 && reference.StartsWith("ent_", StringComparison.Ordinal) && reference.Length >= 8)
        {
            // Ids are "ent_" and lower-case hex, all below '{' in code-unit order: a range on the primary key.
            byId = Handles(
                "SELECT id, type, name, registry_id AS RegistryId FROM entities WHERE id >= @Reference AND id < @Upper ORDER BY id LIMIT 10",
                new { Reference = reference, Upper = reference + "{" },
                transaction);
        }

        var found = byId.Count > 0
            ? byId
            : Handles(
                """
                SELECT DISTINCT e.id, e.type, e.name, e.registry_id AS RegistryId
                FROM entity_keys k JOIN entities e ON e.id = k.entity_id
                WHERE k.kind = 'name' AND k.key = @Key ORDER BY e.type, e.name, e.id LIMIT 10
                """,
                new { Key = NameKey.Fold(reference) },
                transaction);
        return found.Count switch
        {
            0 => throw HarmattanError.EntityNotFound.At(reference, "give an entity id, an id prefix, a name or an alias"),
            1 => found[0],
            _ => throw HarmattanError.AmbiguousEntity.At(
                reference,
                "it matches " + string.Join("; ", found.Select(Describe)) + "; give the id instead",
                candidates: found.Select(e => new Candidate(e.Id, e.Name, e.Type.ToString())).ToList()),
        };
    }

    /// <summary>
    /// Folds <paramref name="absorbed"/> into <paramref name="kept"/> in one transaction: every reference to
    /// it (mentions, claims, relations, events, properties, resolutions, aliases, lookup keys) now names
    /// the kept entity, its name becomes an alias, and the absorbed entity row is removed. Queries never
    /// follow a redirect because there is none. Refused (HRM0212) for two entities of different types,
    /// for two linked to different registry entries, or for an entity and itself. The change records who, when and every row it touched, so
    /// <see cref="UndoChange"/> restores them exactly.
    /// </summary>
    /// <param name="expectedKept">
    /// Optimistic concurrency: the <see cref="LatestChange"/> the caller saw for <paramref name="kept"/> (a change id
    /// or prefix, or <see cref="NoChange"/>); when another analyst merged, split or undid since, the merge is refused
    /// with HRM0221 and changes nothing. Null: no check.
    /// </param>
    /// <param name="expectedAbsorbed">The same for <paramref name="absorbed"/>.</param>
    public EntityChange MergeEntities(string kept, string absorbed, string by, string? expectedKept = null, string? expectedAbsorbed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        using var transaction = BeginWrite();
        var a = LookUpExpected(kept.Trim(), expectedKept, transaction);
        var b = LookUpExpected(absorbed.Trim(), expectedAbsorbed, transaction);
        Expect(a, kept, expectedKept, transaction);
        Expect(b, absorbed, expectedAbsorbed, transaction);
        if (string.Equals(a.Id, b.Id, StringComparison.Ordinal))
        {
            throw HarmattanError.MergeRefused.At(kept, $"'{absorbed}' is the same entity, {Describe(a)}");
        }

        if (a.Type != b.Type)
        {
            throw HarmattanError.MergeRefused.At(
                kept, $"different types never merge: {Describe(a)} is a {a.Type}, {Describe(b)} is a {b.Type}");
        }

        if (a.RegistryId is not null && b.RegistryId is not null && !string.Equals(a.RegistryId, b.RegistryId, StringComparison.Ordinal))
        {
            // Resolution never links a report's entity to another registry entry's, so the next report
            // would bring B back: two entries that are one actor are a fix to data/registries.
            throw HarmattanError.MergeRefused.At(
                kept, $"the registry lists them as different actors ({a.RegistryId}, {b.RegistryId}); correct data/registries instead");
        }

        var at = _clock.GetUtcNow();
        var change = new EntityChange(
            StableId.For("chg", "merge", a.Id, b.Id, StoredValues.Timestamp(at)),
            EntityChangeKind.Merge, a.Id, a.Name, b.Id, b.Name, null, by, at, 0, null, null);
        InsertChange(change, transaction);
        var rows = 0;
        foreach (var column in EntityColumns)
        {
            rows += Repoint(change.Id, column, b.Id, a.Id, documentId: null, transaction);
        }

        rows += InsertRecorded(change.Id, "entity_aliases",
            $"INSERT INTO entity_aliases (entity_id, alias) VALUES (@EntityId, @Alias) ON CONFLICT DO NOTHING RETURNING {_dialect.RowId}",
            new { EntityId = a.Id, Alias = b.Name }, transaction);
        if (a.RegistryId is null && b.RegistryId is not null)
        {
            rows += Record(change.Id, "update", "entities", "registry_id", $"SELECT {_dialect.RowId} FROM entities WHERE id = @Id", new { a.Id }, transaction);
            _connection.Execute("UPDATE entities SET registry_id = @RegistryId WHERE id = @Id", new { a.Id, b.RegistryId }, transaction);
        }

        rows += DeleteRecorded(change.Id, "entities", "id = @Id", new { b.Id }, transaction);
        return Finish(change with { Rows = rows }, transaction);
    }

    /// <summary>
    /// Gives one document's occurrences of <paramref name="entity"/> (its mentions, and every fact of that
    /// document naming it) to a new entity of the same type, named as the document first names it, for an
    /// occurrence that was linked to the wrong actor. Recorded and undoable like a merge.
    /// </summary>
    /// <param name="expected">
    /// Optimistic concurrency, as for <see cref="MergeEntities"/>: the <see cref="LatestChange"/> the caller saw for
    /// <paramref name="entity"/>; HRM0221 when it is no longer the latest. Null: no check.
    /// </param>
    public EntityChange SplitDocument(string entity, string documentIdOrPrefix, string by, string? expected = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentNullException.ThrowIfNull(documentIdOrPrefix);
        using var transaction = BeginWrite();
        var a = LookUpExpected(entity.Trim(), expected, transaction);
        Expect(a, entity, expected, transaction);
        var documentId = ResolveId(documentIdOrPrefix.Trim().ToLowerInvariant(), transaction);
        var surfaces = _connection.Query<string>(
            "SELECT surface FROM mentions WHERE document_seq = (SELECT seq FROM documents WHERE id = @DocumentId) AND entity_id = @Id ORDER BY span_start",
            new { DocumentId = documentId, a.Id },
            transaction).Distinct(StringComparer.Ordinal).ToList();
        var named = _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM document_entities WHERE document_id = @DocumentId AND entity_id = @Id",
            new { DocumentId = documentId, a.Id },
            transaction) > 0;
        if (!named)
        {
            throw HarmattanError.EntityNotFound.At(entity, $"document {documentId} does not name {Describe(a)}");
        }

        var at = _clock.GetUtcNow();
        var name = surfaces.Count > 0 ? surfaces[0] : a.Name;
        var newId = StableId.For("ent", "split", a.Id, documentId, StoredValues.Timestamp(at));
        var change = new EntityChange(
            StableId.For("chg", "split", a.Id, documentId, StoredValues.Timestamp(at)),
            EntityChangeKind.Split, a.Id, a.Name, newId, name, documentId, by, at, 0, null, null);
        InsertChange(change, transaction);
        var rows = InsertRecorded(change.Id, "entities",
            $"INSERT INTO entities (id, type, name) VALUES (@Id, @Type, @Name) RETURNING {_dialect.RowId}",
            new { Id = newId, Type = a.Type.ToString(), Name = name }, transaction);
        foreach (var alias in surfaces.DefaultIfEmpty(name))
        {
            rows += InsertRecorded(change.Id, "entity_aliases",
                $"INSERT INTO entity_aliases (entity_id, alias) VALUES (@EntityId, @Alias) ON CONFLICT DO NOTHING RETURNING {_dialect.RowId}",
                new { EntityId = newId, Alias = alias }, transaction);
        }

        foreach (var key in EntityKeys.For(name, surfaces))
        {
            rows += InsertRecorded(change.Id, "entity_keys",
                $"INSERT INTO entity_keys (type, kind, key, entity_id) VALUES (@Type, @Kind, @Key, @EntityId) ON CONFLICT DO NOTHING RETURNING {_dialect.RowId}",
                new { Type = a.Type.ToString(), Kind = EntityKeys.ToColumn(key.Kind), key.Key, EntityId = newId }, transaction);
        }

        foreach (var column in EntityColumns.Where(c => c.PerDocument))
        {
            rows += Repoint(change.Id, column, a.Id, newId, documentId, transaction);
        }

        return Finish(change with { Rows = rows }, transaction);
    }

    /// <summary>
    /// Undoes a merge or a split: every row it rewrote gets its old value back, every row it removed comes
    /// back with its old row id, every row it added goes. Refused (HRM0214) when it is already undone or
    /// when a later change that is still in force involves the same entities (undo that one first), or when
    /// an entity the change created has gained facts since, or when a document naming its entities was
    /// re-extracted after it, or when a row it rewrote is gone (its document was deleted or replaced since).
    /// </summary>
    public EntityChange UndoChange(string changeId, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        using var transaction = BeginWrite();
        var change = FindChange(changeId.Trim(), transaction);
        if (change.UndoneBy is not null)
        {
            throw HarmattanError.UndoRefused.At(change.Id, $"{change.UndoneBy} undid it at {StoredValues.Timestamp(change.UndoneAt!.Value)}");
        }

        var later = _connection.Query<string>(
            """
            SELECT id FROM entity_changes
            WHERE seq > (SELECT seq FROM entity_changes WHERE id = @Id) AND undone_by IS NULL
              AND (entity_id IN (@EntityId, @OtherId) OR other_id IN (@EntityId, @OtherId))
            ORDER BY seq
            """,
            new { change.Id, change.EntityId, change.OtherId },
            transaction).AsList();
        if (later.Count > 0)
        {
            throw HarmattanError.UndoRefused.At(change.Id, "later changes involve the same entities; undo them first: " + string.Join(", ", later));
        }

        // A change restores rows by row id. Re-extracting a document replaces its rows (and SQLite may hand
        // a freed rowid to a new row), so a change older than the re-extraction of a document naming its
        // entities cannot be undone row for row any more.
        var reextracted = _connection.ExecuteScalar<string?>(
            """
            SELECT d.id FROM documents d
            WHERE d.extracted_at > @At
              AND (d.id = @DocumentId OR EXISTS (SELECT 1 FROM document_entities x WHERE x.document_id = d.id AND x.entity_id IN (@EntityId, @OtherId)))
            LIMIT 1
            """,
            new { At = StoredValues.Timestamp(change.At), change.DocumentId, change.EntityId, change.OtherId },
            transaction);
        if (reextracted is not null)
        {
            throw HarmattanError.UndoRefused.At(
                change.Id, $"document {reextracted} was re-extracted after it, so its rows are not the ones the change rewrote; merge or split again instead");
        }

        RefuseIfRowsGone(change, transaction);
        var rows = _connection.Query<ChangeRow>(
            """
            SELECT action, table_name AS TableName, row_id AS RowId, column_name AS ColumnName, old_value AS OldValue, row_json AS RowJson
            FROM entity_change_rows WHERE change_id = @Id ORDER BY seq DESC
            """,
            new { change.Id },
            transaction).AsList();
        try
        {
            foreach (var row in rows)
            {
                Restore(row, transaction);
            }
        }
        catch (DbException e) when (_dialect.IsConstraintViolation(e))
        {
            throw HarmattanError.UndoRefused.At(
                change.Id, $"{Describe(change.OtherId, change.OtherName)} has gained facts since the change; merge it back instead", e);
        }

        RecountTallies([change.EntityId, change.OtherId], transaction);
        var at = _clock.GetUtcNow();
        _connection.Execute(
            "UPDATE entity_changes SET undone_by = @By, undone_at = @At WHERE id = @Id",
            new { By = by, At = StoredValues.Timestamp(at), change.Id },
            transaction);
        Audit(transaction, by, "change.undo", change.Id, $"{change.Kind.ToString().ToLowerInvariant()} of {Describe(change.EntityId, change.EntityName)} and {Describe(change.OtherId, change.OtherName)} undone");
        transaction.Commit();
        return change with { UndoneBy = by, UndoneAt = at };
    }

    /// <summary>
    /// The merge that <paramref name="reference"/> names: a change id or id prefix, or the name or id of the
    /// entity it absorbed (the latest merge still in force). HRM0213 when there is none, HRM0211 when a
    /// name fits several.
    /// </summary>
    public EntityChange FindMerge(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        using var transaction = BeginRead();
        reference = reference.Trim();
        if (reference.StartsWith("chg_", StringComparison.Ordinal))
        {
            return FindChange(reference, transaction);
        }

        var key = NameKey.Fold(reference);
        var merges = Changes("WHERE kind = 'merge' AND undone_by IS NULL ORDER BY seq DESC", new { }, transaction)
            .Where(c => string.Equals(c.OtherId, reference, StringComparison.Ordinal)
                || string.Equals(NameKey.Fold(c.OtherName), key, StringComparison.Ordinal))
            .ToList();
        return merges.Count switch
        {
            0 => throw HarmattanError.ChangeNotFound.At(reference, "no merge in force absorbed an entity of that name or id"),
            1 => merges[0],
            _ => throw HarmattanError.AmbiguousEntity.At(reference, "several merges absorbed that name: " + string.Join(", ", merges.Select(m => m.Id)) + "; give the merge id"),
        };
    }

    /// <summary>What <see cref="LatestChange"/> is for an entity that no merge or split in force involves.</summary>
    public const string NoChange = "none";

    /// <summary>
    /// The latest merge or split in force that involves <paramref name="entity"/> (kept or absorbed, split from or
    /// created by a split), or null when there is none: the entity's version as merges and splits see it. Undo
    /// refuses a change under a later one in force on the same entities, so the changes in force on an entity form
    /// a stack, and its top names the state the entity is in; a caller that hands it back as <c>expected</c> to
    /// <see cref="MergeEntities"/> or <see cref="SplitDocument"/> changes the entity only if nobody merged, split or
    /// undid since (an undo brings back the state, and the id, that was before).
    /// </summary>
    public EntityChange? LatestChange(string entity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entity);
        using var transaction = BeginRead();
        return Latest(LookUpEntity(entity.Trim(), transaction).Id, transaction);
    }

    private EntityChange? Latest(string entityId, DbTransaction transaction) =>
        Changes("WHERE undone_at IS NULL AND (entity_id = @Id OR other_id = @Id) ORDER BY seq DESC LIMIT 1", new { Id = entityId }, transaction)
            .FirstOrDefault();

    /// <summary>
    /// The entity <paramref name="reference"/> names. When the caller expects a state of it and a change in force
    /// made the reference fail meanwhile, HRM0221 says which, by whom and when (rather than HRM0210 or HRM0211): a
    /// merge absorbed the entity, or a split created another entity of that name.
    /// </summary>
    private EntityHandle LookUpExpected(string reference, string? expected, DbTransaction transaction)
    {
        try
        {
            return LookUpEntity(reference, transaction);
        }
        catch (HarmattanException e) when (expected is not null && (e.Error == HarmattanError.EntityNotFound || e.Error == HarmattanError.AmbiguousEntity))
        {
            var key = NameKey.Fold(reference);
            var kind = e.Error == HarmattanError.EntityNotFound ? "merge" : "split";
            var change = Changes("WHERE kind = @Kind AND undone_at IS NULL ORDER BY seq DESC", new { Kind = kind }, transaction)
                .FirstOrDefault(c => c.OtherId == reference || NameKey.Fold(c.OtherName) == key);
            if (change is null)
            {
                throw;
            }

            var what = change.Kind == EntityChangeKind.Merge
                ? $"merged {Describe(change.OtherId, change.OtherName)} into {Describe(change.EntityId, change.EntityName)}"
                : $"split document {change.DocumentId} out of {Describe(change.EntityId, change.EntityName)} as {Describe(change.OtherId, change.OtherName)}";
            throw HarmattanError.ChangeConflict.At(
                reference, $"{change.By} {what} at {StoredValues.Timestamp(change.At)} ({change.Id}) meanwhile; look again and decide again", e);
        }
    }

    /// <summary>Refuses (HRM0221) when <paramref name="expected"/> is given and is not the entity's latest change in force.</summary>
    private void Expect(EntityHandle entity, string reference, string? expected, DbTransaction transaction)
    {
        if (expected is null)
        {
            return;
        }

        expected = expected.Trim();
        var none = string.Equals(expected, NoChange, StringComparison.OrdinalIgnoreCase);
        if (!none && !(expected.StartsWith("chg_", StringComparison.Ordinal) && expected.Length >= 8))
        {
            throw HarmattanError.BadArgument.At(
                expected, $"an expected change is the id (or 8+ character prefix) of the entity's latest change in force, as entity-log lists it, or '{NoChange}'");
        }

        var latest = Latest(entity.Id, transaction);
        if (latest is null ? none : !none && latest.Id.StartsWith(expected, StringComparison.Ordinal))
        {
            return;
        }

        var now = latest is null
            ? "no change in force"
            : $"{latest.Id}, a {latest.Kind.ToString().ToLowerInvariant()} by {latest.By} at {StoredValues.Timestamp(latest.At)}";
        throw HarmattanError.ChangeConflict.At(
            reference,
            $"the latest change in force on {Describe(entity)} is {now}, not {expected}: someone merged, split or undid meanwhile; look at entity-log and decide again");
    }

    /// <summary>Merges and splits, newest first; only those involving <paramref name="entity"/> when it is given.</summary>
    public IReadOnlyList<EntityChange> ListChanges(string? entity = null, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var transaction = BeginRead();
        if (entity is null)
        {
            return Changes("ORDER BY seq DESC LIMIT @Limit", new { Limit = limit }, transaction);
        }

        // An absorbed entity no longer exists, so its id or name is looked for in the record itself.
        var id = TryLookUp(entity.Trim(), transaction)?.Id ?? entity.Trim();
        var key = NameKey.Fold(entity);
        return Changes("ORDER BY seq DESC", new { }, transaction)
            .Where(c => c.EntityId == id || c.OtherId == id || NameKey.Fold(c.OtherName) == key || NameKey.Fold(c.EntityName) == key)
            .Take(limit)
            .ToList();
    }

    private EntityHandle? TryLookUp(string reference, DbTransaction transaction)
    {
        try
        {
            return LookUpEntity(reference, transaction);
        }
        catch (HarmattanException e) when (e.Error == HarmattanError.EntityNotFound)
        {
            return null;
        }
    }

    private EntityChange FindChange(string idOrPrefix, DbTransaction transaction)
    {
        var found = Changes("WHERE id >= @Id AND id < @Upper ORDER BY seq LIMIT 2", new { Id = idOrPrefix, Upper = idOrPrefix + "{" }, transaction);
        return found.Count switch
        {
            0 => throw HarmattanError.ChangeNotFound.At(idOrPrefix),
            1 => found[0],
            _ => throw HarmattanError.ChangeNotFound.At(idOrPrefix, $"it is the prefix of {found[0].Id}, {found[1].Id} and maybe more; type more"),
        };
    }

    private List<EntityChange> Changes(string tail, object parameters, DbTransaction transaction) =>
        _connection.Query<EntityChangeRow>(
                $"""
                SELECT id, kind, entity_id AS EntityId, entity_name AS EntityName, other_id AS OtherId, other_name AS OtherName,
                       document_id AS DocumentId, by, at, rows, undone_by AS UndoneBy, undone_at AS UndoneAt
                FROM entity_changes {tail}
                """,
                parameters,
                transaction)
            .Select(r => new EntityChange(
                r.Id,
                Enum.Parse<EntityChangeKind>(r.Kind, ignoreCase: true),
                r.EntityId,
                r.EntityName,
                r.OtherId,
                r.OtherName,
                r.DocumentId,
                r.By,
                StoredValues.ParseTimestamp(r.At),
                (int)r.Rows,
                r.UndoneBy,
                r.UndoneAt is null ? null : StoredValues.ParseTimestamp(r.UndoneAt)))
            .ToList();

    private void InsertChange(EntityChange change, DbTransaction transaction) =>
        _connection.Execute(
            """
            INSERT INTO entity_changes (id, kind, entity_id, entity_name, other_id, other_name, document_id, by, at, rows)
            VALUES (@Id, @Kind, @EntityId, @EntityName, @OtherId, @OtherName, @DocumentId, @By, @At, 0)
            """,
            new
            {
                change.Id,
                Kind = change.Kind.ToString().ToLowerInvariant(),
                change.EntityId,
                change.EntityName,
                change.OtherId,
                change.OtherName,
                change.DocumentId,
                change.By,
                At = StoredValues.Timestamp(change.At),
            },
            transaction);

    private EntityChange Finish(EntityChange change, DbTransaction transaction)
    {
        RecountTallies([change.EntityId, change.OtherId], transaction);
        _connection.Execute("UPDATE entity_changes SET rows = @Rows WHERE id = @Id", new { change.Rows, change.Id }, transaction);
        Audit(transaction, change.By, change.Kind.ToString().ToLowerInvariant(), change.Id,
            change.Kind == EntityChangeKind.Merge
                ? $"{Describe(change.OtherId, change.OtherName)} folded into {Describe(change.EntityId, change.EntityName)}"
                : $"document {change.DocumentId}: {Describe(change.OtherId, change.OtherName)} split from {Describe(change.EntityId, change.EntityName)}");
        transaction.Commit();
        return change;
    }

    private List<EntityHandle> Handles(string sql, object parameters, DbTransaction transaction) =>
        _connection.Query<(string Id, string Type, string Name, string? RegistryId)>(sql, parameters, transaction)
            .Select(e => new EntityHandle(e.Id, Enum.Parse<EntityType>(e.Type), e.Name, e.RegistryId))
            .ToList();

    private static string Describe(EntityHandle entity) => $"{entity.Id} {entity.Type} '{entity.Name}'";

    private static string Describe(string id, string name) => $"{id} '{name}'";
}
