using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every place and country with how many events happen there, how often it is mentioned and in how
    /// many documents; most eventful first, then most mentioned, then by name.
    /// </summary>
    /// <remarks>
    /// Each count reads the entity's range of one index and nothing else: what was rejected (events, mentions) is
    /// counted apart and taken off, through the by-status index and migration 16's index of rejected mentions,
    /// which hold few rows. Checking the status of every event and mention of every place instead read their rows,
    /// and took 1.25 s at 20,000 reports.
    /// </remarks>
    public IReadOnlyList<PlaceUsage> Places()
    {
        using var transaction = BeginRead();
        return _connection.Query<PlaceUsageRow>(
                """
                WITH rejected_events AS (
                    SELECT p.entity_id, count(*) AS n
                    FROM events v JOIN event_places p ON p.document_id = v.document_id AND p.event_id = v.id
                    WHERE v.status = 'rejected'
                    GROUP BY p.entity_id),
                rejected_mentions AS (
                    SELECT entity_id, count(*) AS n FROM mentions WHERE status = 'rejected' GROUP BY entity_id)
                SELECT e.id, e.name, e.type, e.registry_id AS RegistryId,
                       (SELECT count(*) FROM event_places p WHERE p.entity_id = e.id) - coalesce(re.n, 0) AS Events,
                       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) - coalesce(rm.n, 0) AS Mentions,
                       (SELECT count(*) FROM document_entities d WHERE d.entity_id = e.id) AS Documents
                FROM entities e
                LEFT JOIN rejected_events re ON re.entity_id = e.id
                LEFT JOIN rejected_mentions rm ON rm.entity_id = e.id
                WHERE e.type IN ('Place', 'Country') AND e.status <> 'rejected'
                ORDER BY Events DESC, Mentions DESC, e.name, e.id
                """,
                transaction: transaction)
            .Select(row => new PlaceUsage(
                new EntityRef(row.Id, row.Name, Enum.Parse<EntityType>(row.Type)),
                row.RegistryId,
                (int)row.Events,
                (int)row.Mentions,
                (int)row.Documents))
            .ToList();
    }
}
