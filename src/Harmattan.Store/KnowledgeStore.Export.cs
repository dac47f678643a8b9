using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Everything the knowledge base holds, with full provenance, in one read transaction, held in memory: what
    /// the tests and the narrowed exports (one actor's, one place's) read. Rejected facts and entities are left
    /// out. An export of everything reads through <see cref="ReadForExport"/> instead, which holds no fact.
    /// </summary>
    /// <param name="naming">
    /// Null for the whole knowledge base; else only the documents that name every one of these entities (as one
    /// of their entities or in any fact or link), with what they state. A selection of one actor's or place's
    /// facts needs no other document, and reading all of them made such an export cost what the whole knowledge
    /// base costs (17 s and 3.6 GB for one actor of 20,000 reports).
    /// </param>
    public KnowledgeSnapshot ReadSnapshot(IReadOnlyCollection<string>? naming = null)
    {
        using var read = ReadForExport(naming);
        var facts = read.Facts;
        return new KnowledgeSnapshot(
            read.Documents,
            read.Entities,
            facts.Relations.ToList(),
            facts.Events.ToList(),
            facts.Claims.ToList(),
            facts.Attributes.ToList(),
            facts.Quantities.ToList());
    }

    /// <summary>
    /// A read of the knowledge base for an export, open until disposed: documents and entities held, facts read
    /// row by row as they are written (<see cref="KnowledgeRead"/>). <paramref name="naming"/> narrows it as it
    /// narrows <see cref="ReadSnapshot"/>. The read holds this store's connection in its transaction: use the store
    /// for nothing else until it is disposed.
    /// </summary>
    public KnowledgeRead ReadForExport(IReadOnlyCollection<string>? naming = null)
    {
        var transaction = BeginRead();
        try
        {
            return new KnowledgeRead(_connection, transaction, _dialect, naming is null ? null : DocumentsNaming(naming, transaction));
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The ids of the documents that name every one of <paramref name="entities"/>: as one of their entities, or in
    /// a relation, claim, claim link, event link or attribute (each found through its entity index).
    /// </summary>
    private HashSet<string> DocumentsNaming(IReadOnlyCollection<string> entities, DbTransaction transaction)
    {
        HashSet<string>? documents = null;
        foreach (var entity in entities.Distinct(StringComparer.Ordinal))
        {
            var naming = _connection.Query<string>(
                    """
                    SELECT document_id FROM document_entities WHERE entity_id = @Id
                    UNION SELECT document_id FROM relations WHERE source_id = @Id
                    UNION SELECT document_id FROM relations WHERE target_id = @Id
                    UNION SELECT document_id FROM claims WHERE speaker_id = @Id
                    UNION SELECT document_id FROM claim_about WHERE entity_id = @Id
                    UNION SELECT document_id FROM event_actors WHERE entity_id = @Id
                    UNION SELECT document_id FROM event_places WHERE entity_id = @Id
                    UNION SELECT document_id FROM properties WHERE entity_id = @Id
                    """,
                    new { Id = entity },
                    transaction)
                .ToHashSet(StringComparer.Ordinal);
            if (documents is null)
            {
                documents = naming;
            }
            else
            {
                documents.IntersectWith(naming);
            }
        }

        return documents ?? [];
    }

    /// <summary>
    /// Coordinates the knowledge base holds for places itself (imported events give their place's latitude
    /// and longitude), one per place: the most recently imported.
    /// </summary>
    public IReadOnlyList<StoredCoordinates> PlaceCoordinates()
    {
        using var transaction = BeginRead();
        return _connection.Query<CoordinatesRow>(
                """
                SELECT p.entity_id AS EntityId, r.lat AS Lat, r.lon AS Lon, r.source AS Source, r.seq AS Seq
                FROM imported_records r
                JOIN events e ON e.document_id = r.document_id
                JOIN event_places p ON p.document_id = e.document_id AND p.event_id = e.id AND p.position = 0
                WHERE r.lat IS NOT NULL
                UNION ALL
                -- A record without events that names one place (a STIX location) locates that place.
                SELECT d.entity_id, r.lat, r.lon, r.source, r.seq
                FROM imported_records r
                JOIN document_entities d ON d.document_id = r.document_id
                JOIN entities n ON n.id = d.entity_id AND n.type IN ('Place', 'Country')
                WHERE r.lat IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = r.document_id)
                  AND d.seq = (SELECT min(seq) FROM document_entities f WHERE f.document_id = r.document_id)
                ORDER BY Seq
                """,
                transaction: transaction)
            .GroupBy(c => c.EntityId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Select(c => new StoredCoordinates(c.EntityId, c.Lat, c.Lon, c.Source))
            .OrderBy(c => c.EntityId, StringComparer.Ordinal)
            .ToList();
    }
}
