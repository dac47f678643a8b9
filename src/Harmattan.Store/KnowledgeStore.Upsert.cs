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
        var result = UpsertMany([new DocumentToStore(document, extraction)], by)[0];
        return result.Error is { } error ? throw error : result.Outcome;
    }

    /// <summary>
    /// Stores many documents as <see cref="Upsert"/> stores one, in a single transaction: a long ingest pays
    /// for one commit per batch instead of one per document. Each document is written inside a savepoint,
    /// so one that fails (HRM0207) is rolled back alone, reported with its error, and the others are
    /// stored; a failure of the database itself rolls the whole batch back and throws. A document is
    /// resolved against everything stored before it, the earlier documents of the batch included.
    /// </summary>
    public IReadOnlyList<StoreResult> UpsertMany(IReadOnlyList<DocumentToStore> documents, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new List<StoreResult>(documents.Count);
        if (documents.Count == 0)
        {
            return results;
        }

        _dialect.BeforeBatch(_connection);
        using var transaction = BeginWrite();
        var batch = new RowBatch();
        var cache = TakeBatchCache(transaction);
        var written = new List<string>();
        long? seq = null;
        foreach (var (document, extraction) in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(extraction);
            if (written.Contains(document.Id, StringComparer.Ordinal) || Contains(document.Id, transaction))
            {
                results.Add(new StoreResult(IngestOutcome.Unchanged, null));
                continue;
            }

            transaction.Save(DocumentSavepoint);
            var rows = new RowBatch();
            try
            {
                seq = _dialect.NextDocumentSeq(_connection, transaction, seq);
                var entities = Write(document, seq.Value, extraction, StoredValues.Timestamp(_clock.GetUtcNow()), by, rows, cache, transaction);
                transaction.Release(DocumentSavepoint);
                cache.Written(entities);
            }
            catch (HarmattanException e)
            {
                transaction.Rollback(DocumentSavepoint);
                cache.RolledBack();
                results.Add(new StoreResult(IngestOutcome.Unchanged, e));
                continue;
            }

            batch.AddAll(rows);
            written.Add(document.Id);
            results.Add(new StoreResult(IngestOutcome.Added, null));
        }

        batch.Flush(_connection, transaction, _dialect);
        AddTalliesOfDocuments(written, transaction);
        foreach (var id in written)
        {
            _dialect.IndexDocument(_connection, transaction, id);
        }

        var line = LatestAuditLine(transaction);
        transaction.Commit();
        KeepBatchCache(cache, line);
        _dialect.AfterBatch(_connection);
        return results;
    }

    private const string DocumentSavepoint = "harmattan_document";

    private bool Contains(string documentId, DbTransaction transaction) =>
        _connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE id = @Id", new { Id = documentId }, transaction) > 0;

    /// <summary>
    /// Resolves and writes one new document: its entities, aliases and keys at once (the next document
    /// resolves against them), its own rows into <paramref name="rows"/>, and the audit line. The caller
    /// inserts the rows and indexes the document for search afterwards. The document takes <paramref name="seq"/>
    /// (<see cref="StoreDialect.NextDocumentSeq"/>). Returns the entities written, as resolved, with their keys,
    /// for the caller to tell <paramref name="cache"/> once the document is kept.
    /// </summary>
    private List<(Entity Entity, IReadOnlyList<EntityKey> Keys)> Write(Document document, long seq, DocumentExtraction extraction, string ingestedAt, string? by, RowBatch rows, BatchCache cache, DbTransaction transaction)
    {
        ExtractionCheck.Validate(document, extraction);
        var resolutions = ResolveEntities(extraction, transaction, cache);
        extraction = ExtractionRewriter.Rewrite(extraction, resolutions);
        AddDocument(document, seq, ingestedAt, rows);
        var written = WriteExtraction(new DocumentKey(document.Id, seq), FirstDay(document, ingestedAt), extraction, resolutions, rows, transaction, cache);
        Audit(transaction, by, "ingest", document.Id, Summary(document, extraction));
        return written;
    }

    private static string Summary(Document document, DocumentExtraction extraction) =>
        $"'{document.Title}': {extraction.Entities.Count} entities, {extraction.Claims.Count} claims, {extraction.Events.Count} events";

    /// <summary>The tables a document's own rows go to, with the columns the store fills.</summary>
    private static class Tables
    {
        public static readonly BulkTable Documents = new("documents",
            "seq", "id", "title", "published", "published_precision", "source", "url", "format", "text", "ingested_at", "word_count", "beyond_bmp");

        public static readonly BulkTable DocumentEntities = new("document_entities",
            "document_id", "entity_id", "evidence_start", "evidence_end", "component", "confidence", "day");

        public static readonly BulkTable Mentions = new("mentions",
            "document_seq", "entity_id", "span_start", "span_end", "surface", "evidence_start", "evidence_end", "component", "confidence", "status");

        public static readonly BulkTable Claims = new("claims",
            "id", "document_id", "speaker_id", "cue", "text", "content_start", "content_end", "evidence_start", "evidence_end", "component", "confidence", "status", "day");

        public static readonly BulkTable ClaimAbout = new("claim_about", "document_id", "claim_id", "entity_id", "position", "day");

        public static readonly BulkTable Relations = new("relations",
            "id", "document_id", "type", "source_id", "target_id", "role", "evidence_start", "evidence_end", "component", "confidence", "status", "day");

        public static readonly BulkTable Events = new("events",
            "id", "document_id", "type", "date", "date_precision", "earliest_day", "latest_day", "evidence_start", "evidence_end", "component", "confidence", "status");

        public static readonly BulkTable EventPlaces = new("event_places", "document_id", "event_id", "entity_id", "position", "earliest_day", "latest_day");

        public static readonly BulkTable EventActors = new("event_actors", "document_id", "event_id", "entity_id", "position", "earliest_day", "latest_day");

        public static readonly BulkTable Quantities = new("quantities",
            "id", "document_seq", "value_text", "value", "unit", "surface", "approximate", "evidence_start", "evidence_end", "component", "confidence", "status");

        public static readonly BulkTable Properties = new("properties",
            "id", "document_id", "entity_id", "name", "value", "surface", "speaker_id", "as_of", "as_of_precision", "evidence_start", "evidence_end", "component", "confidence", "status", "day");

        public static readonly BulkTable Resolutions = new("entity_resolutions",
            "document_seq", "extracted_id", "name", "entity_id", "method", "score", "matched", "note");
    }

    /// <summary>The document row itself, under <paramref name="seq"/>; <paramref name="ingestedAt"/> is the stored timestamp text.</summary>
    private static void AddDocument(Document document, long seq, string ingestedAt, RowBatch rows) =>
        rows.Add(Tables.Documents,
            seq,
            document.Id,
            document.Title,
            document.Published?.ToIso(),
            document.Published?.Precision.ToString(),
            document.Source,
            document.Url,
            document.Format,
            document.Text,
            ingestedAt,
            StoredValues.CountWords(document.Text),
            BeyondBmp(document.Text));

    /// <summary>
    /// documents.beyond_bmp (migration 0008): 1 when the text holds a character beyond the Basic Multilingual
    /// Plane, which .NET strings hold as a surrogate pair.
    /// </summary>
    internal static long BeyondBmp(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 ? 1 : 0;

    /// <summary>
    /// The day the document's facts are listed by (migration 0006's <c>document_days.day</c>): the first day
    /// of its date, else the UTC day it was ingested. Written with the rows, so the database's triggers, which
    /// fill it for writers that leave it out, have nothing to do.
    /// </summary>
    private static string FirstDay(Document document, string ingestedAt) =>
        document.Published is { } published ? StoredValues.Day(published.Earliest) : ingestedAt[..10];

    /// <summary>
    /// Writes a document's (resolved and rewritten) extraction: its entities (a stored entity keeps its
    /// name and type), aliases and lookup keys at once; its mentions, facts (every one proposed) and
    /// resolutions into <paramref name="rows"/>, each listed by <paramref name="day"/> (null: the database
    /// fills it in). An entity, alias or key row that <paramref name="cache"/> knows this transaction merged
    /// already is left out: merging it again would change nothing. Returns the entities with the keys they were
    /// indexed under.
    /// </summary>
    private List<(Entity Entity, IReadOnlyList<EntityKey> Keys)> WriteExtraction(DocumentKey document, string? day, DocumentExtraction extraction, IReadOnlyList<EntityResolution> resolutions, RowBatch rows, DbTransaction transaction, BatchCache? cache = null)
    {
        // A stored entity keeps its name and type; it only gains a registry link it lacked and the aliases
        // it had not been seen under.
        _dialect.MergeRows(_connection, transaction, "entities", ["id", "type", "name", "registry_id"],
            // Only a registry link the entity lacked is written: an update that changes nothing still writes a
            // row version (PostgreSQL keeps every one until vacuum) for each entity of each document.
            "ON CONFLICT (id) DO UPDATE SET registry_id = excluded.registry_id WHERE entities.registry_id IS NULL AND excluded.registry_id IS NOT NULL",
            extraction.Entities
                .Where(e => cache?.MergedEntities.IsNew((e.Id, e.RegistryId)) ?? true)
                .Select(e => new object?[] { e.Id, e.Type.ToString(), e.Name, e.RegistryId }));
        _dialect.MergeRows(_connection, transaction, "entity_aliases", ["entity_id", "alias"], "ON CONFLICT DO NOTHING",
            extraction.Entities
                .SelectMany(e => e.Aliases.Select(alias => (e.Id, Alias: alias)))
                .Where(a => cache?.MergedAliases.IsNew(a) ?? true)
                .Select(a => new object?[] { a.Id, a.Alias }));
        var keyed = extraction.Entities.Select(e => (Entity: e, Keys: EntityKeys.For(e.Name, e.Aliases))).ToList();
        WriteKeys(keyed.Select(k => (k.Entity.Id, k.Entity.Type, k.Keys)), transaction, cache);

        foreach (var e in extraction.Entities)
        {
            rows.Add(Tables.DocumentEntities, document.Id, e.Id, e.Evidence.Span.Start, e.Evidence.Span.End, e.Evidence.Component, e.Evidence.Confidence, day);
        }

        foreach (var m in extraction.Mentions)
        {
            rows.Add(Tables.Mentions, document.Seq, m.EntityId, m.Span.Start, m.Span.End, m.Surface,
                m.Evidence.Span.Start, m.Evidence.Span.End, m.Evidence.Component, m.Evidence.Confidence, StoredValues.Proposed);
        }

        AddClaims(document.Id, day, extraction.Claims, rows);
        AddRelations(document.Id, day, extraction.Relations, rows);
        AddEvents(document.Id, extraction.Events, rows);
        AddQuantities(document.Seq, extraction.Quantities, rows);
        AddProperties(document.Id, day, extraction.Attributes, rows);
        AddResolutions(document.Seq, resolutions, rows);
        return keyed;
    }

    private static void AddClaims(string documentId, string? day, IReadOnlyList<Claim> claims, RowBatch rows)
    {
        foreach (var c in claims)
        {
            rows.Add(Tables.Claims, c.Id, documentId, c.SpeakerId, c.Cue, c.Text, c.ContentSpan.Start, c.ContentSpan.End,
                c.Evidence.Span.Start, c.Evidence.Span.End, c.Evidence.Component, c.Evidence.Confidence, StoredValues.Proposed, day);
        }

        AddLinks(Tables.ClaimAbout, documentId, claims.Select(c => (c.Id, c.AboutIds, new object?[] { day })), rows);
    }

    private static void AddRelations(string documentId, string? day, IReadOnlyList<Relation> relations, RowBatch rows)
    {
        foreach (var r in relations)
        {
            rows.Add(Tables.Relations, r.Id, documentId, r.Type, r.SourceId, r.TargetId, r.Role,
                r.Evidence.Span.Start, r.Evidence.Span.End, r.Evidence.Component, r.Evidence.Confidence, StoredValues.Proposed, day);
        }
    }

    private static void AddEvents(string documentId, IReadOnlyList<Event> events, RowBatch rows)
    {
        foreach (var e in events)
        {
            rows.Add(Tables.Events, e.Id, documentId, e.Type, e.Date.ToIso(), e.Date.Precision.ToString(),
                StoredValues.Day(e.Date.Earliest), StoredValues.Day(e.Date.Latest),
                e.Evidence.Span.Start, e.Evidence.Span.End, e.Evidence.Component, e.Evidence.Confidence, StoredValues.Proposed);
        }

        AddLinks(Tables.EventPlaces, documentId, events.Select(e => (e.Id, e.PlaceIds, Days(e))), rows);
        AddLinks(Tables.EventActors, documentId, events.Select(e => (e.Id, e.ActorIds, Days(e))), rows);

        static object?[] Days(Event e) => [StoredValues.Day(e.Date.Earliest), StoredValues.Day(e.Date.Latest)];
    }

    private static void AddQuantities(long documentSeq, IReadOnlyList<Quantity> quantities, RowBatch rows)
    {
        foreach (var q in quantities)
        {
            rows.Add(Tables.Quantities, q.Id, documentSeq, StoredValues.Decimal(q.Value), (double)q.Value, q.Unit, q.Surface, q.Approximate ? 1 : 0,
                q.Evidence.Span.Start, q.Evidence.Span.End, q.Evidence.Component, q.Evidence.Confidence, StoredValues.Proposed);
        }
    }

    private static void AddProperties(string documentId, string? day, IReadOnlyList<ActorProperty> properties, RowBatch rows)
    {
        foreach (var p in properties)
        {
            rows.Add(Tables.Properties, p.Id, documentId, p.EntityId, p.Name, p.Value, p.Surface, p.SpeakerId,
                p.AsOf?.ToIso(), p.AsOf?.Precision.ToString(),
                p.Evidence.Span.Start, p.Evidence.Span.End, p.Evidence.Component, p.Evidence.Confidence, StoredValues.Proposed, day);
        }
    }

    private static void AddResolutions(long documentSeq, IEnumerable<EntityResolution> resolutions, RowBatch rows)
    {
        foreach (var r in resolutions)
        {
            rows.Add(Tables.Resolutions, documentSeq, r.ExtractedId, r.Name, r.EntityId, r.Method.ToString().ToLowerInvariant(), r.Score, r.Matched, r.Note);
        }
    }

    /// <summary>
    /// One link row (document, owner, entity, position, then the owner's <c>extra</c> values) for each entity
    /// each owner names, in order.
    /// </summary>
    private static void AddLinks(BulkTable table, string documentId, IEnumerable<(string OwnerId, IReadOnlyList<string> EntityIds, object?[] Extra)> owners, RowBatch rows)
    {
        foreach (var (ownerId, entityIds, extra) in owners)
        {
            for (var position = 0; position < entityIds.Count; position++)
            {
                rows.Add(table, [documentId, ownerId, entityIds[position], position, .. extra]);
            }
        }
    }
}
