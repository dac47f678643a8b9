using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The table of actor attributes; a database from before its migration has none.</summary>
    private const string PropertiesTable = "properties";

    /// <summary>
    /// Attribute statements (ideology, goal, strength, founded, ...), of one entity or of all, in document
    /// date order. A knowledge base whose schema predates attributes has none, and the answer is empty.
    /// </summary>
    public IReadOnlyList<AttributeFact> FindAttributes(EntityRef? entity = null)
    {
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        return entity is null
            ? ReadAttributes(reader, "1 = 1", null)
            : ReadAttributes(reader, "p.entity_id = @Id", new { entity.Id });
    }

    internal static List<AttributeFact> ReadAttributes(FactReader reader, string where, object? args)
    {
        if (!reader.HasTable(PropertiesTable))
        {
            return [];
        }

        return reader.Connection.Query<AttributeFactRow>(
                $"""
                SELECT p.id, p.document_id AS DocumentId, p.entity_id AS EntityId, p.name, p.value, p.surface,
                       p.speaker_id AS SpeakerId, p.as_of AS AsOf, p.as_of_precision AS AsOfPrecision,
                       p.evidence_start AS EvidenceStart, p.evidence_end AS EvidenceEnd
                FROM {PropertiesTable} p
                WHERE p.status <> 'rejected' AND ({where})
                ORDER BY p.seq
                """,
                args,
                reader.Transaction)
            .Select(row => new AttributeFact(
                row.Id,
                reader.Entity(row.EntityId),
                row.Name,
                row.Value,
                row.Surface,
                row.SpeakerId is null ? null : reader.Entity(row.SpeakerId),
                StoredValues.ParseOptionalDate(row.AsOf, row.AsOfPrecision),
                reader.Source(row.DocumentId, row.EvidenceStart, row.EvidenceEnd)))
            .OrderBy(a => a.From.Date.Earliest)
            .ThenBy(a => a.From.DocumentId, StringComparer.Ordinal)
            .ToList();
    }
}
