using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every place and country with how many events happen there, how often it is mentioned and in how
    /// many documents; most eventful first, then most mentioned, then by name.
    /// </summary>
    public IReadOnlyList<PlaceUsage> Places()
    {
        using var transaction = BeginRead();
        return _connection.Query<PlaceUsageRow>(
                """
                SELECT e.id, e.name, e.type, e.registry_id AS RegistryId,
                       (SELECT count(*) FROM event_places p JOIN events v ON v.document_id = p.document_id AND v.id = p.event_id
                         WHERE p.entity_id = e.id AND v.status <> 'rejected') AS Events,
                       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.status <> 'rejected') AS Mentions,
                       (SELECT count(*) FROM document_entities d WHERE d.entity_id = e.id) AS Documents
                FROM entities e
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
