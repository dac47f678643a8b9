using System.Data.Common;
using Dapper;

namespace Harmattan.Store;

/// <summary>
/// How many documents list an entity, how often it is mentioned (mentions not rejected) and how many events not
/// rejected happen there: one row of <c>entity_tallies</c> (migration 17).
/// </summary>
internal readonly record struct EntityTally(long Documents, long Mentions, long Events)
{
    public bool IsZero => Documents == 0 && Mentions == 0 && Events == 0;

    public static EntityTally operator +(EntityTally a, EntityTally b) => new(a.Documents + b.Documents, a.Mentions + b.Mentions, a.Events + b.Events);

    public static EntityTally operator -(EntityTally a, EntityTally b) => new(a.Documents - b.Documents, a.Mentions - b.Mentions, a.Events - b.Events);
}

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// What the rows of some documents add to their entities' tallies. A writer that changes a document's rows reads
    /// this before and after, and adds the difference (<see cref="AddTallies"/>); its cost is the documents' rows,
    /// whatever the size of the store.
    /// </summary>
    private Dictionary<string, EntityTally> TalliesOfDocuments(IReadOnlyCollection<string> documentIds, DbTransaction transaction)
    {
        if (documentIds.Count == 0)
        {
            return new Dictionary<string, EntityTally>(StringComparer.Ordinal);
        }

        return _connection.Query<(string EntityId, long Documents, long Mentions, long Events)>(
                $"""
                SELECT entity_id, sum(documents), sum(mentions), sum(events) FROM (
                    SELECT x.entity_id, 1 AS documents, 0 AS mentions, 0 AS events FROM document_entities x
                    WHERE {_dialect.InStrings("x.document_id", "@Ids")}
                    UNION ALL
                    SELECT m.entity_id, 0, 1, 0 FROM documents d JOIN mentions m ON m.document_seq = d.seq
                    WHERE {_dialect.InStrings("d.id", "@Ids")} AND m.status <> 'rejected'
                    UNION ALL
                    SELECT p.entity_id, 0, 0, 1 FROM event_places p JOIN events v ON v.document_id = p.document_id AND v.id = p.event_id
                    WHERE {_dialect.InStrings("p.document_id", "@Ids")} AND v.status <> 'rejected'
                ) t
                GROUP BY entity_id
                """,
                new { Ids = _dialect.Strings(documentIds) },
                transaction)
            .ToDictionary(r => r.EntityId, r => new EntityTally(r.Documents, r.Mentions, r.Events), StringComparer.Ordinal);
    }

    /// <summary>Adds what the rows of <paramref name="documentIds"/> bring to their entities' tallies (a new document's).</summary>
    private void AddTalliesOfDocuments(IReadOnlyCollection<string> documentIds, DbTransaction transaction) =>
        AddTallies(TalliesOfDocuments(documentIds, transaction), transaction);

    /// <summary>Takes off what the rows of <paramref name="documentIds"/> bring, before they are deleted.</summary>
    private void SubtractTalliesOfDocuments(IReadOnlyCollection<string> documentIds, DbTransaction transaction) =>
        AddTallies(TalliesOfDocuments(documentIds, transaction).ToDictionary(t => t.Key, t => default(EntityTally) - t.Value, StringComparer.Ordinal), transaction);

    /// <summary>
    /// Adds to the entities' tallies the difference between what the rows of <paramref name="documentIds"/> bring now
    /// and what they brought <paramref name="before"/> (<see cref="TalliesOfDocuments"/> read before a writer changed
    /// them).
    /// </summary>
    private void AddTallyDifference(IReadOnlyCollection<string> documentIds, Dictionary<string, EntityTally> before, DbTransaction transaction)
    {
        var after = TalliesOfDocuments(documentIds, transaction);
        foreach (var (entityId, tally) in before)
        {
            after[entityId] = after.GetValueOrDefault(entityId) - tally;
        }

        AddTallies(after, transaction);
    }

    /// <summary>Adds each difference to its entity's tally; a tally that comes to nothing is removed.</summary>
    private void AddTallies(Dictionary<string, EntityTally> differences, DbTransaction transaction)
    {
        var changed = differences.Where(d => !d.Value.IsZero).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        _dialect.MergeRows(_connection, transaction, "entity_tallies", ["entity_id", "documents", "mentions", "events"],
            """
            ON CONFLICT (entity_id) DO UPDATE SET documents = entity_tallies.documents + excluded.documents,
                mentions = entity_tallies.mentions + excluded.mentions, events = entity_tallies.events + excluded.events
            """,
            changed.Select(d => new object?[] { d.Key, d.Value.Documents, d.Value.Mentions, d.Value.Events }));
        RemoveEmptyTallies(changed.Select(d => d.Key), transaction);
    }

    /// <summary>
    /// Counts the rows of <paramref name="entityIds"/> again and keeps the counts: after a merge, a split or their undo,
    /// which move rows between entities in many documents. Each count reads the entity's range of an index; what was
    /// rejected is counted apart, from the indexes that hold it alone.
    /// </summary>
    private void RecountTallies(IEnumerable<string> entityIds, DbTransaction transaction)
    {
        var ids = entityIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counted = ids.Select(id => (Id: id, Tally: _connection.QuerySingle<(long Documents, long Mentions, long Events)>(
                """
                SELECT (SELECT count(*) FROM document_entities x WHERE x.entity_id = @Id),
                       (SELECT count(*) FROM mentions m WHERE m.entity_id = @Id)
                         - (SELECT count(*) FROM mentions m WHERE m.entity_id = @Id AND m.status = 'rejected'),
                       (SELECT count(*) FROM event_places p WHERE p.entity_id = @Id)
                         - (SELECT count(*) FROM events v JOIN event_places p ON p.document_id = v.document_id AND p.event_id = v.id
                            WHERE v.status = 'rejected' AND p.entity_id = @Id)
                """,
                new { Id = id },
                transaction)))
            .ToList();
        _dialect.MergeRows(_connection, transaction, "entity_tallies", ["entity_id", "documents", "mentions", "events"],
            "ON CONFLICT (entity_id) DO UPDATE SET documents = excluded.documents, mentions = excluded.mentions, events = excluded.events",
            counted.Select(c => new object?[] { c.Id, c.Tally.Documents, c.Tally.Mentions, c.Tally.Events }));
        RemoveEmptyTallies(ids, transaction);
    }

    private void RemoveEmptyTallies(IEnumerable<string> entityIds, DbTransaction transaction) =>
        _connection.Execute(
            $"DELETE FROM entity_tallies WHERE {_dialect.InStrings("entity_id", "@Ids")} AND documents = 0 AND mentions = 0 AND events = 0",
            new { Ids = _dialect.Strings(entityIds) },
            transaction);

    /// <summary>
    /// The kept tallies that differ from the rows counted again (for <see cref="CheckConsistency"/>): each entity
    /// whose counts are wrong, with what is kept and what the rows say. Reads every row that is counted.
    /// </summary>
    private List<(string EntityId, EntityTally Kept, EntityTally Counted)> WrongTallies(DbTransaction transaction)
    {
        var counted = _connection.Query<(string EntityId, long Documents, long Mentions, long Events)>(
                """
                SELECT entity_id, sum(documents), sum(mentions), sum(events) FROM (
                    SELECT entity_id, count(*) AS documents, 0 AS mentions, 0 AS events FROM document_entities GROUP BY entity_id
                    UNION ALL
                    SELECT entity_id, 0, count(*), 0 FROM mentions WHERE status <> 'rejected' GROUP BY entity_id
                    UNION ALL
                    SELECT p.entity_id, 0, 0, count(*) FROM event_places p JOIN events v ON v.document_id = p.document_id AND v.id = p.event_id
                    WHERE v.status <> 'rejected' GROUP BY p.entity_id
                ) t
                GROUP BY entity_id
                """,
                transaction: transaction)
            .ToDictionary(r => r.EntityId, r => new EntityTally(r.Documents, r.Mentions, r.Events), StringComparer.Ordinal);
        var kept = _connection.Query<(string EntityId, long Documents, long Mentions, long Events)>(
                "SELECT entity_id, documents, mentions, events FROM entity_tallies",
                transaction: transaction)
            .ToDictionary(r => r.EntityId, r => new EntityTally(r.Documents, r.Mentions, r.Events), StringComparer.Ordinal);
        return counted.Keys.Union(kept.Keys, StringComparer.Ordinal)
            .Select(id => (EntityId: id, Kept: kept.GetValueOrDefault(id), Counted: counted.GetValueOrDefault(id)))
            .Where(t => t.Kept != t.Counted)
            .OrderBy(t => t.EntityId, StringComparer.Ordinal)
            .ToList();
    }
}
