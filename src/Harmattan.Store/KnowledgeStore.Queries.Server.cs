using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>How many documents the store holds (the total a paged listing reports).</summary>
    public long CountDocuments() => _connection.ExecuteScalar<long>("SELECT count(*) FROM documents");

    /// <summary>
    /// One page of the stored entities, optionally of one type, ordered by name then id, with how many
    /// there are in all: what a browsing host lists when no name is asked for. Entities an analyst
    /// rejected are left out (they are still found by name, to undo the rejection).
    /// </summary>
    public (IReadOnlyList<EntityRef> Entities, long Total) ListEntities(EntityType? type, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var transaction = BeginRead();
        var args = new { Type = type?.ToString(), Offset = offset, Limit = limit };
        var total = _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM entities WHERE (@Type IS NULL OR type = @Type) AND status <> 'rejected'", args, transaction);
        var rows = _connection.Query<EntityRefRow>(
            "SELECT id, name, type FROM entities WHERE (@Type IS NULL OR type = @Type) AND status <> 'rejected' ORDER BY name, id LIMIT @Limit OFFSET @Offset",
            args,
            transaction);
        return (rows.Select(r => new EntityRef(r.Id, r.Name, Enum.Parse<EntityType>(r.Type))).ToList(), total);
    }
}
