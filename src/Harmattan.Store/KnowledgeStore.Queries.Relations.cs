using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every stored relation the filter admits, one per document that states it, in document date order.
    /// The period is compared with the dates of the documents (published, else ingested). With entity types,
    /// a relation is kept when both parties have one of them, so the network is the one among those actors.
    /// </summary>
    public IReadOnlyList<RelationFact> FindRelations(RelationFilter? filter = null)
    {
        filter ??= new RelationFilter();
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var types = filter.Types is { Count: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : null;
        var entityTypes = filter.EntityTypes is { Count: > 0 } et ? et.ToHashSet() : null;
        var period = filter.Period ?? DatePeriod.Always;
        return ReadRelations(reader, "1 = 1", null)
            .Where(r => types is null || types.Contains(r.Type))
            .Where(r => entityTypes is null || entityTypes.Contains(r.Source.Type) && entityTypes.Contains(r.Target.Type))
            .Where(r => period.Overlaps(r.From.Date))
            .ToList();
    }

    internal static List<RelationFact> ReadRelations(FactReader reader, string where, object? args) =>
        reader.Connection.Query<RelationFactRow>(
                $"""
                SELECT r.id, r.document_id AS DocumentId, r.type, r.source_id AS SourceId, r.target_id AS TargetId, r.role,
                       r.evidence_start AS EvidenceStart, r.evidence_end AS EvidenceEnd, r.confidence
                FROM relations r
                WHERE r.status <> 'rejected' AND ({where})
                  AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.id IN (r.source_id, r.target_id) AND x.status = 'rejected')
                ORDER BY r.seq
                """,
                args,
                reader.Transaction)
            .Select(row => new RelationFact(
                row.Id,
                row.Type,
                reader.Entity(row.SourceId),
                reader.Entity(row.TargetId),
                row.Role,
                row.Confidence,
                reader.Source(row.DocumentId, row.EvidenceStart, row.EvidenceEnd)))
            .OrderBy(r => r.From.Date.Earliest)
            .ThenBy(r => r.From.DocumentId, StringComparer.Ordinal)
            .ToList();
}
