using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>Row counts, entities per type, the ten most mentioned entities and the database size.</summary>
    public StoreStats GetStats()
    {
        using var transaction = BeginRead();
        var counts = _connection.QuerySingle<(long Documents, long Entities, long Aliases, long Mentions, long Claims, long Relations, long Events, long Quantities)>(
            """
            SELECT (SELECT count(*) FROM documents),
                   (SELECT count(*) FROM entities),
                   (SELECT count(*) FROM entity_aliases),
                   (SELECT count(*) FROM mentions),
                   (SELECT count(*) FROM claims),
                   (SELECT count(*) FROM relations),
                   (SELECT count(*) FROM events),
                   (SELECT count(*) FROM quantities)
            """,
            transaction: transaction);
        var byType = _connection.Query<(string Type, long Count)>(
                "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type",
                transaction: transaction)
            .ToDictionary(row => Enum.Parse<EntityType>(row.Type), row => row.Count);
        var top = QueryTopEntities(10, transaction);
        return new StoreStats(
            SchemaVersion,
            counts.Documents,
            counts.Entities,
            counts.Aliases,
            counts.Mentions,
            counts.Claims,
            counts.Relations,
            counts.Events,
            counts.Quantities,
            byType,
            top,
            _dialect.DatabaseSize(_connection, transaction));
    }

    /// <summary>
    /// Entities by number of mentions (not rejected) across all documents, then by number of documents that list
    /// them, then by name: from the counts the writers keep (<c>entity_tallies</c>). Entities never mentioned (only
    /// named as a speaker, say) do not appear.
    /// </summary>
    public IReadOnlyList<TopEntity> TopEntities(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryTopEntities(limit, transaction: null);
    }

    private List<TopEntity> QueryTopEntities(int limit, DbTransaction? transaction) =>
        _connection.Query<TopEntityRow>(
                """
                SELECT e.id, e.name, e.type, t.documents AS Documents, t.mentions AS Mentions
                FROM entity_tallies t JOIN entities e ON e.id = t.entity_id
                WHERE t.mentions > 0
                ORDER BY t.mentions DESC, t.documents DESC, e.name, e.id
                LIMIT @Limit
                """,
                new { Limit = limit },
                transaction)
            .Select(row => new TopEntity(row.Id, row.Name, Enum.Parse<EntityType>(row.Type), (int)row.Documents, (int)row.Mentions))
            .ToList();
}
