using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Everything the knowledge base holds, with full provenance, in one read transaction: what the exchange
    /// formats (STIX, ACLED-style CSV, GraphML, GeoJSON, JSON Lines) and the briefings are written from.
    /// Rejected facts and entities are left out. Exporters filter afterwards.
    /// </summary>
    /// <param name="naming">
    /// Null for the whole knowledge base; else only the documents that name every one of these entities (as one
    /// of their entities or in any fact or link), with what they state. A selection of one actor's or place's
    /// facts needs no other document, and reading all of them made such an export cost what the whole knowledge
    /// base costs (17 s and 3.6 GB for one actor of 20,000 reports).
    /// </param>
    public KnowledgeSnapshot ReadSnapshot(IReadOnlyCollection<string>? naming = null)
    {
        using var transaction = BeginRead();
        var scope = naming is null ? null : new { Scope = _dialect.Strings(DocumentsNaming(naming, transaction)) };
        string Within(string column) => scope is null ? "" : $" AND {_dialect.InStrings(column, "@Scope")}";
        var from = new ProvenanceReader(_connection, transaction, Within("id"), scope);
        var documentEntities = _connection.Query<(string DocumentId, string EntityId)>(
                $"SELECT document_id, entity_id FROM document_entities WHERE 1 = 1{Within("document_id")} ORDER BY seq", scope, transaction)
            .ToLookup(r => r.DocumentId, r => r.EntityId, StringComparer.Ordinal);
        var documents = from.Documents.Values
            .Select(d => new KnowledgeDocument(d.Id, d.Title, d.Published, d.Source, d.Url, d.Format, d.IngestedAt, documentEntities[d.Id].Distinct(StringComparer.Ordinal).ToList()))
            .OrderBy(d => d.Date.Earliest)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var aliases = _connection.Query<(string EntityId, string Alias)>(
                "SELECT entity_id, alias FROM entity_aliases ORDER BY seq", transaction: transaction)
            .ToLookup(r => r.EntityId, r => r.Alias, StringComparer.Ordinal);
        var listed = _connection.Query<ExportEvidenceRow>(
                $"""
                SELECT entity_id AS OwnerId, document_id AS DocumentId, evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence
                FROM document_entities WHERE 1 = 1{Within("document_id")} ORDER BY seq
                """,
                scope,
                transaction)
            .ToLookup(r => r.OwnerId, StringComparer.Ordinal);
        var entities = _connection.Query<ExportEntityRow>(
                "SELECT id, type, name, registry_id AS RegistryId FROM entities WHERE status <> 'rejected' ORDER BY type, name, id",
                transaction: transaction)
            .Select(r => new KnowledgeEntity(
                r.Id,
                Enum.Parse<EntityType>(r.Type),
                r.Name,
                r.RegistryId,
                aliases[r.Id].ToList(),
                listed[r.Id].Select(from.Of).OrderBy(p => from.Documents[p.DocumentId].Date.Earliest).ThenBy(p => p.DocumentId, StringComparer.Ordinal).ToList()))
            .ToList();
        var live = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        var relations = _connection.Query<ExportRelationRow>(
                $"""
                SELECT id, document_id AS DocumentId, type, source_id AS SourceId, target_id AS TargetId, role,
                       evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence
                FROM relations WHERE status <> 'rejected'{Within("document_id")} ORDER BY seq
                """,
                scope,
                transaction)
            .Where(r => live.Contains(r.SourceId) && live.Contains(r.TargetId))
            .Select(r => new KnowledgeRelation(r.Id, r.Type, r.SourceId, r.TargetId, r.Role, from.Of(r)))
            .ToList();

        var places = Members("event_places", "event_id");
        var actors = Members("event_actors", "event_id");
        var events = _connection.Query<ExportEventRow>(
                $"""
                SELECT id, document_id AS DocumentId, type, date, date_precision AS DatePrecision,
                       evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence
                FROM events WHERE status <> 'rejected'{Within("document_id")} ORDER BY earliest_day, latest_day, seq
                """,
                scope,
                transaction)
            .Select(r => new KnowledgeEvent(
                r.Id,
                r.Type,
                StoredValues.ParseDate(r.Date, r.DatePrecision),
                places[(r.DocumentId, r.Id)].Where(live.Contains).ToList(),
                actors[(r.DocumentId, r.Id)].Where(live.Contains).ToList(),
                from.Of(r)))
            .ToList();

        var about = Members("claim_about", "claim_id");
        var claims = _connection.Query<ExportClaimRow>(
                $"""
                SELECT id, document_id AS DocumentId, speaker_id AS SpeakerId, cue, text,
                       evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence
                FROM claims WHERE status <> 'rejected'{Within("document_id")} ORDER BY seq
                """,
                scope,
                transaction)
            .Where(r => live.Contains(r.SpeakerId))
            .Select(r => new KnowledgeClaim(
                r.Id,
                r.SpeakerId,
                r.Cue,
                r.Text,
                about[(r.DocumentId, r.Id)].Where(live.Contains).ToList(),
                from.Of(r)))
            .ToList();

        var attributes = new FactReader(_connection, transaction, _dialect).HasTable(PropertiesTable)
            ? _connection.Query<ExportAttributeRow>(
                    $"""
                    SELECT id, document_id AS DocumentId, entity_id AS EntityId, name, value, surface, speaker_id AS SpeakerId,
                           as_of AS AsOf, as_of_precision AS AsOfPrecision,
                           evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence
                    FROM properties WHERE status <> 'rejected'{Within("document_id")} ORDER BY seq
                    """,
                    scope,
                    transaction)
                .Where(r => live.Contains(r.EntityId))
                .Select(r => new KnowledgeProperty(
                    r.Id,
                    r.EntityId,
                    r.Name,
                    r.Value,
                    r.Surface,
                    r.SpeakerId is not null && live.Contains(r.SpeakerId) ? r.SpeakerId : null,
                    StoredValues.ParseOptionalDate(r.AsOf, r.AsOfPrecision),
                    from.Of(r)))
                .ToList()
            : [];

        var quantities = _connection.Query<ExportQuantityRow>(
                $"""
                SELECT q.id, d.id AS DocumentId, q.value_text AS ValueText, q.unit, q.surface, q.approximate,
                       q.evidence_start AS EvidenceStart, q.evidence_end AS EvidenceEnd, q.component, q.confidence
                FROM quantities q JOIN documents d ON d.seq = q.document_seq WHERE q.status <> 'rejected'{Within("d.id")} ORDER BY q.seq
                """,
                scope,
                transaction)
            .Select(r => new KnowledgeQuantity(
                r.Id,
                StoredValues.ParseDecimal(r.ValueText),
                r.Unit,
                r.Surface,
                r.Approximate != 0,
                from.Of(r)))
            .ToList();

        return new KnowledgeSnapshot(
            documents,
            entities,
            ByDocumentDate(relations, r => r.From),
            events,
            ByDocumentDate(claims, c => c.From),
            ByDocumentDate(attributes, a => a.From),
            ByDocumentDate(quantities, q => q.From));

        ILookup<(string, string), string> Members(string table, string ownerColumn) =>
            _connection.Query<(string DocumentId, string OwnerId, string EntityId)>(
                    $"SELECT document_id, {ownerColumn}, entity_id FROM {table} WHERE 1 = 1{Within("document_id")} ORDER BY document_id, {ownerColumn}, position",
                    scope,
                    transaction)
                .ToLookup(r => (r.DocumentId, r.OwnerId), r => r.EntityId);

        List<T> ByDocumentDate<T>(List<T> facts, Func<T, Provenance> provenance) =>
            facts.OrderBy(f => from.Documents[provenance(f).DocumentId].Date.Earliest)
                .ThenBy(f => provenance(f).DocumentId, StringComparer.Ordinal)
                .ToList();
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

    /// <summary>Documents' metadata once, texts on first use, and the evidence sentence of each fact sliced from them.</summary>
    private sealed class ProvenanceReader
    {
        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        /// <summary>Reads the metadata of the documents <paramref name="within"/> (an SQL condition on their id, with its parameters) admits.</summary>
        public ProvenanceReader(DbConnection connection, DbTransaction transaction, string within, object? parameters)
        {
            _connection = connection;
            _transaction = transaction;
            Documents = connection.Query<ExportDocumentRow>(
                    $"""
                    SELECT id, title, published, published_precision AS PublishedPrecision, source, url, format, ingested_at AS IngestedAt
                    FROM documents WHERE 1 = 1{within}
                    """,
                    parameters,
                    transaction)
                .Select(r => new KnowledgeDocument(
                    r.Id,
                    r.Title,
                    StoredValues.ParseOptionalDate(r.Published, r.PublishedPrecision),
                    r.Source,
                    r.Url,
                    r.Format,
                    StoredValues.ParseTimestamp(r.IngestedAt),
                    []))
                .ToDictionary(d => d.Id, StringComparer.Ordinal);
        }

        public Dictionary<string, KnowledgeDocument> Documents { get; }

        public Provenance Of(ExportEvidenceRow row) => Of(row.DocumentId, row.EvidenceStart, row.EvidenceEnd, row.Component, row.Confidence);

        public Provenance Of(string documentId, long start, long end, string component, double confidence)
        {
            var document = Documents[documentId];
            if (!_texts.TryGetValue(documentId, out var text))
            {
                text = _connection.QuerySingle<string>("SELECT text FROM documents WHERE id = @Id", new { Id = documentId }, _transaction);
                _texts[documentId] = text;
            }

            var from = (int)Math.Clamp(start, 0, text.Length);
            var to = (int)Math.Clamp(end, from, text.Length);
            return new Provenance(
                documentId,
                document.Title,
                document.Url,
                document.Published,
                text[from..to].ReplaceLineEndings(" ").Trim(),
                new TextSpan(from, to),
                component,
                confidence);
        }
    }
}
