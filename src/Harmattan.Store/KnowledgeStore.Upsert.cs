using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Stores a document and everything extracted from it in one transaction. A document whose id is
    /// already stored is <see cref="IngestOutcome.Unchanged"/> and nothing at all is written: the id is
    /// the hash of the text, so the same text is the same document. An extraction that does not fit its
    /// document (a fact naming an entity it does not list, a span outside the text) throws HRM0207 and
    /// leaves the store as it was.
    /// </summary>
    /// <remarks>
    /// Entities are shared across documents. Each entity of the extraction is first resolved against the
    /// stored ones (<see cref="EntityMatcher"/>: same id, registry entry, folded alias, acronym, surname,
    /// fuzzy name; different types never), in this same transaction; every reference in the extraction is
    /// rewritten to the resolved id (<see cref="ExtractionRewriter"/>), the document's names become
    /// aliases of the entity they resolved to, and the decision is kept (<see cref="GetResolutions"/>).
    /// A stored entity keeps its name and type.
    /// </remarks>
    public IngestOutcome Upsert(Document document, DocumentExtraction extraction, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(extraction);

        using var transaction = BeginWrite();
        if (_connection.ExecuteScalar<long>(
                "SELECT count(*) FROM documents WHERE id = @Id", new { document.Id }, transaction) > 0)
        {
            return IngestOutcome.Unchanged;
        }

        ExtractionCheck.Validate(document, extraction);
        var id = document.Id;
        var resolutions = ResolveEntities(extraction, transaction);
        extraction = ExtractionRewriter.Rewrite(extraction, resolutions);

        InsertDocument(document, StoredValues.Timestamp(_clock.GetUtcNow()), transaction);

        WriteExtraction(id, extraction, resolutions, transaction);
        _dialect.IndexDocument(_connection, transaction, id);
        Audit(transaction, by, "ingest", id, Summary(document, extraction));

        transaction.Commit();
        return IngestOutcome.Added;
    }

    private static string Summary(Document document, DocumentExtraction extraction) =>
        $"'{document.Title}': {extraction.Entities.Count} entities, {extraction.Claims.Count} claims, {extraction.Events.Count} events";

    /// <summary>Writes the document row itself; <paramref name="ingestedAt"/> is the stored timestamp text.</summary>
    private void InsertDocument(Document document, string ingestedAt, DbTransaction transaction) =>
        _connection.Execute(
            """
            INSERT INTO documents (id, title, published, published_precision, source, url, format, text, ingested_at, word_count)
            VALUES (@Id, @Title, @Published, @PublishedPrecision, @Source, @Url, @Format, @Text, @IngestedAt, @WordCount)
            """,
            new
            {
                document.Id,
                document.Title,
                Published = document.Published?.ToIso(),
                PublishedPrecision = document.Published?.Precision.ToString(),
                document.Source,
                document.Url,
                document.Format,
                document.Text,
                IngestedAt = ingestedAt,
                WordCount = StoredValues.CountWords(document.Text),
            },
            transaction);

    /// <summary>
    /// Writes a document's (resolved and rewritten) extraction: its entities (a stored entity keeps its
    /// name and type), aliases, lookup keys, mentions and facts, every fact proposed, and the resolutions.
    /// </summary>
    private void WriteExtraction(string id, DocumentExtraction extraction, IReadOnlyList<EntityResolution> resolutions, DbTransaction transaction)
    {
        // A stored entity keeps its name and type; it only gains a registry link it lacked and the aliases
        // it had not been seen under.
        ExecuteEach(
            """
            INSERT INTO entities (id, type, name, registry_id) VALUES (@Id, @Type, @Name, @RegistryId)
            ON CONFLICT (id) DO UPDATE SET registry_id = coalesce(entities.registry_id, excluded.registry_id)
            """,
            extraction.Entities.Select(e => new { e.Id, Type = e.Type.ToString(), e.Name, e.RegistryId }),
            transaction);
        ExecuteEach(
            "INSERT INTO entity_aliases (entity_id, alias) VALUES (@EntityId, @Alias) ON CONFLICT DO NOTHING",
            extraction.Entities.SelectMany(e => e.Aliases.Select(alias => new { EntityId = e.Id, Alias = alias })),
            transaction);
        WriteKeys(extraction.Entities.Select(e => (e.Id, e.Type, e.Name, (IEnumerable<string>)e.Aliases)), transaction);

        ExecuteEach(
            """
            INSERT INTO document_entities (document_id, entity_id, evidence_start, evidence_end, component, confidence)
            VALUES (@DocumentId, @EntityId, @EvidenceStart, @EvidenceEnd, @Component, @Confidence)
            """,
            extraction.Entities.Select(e => new
            {
                DocumentId = id,
                EntityId = e.Id,
                EvidenceStart = e.Evidence.Span.Start,
                EvidenceEnd = e.Evidence.Span.End,
                e.Evidence.Component,
                e.Evidence.Confidence,
            }),
            transaction);

        ExecuteEach(
            """
            INSERT INTO mentions (document_id, entity_id, span_start, span_end, surface, evidence_start, evidence_end, component, confidence, status)
            VALUES (@DocumentId, @EntityId, @SpanStart, @SpanEnd, @Surface, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            extraction.Mentions.Select(m => new
            {
                DocumentId = id,
                m.EntityId,
                SpanStart = m.Span.Start,
                SpanEnd = m.Span.End,
                m.Surface,
                EvidenceStart = m.Evidence.Span.Start,
                EvidenceEnd = m.Evidence.Span.End,
                m.Evidence.Component,
                m.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);

        WriteClaims(id, extraction.Claims, transaction);
        WriteRelations(id, extraction.Relations, transaction);
        WriteEvents(id, extraction.Events, transaction);
        WriteQuantities(id, extraction.Quantities, transaction);
        WriteProperties(id, extraction.Attributes, transaction);
        WriteResolutions(id, resolutions, transaction);
    }

    private void WriteClaims(string documentId, IReadOnlyList<Claim> claims, DbTransaction transaction)
    {
        ExecuteEach(
            """
            INSERT INTO claims (id, document_id, speaker_id, cue, text, content_start, content_end, evidence_start, evidence_end, component, confidence, status)
            VALUES (@Id, @DocumentId, @SpeakerId, @Cue, @Text, @ContentStart, @ContentEnd, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            claims.Select(c => new
            {
                c.Id,
                DocumentId = documentId,
                c.SpeakerId,
                c.Cue,
                c.Text,
                ContentStart = c.ContentSpan.Start,
                ContentEnd = c.ContentSpan.End,
                EvidenceStart = c.Evidence.Span.Start,
                EvidenceEnd = c.Evidence.Span.End,
                c.Evidence.Component,
                c.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);
        ExecuteEach(
            "INSERT INTO claim_about (document_id, claim_id, entity_id, position) VALUES (@DocumentId, @OwnerId, @EntityId, @Position)",
            Links(documentId, claims.Select(c => (c.Id, c.AboutIds))),
            transaction);
    }

    private void WriteRelations(string documentId, IReadOnlyList<Relation> relations, DbTransaction transaction) =>
        ExecuteEach(
            """
            INSERT INTO relations (id, document_id, type, source_id, target_id, role, evidence_start, evidence_end, component, confidence, status)
            VALUES (@Id, @DocumentId, @Type, @SourceId, @TargetId, @Role, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            relations.Select(r => new
            {
                r.Id,
                DocumentId = documentId,
                r.Type,
                r.SourceId,
                r.TargetId,
                r.Role,
                EvidenceStart = r.Evidence.Span.Start,
                EvidenceEnd = r.Evidence.Span.End,
                r.Evidence.Component,
                r.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);

    private void WriteEvents(string documentId, IReadOnlyList<Event> events, DbTransaction transaction)
    {
        ExecuteEach(
            """
            INSERT INTO events (id, document_id, type, date, date_precision, earliest_day, latest_day, evidence_start, evidence_end, component, confidence, status)
            VALUES (@Id, @DocumentId, @Type, @Date, @DatePrecision, @EarliestDay, @LatestDay, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            events.Select(e => new
            {
                e.Id,
                DocumentId = documentId,
                e.Type,
                Date = e.Date.ToIso(),
                DatePrecision = e.Date.Precision.ToString(),
                EarliestDay = StoredValues.Day(e.Date.Earliest),
                LatestDay = StoredValues.Day(e.Date.Latest),
                EvidenceStart = e.Evidence.Span.Start,
                EvidenceEnd = e.Evidence.Span.End,
                e.Evidence.Component,
                e.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);
        ExecuteEach(
            "INSERT INTO event_places (document_id, event_id, entity_id, position) VALUES (@DocumentId, @OwnerId, @EntityId, @Position)",
            Links(documentId, events.Select(e => (e.Id, e.PlaceIds))),
            transaction);
        ExecuteEach(
            "INSERT INTO event_actors (document_id, event_id, entity_id, position) VALUES (@DocumentId, @OwnerId, @EntityId, @Position)",
            Links(documentId, events.Select(e => (e.Id, e.ActorIds))),
            transaction);
    }

    private void WriteQuantities(string documentId, IReadOnlyList<Quantity> quantities, DbTransaction transaction) =>
        ExecuteEach(
            """
            INSERT INTO quantities (id, document_id, value_text, value, unit, surface, approximate, evidence_start, evidence_end, component, confidence, status)
            VALUES (@Id, @DocumentId, @ValueText, @Value, @Unit, @Surface, @Approximate, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            quantities.Select(q => new
            {
                q.Id,
                DocumentId = documentId,
                ValueText = StoredValues.Decimal(q.Value),
                Value = (double)q.Value,
                q.Unit,
                q.Surface,
                Approximate = q.Approximate ? 1 : 0,
                EvidenceStart = q.Evidence.Span.Start,
                EvidenceEnd = q.Evidence.Span.End,
                q.Evidence.Component,
                q.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);

    private void WriteProperties(string documentId, IReadOnlyList<ActorProperty> properties, DbTransaction transaction) =>
        ExecuteEach(
            """
            INSERT INTO properties (id, document_id, entity_id, name, value, surface, speaker_id, as_of, as_of_precision, evidence_start, evidence_end, component, confidence, status)
            VALUES (@Id, @DocumentId, @EntityId, @Name, @Value, @Surface, @SpeakerId, @AsOf, @AsOfPrecision, @EvidenceStart, @EvidenceEnd, @Component, @Confidence, @Status)
            """,
            properties.Select(p => new
            {
                p.Id,
                DocumentId = documentId,
                p.EntityId,
                p.Name,
                p.Value,
                p.Surface,
                p.SpeakerId,
                AsOf = p.AsOf?.ToIso(),
                AsOfPrecision = p.AsOf?.Precision.ToString(),
                EvidenceStart = p.Evidence.Span.Start,
                EvidenceEnd = p.Evidence.Span.End,
                p.Evidence.Component,
                p.Evidence.Confidence,
                Status = StoredValues.Proposed,
            }),
            transaction);

    /// <summary>One statement for each row (Dapper's multi-row Execute; on PostgreSQL, one round trip for them all).</summary>
    private void ExecuteEach(string sql, IEnumerable<object> rows, DbTransaction transaction) =>
        _dialect.ExecuteEach(_connection, transaction, sql, rows);

    private static IEnumerable<object> Links(string documentId, IEnumerable<(string OwnerId, IReadOnlyList<string> EntityIds)> owners) =>
        owners.SelectMany(owner => owner.EntityIds.Select((entityId, position) => (object)new
        {
            DocumentId = documentId,
            owner.OwnerId,
            EntityId = entityId,
            Position = position,
        }));
}
