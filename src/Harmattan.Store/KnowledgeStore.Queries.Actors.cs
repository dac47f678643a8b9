using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Everything stored about one entity: aliases, attributes with their sources, relations in both
    /// directions, the events it takes part in or that happen there, the claims it made and the claims about
    /// it, and the first and last dates of the documents that name it.
    /// </summary>
    public ActorProfile GetActorProfile(EntityRef entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var args = new { entity.Id };
        var registryId = _connection.ExecuteScalar<string?>("SELECT registry_id FROM entities WHERE id = @Id", args, transaction);
        var aliases = _connection.Query<string>(
            "SELECT alias FROM entity_aliases WHERE entity_id = @Id ORDER BY seq", args, transaction).ToList();
        var documents = _connection.Query<(string DocumentId, long Mentions)>(
                """
                WITH naming (document_id) AS (
                    SELECT document_id FROM document_entities WHERE entity_id = @Id
                    UNION SELECT document_id FROM mentions WHERE entity_id = @Id
                    UNION SELECT document_id FROM claims WHERE speaker_id = @Id
                    UNION SELECT document_id FROM claim_about WHERE entity_id = @Id
                    UNION SELECT document_id FROM relations WHERE source_id = @Id OR target_id = @Id
                    UNION SELECT document_id FROM event_actors WHERE entity_id = @Id
                    UNION SELECT document_id FROM event_places WHERE entity_id = @Id)
                SELECT n.document_id,
                       (SELECT count(*) FROM mentions m WHERE m.document_id = n.document_id AND m.entity_id = @Id)
                FROM naming n
                """,
                args,
                transaction)
            .Select(row =>
            {
                var (title, date, published) = reader.Document(row.DocumentId);
                return new NamingDocument(row.DocumentId, title, date, published, (int)row.Mentions);
            })
            .OrderBy(d => d.Date.Earliest)
            .ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
        return new ActorProfile(
            entity,
            registryId,
            aliases,
            documents,
            documents.Count == 0 ? null : documents.Select(d => d.Date).MinBy(d => d.Earliest),
            documents.Count == 0 ? null : documents.Select(d => d.Date).MaxBy(d => d.Latest),
            ReadAttributes(reader, "p.entity_id = @Id", args),
            ReadRelations(reader, "r.source_id = @Id OR r.target_id = @Id", args),
            ReadEvents(reader,
                """
                EXISTS (SELECT 1 FROM event_actors a WHERE a.document_id = e.document_id AND a.event_id = e.id AND a.entity_id = @Id)
                OR EXISTS (SELECT 1 FROM event_places p WHERE p.document_id = e.document_id AND p.event_id = e.id AND p.entity_id = @Id)
                """,
                args),
            ReadClaims(reader, "c.speaker_id = @Id", args),
            ReadClaims(reader,
                "EXISTS (SELECT 1 FROM claim_about a WHERE a.document_id = c.document_id AND a.claim_id = c.id AND a.entity_id = @Id)",
                args));
    }
}
