using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Deletes a stored document and everything stored for it, in one transaction with its line in the audit
    /// log ("delete"): its mentions, its facts of every kind and their links, the resolutions of its entities,
    /// the records an import made of it, its rows in the full-text indexes, and the analysts' reviews of its
    /// facts (a review is the state of a fact, so it goes with the fact; the audit log keeps the line each
    /// review wrote). An entity that no stored document names any more is removed with its aliases and lookup
    /// keys, unless an analyst reviewed it or a merge or split in force names it: such a decision is kept.
    /// Merges and splits in force that rewrote rows of the document stay in force but can no longer be undone
    /// (<see cref="UndoChange"/> refuses them). The same text can be ingested again afterwards: its id is the
    /// hash of the text, and it comes back with every fact proposed.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0204 when no document has that id or prefix, HRM0205 when the
    /// prefix fits several; nothing is changed then.</exception>
    public DocumentDeletion DeleteDocument(string idOrPrefix, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        using var transaction = BeginWrite();
        var id = ResolveId(idOrPrefix.Trim().ToLowerInvariant(), transaction);
        var (seq, title) = _connection.QuerySingle<(long, string)>("SELECT seq, title FROM documents WHERE id = @Id", new { Id = id }, transaction);
        var args = new { Id = id, Seq = seq };
        var (facts, mentions, reviews) = _connection.QuerySingle<(long, long, long)>(
            """
            SELECT (SELECT count(*) FROM claims WHERE document_id = @Id) + (SELECT count(*) FROM relations WHERE document_id = @Id)
                 + (SELECT count(*) FROM events WHERE document_id = @Id) + (SELECT count(*) FROM quantities WHERE document_seq = @Seq)
                 + (SELECT count(*) FROM properties WHERE document_id = @Id),
                   (SELECT count(*) FROM mentions WHERE document_seq = @Seq),
                   (SELECT count(*) FROM reviews WHERE document_id = @Id)
            """,
            args,
            transaction);
        var named = EntityColumns.Where(c => c.PerDocument)
            .SelectMany(c => _connection.Query<string?>($"SELECT DISTINCT t.{c.Column} FROM {c.Table} t WHERE {DocumentColumn.Is(c.Table, "t", "@Id")}", args, transaction))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var stranded = StrandedChanges(id, transaction);

        RemoveDocumentRows(id, transaction);
        var (removed, kept) = RemoveUnnamedEntities(named, transaction);

        var at = _clock.GetUtcNow();
        var deletion = new DocumentDeletion(
            id, title, (int)facts, (int)mentions, (int)reviews, removed, kept, stranded,
            string.IsNullOrWhiteSpace(by) ? LocalUser : by.Trim(), at);
        Audit(transaction, by, "delete", id,
            $"'{title}': {facts} facts, {mentions} mentions, {reviews} reviews, {removed.Count} entities removed"
            + (kept.Count > 0 ? $"; kept (reviewed, merged or split): {string.Join(", ", kept.Select(e => e.Name))}" : "")
            + (stranded.Count > 0 ? $"; can no longer be undone: {string.Join(", ", stranded)}" : ""));
        transaction.Commit();
        return deletion;
    }

    /// <summary>
    /// Removes a document and everything stored for it: its facts and their links, mentions, resolutions,
    /// reviews, import records, and its rows in the full-text index (<see cref="StoreDialect.UnindexDocument"/>,
    /// before the rows go, as an external-content FTS5 index needs the old values). Entities stay: they are
    /// shared. Used by <see cref="DeleteDocument(string, string?)"/> and by an import that replaces a record.
    /// </summary>
    private void RemoveDocumentRows(string id, DbTransaction transaction)
    {
        _dialect.UnindexDocument(_connection, transaction, id);
        SubtractTalliesOfDocuments([id], transaction);
        var seq = _connection.QuerySingle<long>("SELECT seq FROM documents WHERE id = @Id", new { Id = id }, transaction);
        _connection.Execute(
            """
            DELETE FROM claim_about WHERE document_id = @Id;
            DELETE FROM claims WHERE document_id = @Id;
            DELETE FROM relations WHERE document_id = @Id;
            DELETE FROM event_places WHERE document_id = @Id;
            DELETE FROM event_actors WHERE document_id = @Id;
            DELETE FROM events WHERE document_id = @Id;
            DELETE FROM properties WHERE document_id = @Id;
            DELETE FROM quantities WHERE document_seq = @Seq;
            DELETE FROM mentions WHERE document_seq = @Seq;
            DELETE FROM document_entities WHERE document_id = @Id;
            DELETE FROM entity_resolutions WHERE document_seq = @Seq;
            DELETE FROM review_changes WHERE review_id IN (SELECT id FROM reviews WHERE document_id = @Id);
            DELETE FROM reviews WHERE document_id = @Id;
            DELETE FROM imported_records WHERE document_id = @Id;
            DELETE FROM documents WHERE id = @Id;
            """,
            new { Id = id, Seq = seq },
            transaction);
    }

    /// <summary>
    /// Of <paramref name="candidates"/>, removes the entities no stored row names any more, with their aliases
    /// and lookup keys; an analyst's decision keeps one: a review of it (its status, or any review recorded),
    /// or a merge or split in force that names it (removing it would leave the change nothing to undo onto).
    /// </summary>
    private (IReadOnlyList<EntityHandle> Removed, IReadOnlyList<EntityHandle> Kept) RemoveUnnamedEntities(string[] candidates, DbTransaction transaction)
    {
        if (candidates.Length == 0)
        {
            return ([], []);
        }

        var unnamed = string.Join(
            "\n",
            EntityColumns.Where(c => c.PerDocument).Select(c => $"AND NOT EXISTS (SELECT 1 FROM {c.Table} x WHERE x.{c.Column} = e.id)"));
        var orphans = _connection.Query<(string Id, string Type, string Name, string? RegistryId, long Decided)>(
                $"""
                SELECT e.id, e.type, e.name, e.registry_id,
                       CAST(CASE WHEN e.status <> 'proposed'
                              OR EXISTS (SELECT 1 FROM reviews r WHERE r.kind = 'entity' AND r.fact_id = e.id)
                              OR EXISTS (SELECT 1 FROM entity_changes c WHERE c.undone_at IS NULL AND (c.entity_id = e.id OR c.other_id = e.id))
                            THEN 1 ELSE 0 END AS BIGINT)
                FROM entities e
                WHERE {_dialect.InStrings("e.id", "@Ids")}
                {unnamed}
                ORDER BY e.name, e.id
                """,
                new { Ids = _dialect.Strings(candidates) },
                transaction)
            .ToList();
        var removed = orphans.Where(o => o.Decided == 0).Select(o => new EntityHandle(o.Id, Enum.Parse<EntityType>(o.Type), o.Name, o.RegistryId)).ToList();
        var kept = orphans.Where(o => o.Decided != 0).Select(o => new EntityHandle(o.Id, Enum.Parse<EntityType>(o.Type), o.Name, o.RegistryId)).ToList();
        if (removed.Count > 0)
        {
            var ids = new { Ids = _dialect.Strings(removed.Select(e => e.Id)) };
            _connection.Execute($"DELETE FROM entity_aliases WHERE {_dialect.InStrings("entity_id", "@Ids")}", ids, transaction);
            _connection.Execute($"DELETE FROM entity_keys WHERE {_dialect.InStrings("entity_id", "@Ids")}", ids, transaction);
            _connection.Execute($"DELETE FROM entities WHERE {_dialect.InStrings("id", "@Ids")}", ids, transaction);
        }

        return (removed, kept);
    }

    /// <summary>
    /// The merges and splits in force that recorded rows of document <paramref name="id"/> (a reference they
    /// rewrote, a duplicate row they removed) or split it: once its rows are gone, they cannot be undone.
    /// </summary>
    private List<string> StrandedChanges(string id, DbTransaction transaction)
    {
        var perDocument = EntityColumns.Where(c => c.PerDocument).Select(c => c.Table).Distinct(StringComparer.Ordinal).ToList();
        var rewritten = perDocument.Select(table =>
            $"""
            SELECT r.change_id FROM entity_change_rows r JOIN {table} t ON t.{_dialect.RowId} = r.row_id
            WHERE r.table_name = '{table}' AND r.action = 'update' AND {DocumentColumn.Is(table, "t", "@Id")}
            """);
        return _connection.Query<string>(
                $"""
                SELECT c.id FROM entity_changes c
                WHERE c.undone_at IS NULL AND (
                    c.document_id = @Id
                    OR c.id IN ({string.Join(" UNION ", rewritten)})
                    OR c.id IN (SELECT r.change_id FROM entity_change_rows r
                                WHERE r.action = 'delete' AND {_dialect.InStrings("r.table_name", "@Tables")} AND r.row_json LIKE @Json))
                ORDER BY c.seq
                """,
                new { Id = id, Tables = _dialect.Strings(perDocument), Json = $"%\"document_id\":\"{id}\"%" },
                transaction)
            .AsList();
    }
}
