using System.Data.Common;
using System.Text.Json;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

/// <summary>
/// The knowledge base as the exchange formats read it, in one read transaction held until disposed (see
/// <see cref="KnowledgeStore.ReadForExport"/>). Documents (without their texts) and entities (with where each
/// is named) are read at once and held; facts are read from the database each time a list is enumerated, so an
/// export of any size holds its documents and entities but never its facts or texts. Facts listed by their
/// document come in document date order, then the order their document gave them, read a few hundred documents
/// at a time; events come by their own dates, a few thousand at a time. Each lot's evidence is cut from its
/// documents' texts, read once for the lot. Rejected facts and entities are left out.
/// </summary>
/// <remarks>
/// Enumerate one list at a time: PostgreSQL reads one result at a time on a connection.
/// </remarks>
public sealed class KnowledgeRead : IDisposable
{
    private const string PropertiesTable = "properties";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDialect _dialect;
    private readonly object? _scope;
    private readonly Dictionary<string, KnowledgeDocument> _documents;
    private readonly HashSet<string> _live;
    private readonly bool _hasProperties;

    /// <param name="scope">Null for the whole knowledge base; else the ids of the only documents to read.</param>
    internal KnowledgeRead(DbConnection connection, DbTransaction transaction, StoreDialect dialect, IReadOnlyCollection<string>? scope)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _scope = scope is null ? null : new { Scope = dialect.Strings(scope) };

        var named = Query<(string DocumentId, string EntityId)>(
                $"SELECT x.document_id, x.entity_id FROM document_entities x WHERE 1 = 1{Within("x.document_id")} ORDER BY x.seq")
            .ToLookup(r => r.DocumentId, r => r.EntityId, StringComparer.Ordinal);
        _documents = Query<ExportDocumentRow>(
                $"""
                SELECT d.id, d.title, d.published, d.published_precision AS PublishedPrecision, d.source, d.url, d.format, d.ingested_at AS IngestedAt
                FROM documents d WHERE 1 = 1{Within("d.id")}
                """)
            .Select(r => new KnowledgeDocument(
                r.Id,
                r.Title,
                StoredValues.ParseOptionalDate(r.Published, r.PublishedPrecision),
                r.Source,
                r.Url,
                r.Format,
                StoredValues.ParseTimestamp(r.IngestedAt),
                named[r.Id].Distinct(StringComparer.Ordinal).ToList()))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        Documents = _documents.Values
            .OrderBy(d => d.Date.Earliest)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

        var aliases = Query<(string EntityId, string Alias)>("SELECT entity_id, alias FROM entity_aliases ORDER BY seq")
            .ToLookup(r => r.EntityId, r => r.Alias, StringComparer.Ordinal);
        var listed = ByDocumentRows<ExportEvidenceRow>("document_entities", "x.entity_id AS OwnerId", "d.id = x.document_id", "1 = 1", "x.document_id")
            .ToLookup(r => r.OwnerId, StringComparer.Ordinal);
        Entities = Query<ExportEntityRow>("SELECT id, type, name, registry_id AS RegistryId FROM entities WHERE status <> 'rejected' ORDER BY type, name, id")
            .Select(r => new KnowledgeEntity(
                r.Id,
                Enum.Parse<EntityType>(r.Type),
                r.Name,
                r.RegistryId,
                aliases[r.Id].ToList(),
                listed[r.Id].Select(Of).OrderBy(p => _documents[p.DocumentId].Date.Earliest).ThenBy(p => p.DocumentId, StringComparer.Ordinal).ToList()))
            .ToList();
        _live = Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        _hasProperties = new FactReader(connection, transaction, dialect).HasTable(PropertiesTable);
    }

    /// <summary>The documents, by date, then id.</summary>
    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>Every entity not rejected, by type, name and id, each with the documents (in scope) that list it.</summary>
    public IReadOnlyList<KnowledgeEntity> Entities { get; }

    /// <summary>Every fact, with its evidence, in document date order (events by their own dates).</summary>
    public KnowledgeFacts Facts => Read(sourced: true);

    /// <summary>
    /// Every fact without its evidence (empty) and in no particular order: what a pass that only counts facts,
    /// or finds the documents and entities they name, needs, at a fraction of the cost.
    /// </summary>
    public KnowledgeFacts Unsourced => Read(sourced: false);

    private KnowledgeFacts Read(bool sourced) => new(
        Rows<ExportRelationRow>("relations", "x.id, x.type, x.source_id AS SourceId, x.target_id AS TargetId, x.role", ByDocument, sourced)
            .Where(r => _live.Contains(r.SourceId) && _live.Contains(r.TargetId))
            .Select(r => new KnowledgeRelation(r.Id, r.Type, r.SourceId, r.TargetId, r.Role, Of(r))),
        Rows<ExportEventRow>(
                "events",
                $"""
                x.id, x.type, x.date, x.date_precision AS DatePrecision,
                (SELECT {_dialect.JsonArray("l.entity_id", "l.position")} FROM event_places l WHERE l.document_id = x.document_id AND l.event_id = x.id) AS Places,
                (SELECT {_dialect.JsonArray("l.entity_id", "l.position")} FROM event_actors l WHERE l.document_id = x.document_id AND l.event_id = x.id) AS Actors
                """,
                "x.earliest_day, x.latest_day, x.seq",
                sourced)
            .Select(r => new KnowledgeEvent(
                r.Id,
                r.Type,
                StoredValues.ParseDate(r.Date, r.DatePrecision),
                Live(r.Places),
                Live(r.Actors),
                Of(r))),
        Rows<ExportClaimRow>(
                "claims",
                $"""
                x.id, x.speaker_id AS SpeakerId, x.cue, x.text,
                (SELECT {_dialect.JsonArray("l.entity_id", "l.position")} FROM claim_about l WHERE l.document_id = x.document_id AND l.claim_id = x.id) AS About
                """,
                ByDocument,
                sourced)
            .Where(r => _live.Contains(r.SpeakerId))
            .Select(r => new KnowledgeClaim(r.Id, r.SpeakerId, r.Cue, r.Text, Live(r.About), Of(r))),
        !_hasProperties
            ? []
            : Rows<ExportAttributeRow>(
                    PropertiesTable,
                    "x.id, x.entity_id AS EntityId, x.name, x.value, x.surface, x.speaker_id AS SpeakerId, x.as_of AS AsOf, x.as_of_precision AS AsOfPrecision",
                    ByDocument,
                    sourced)
                .Where(r => _live.Contains(r.EntityId))
                .Select(r => new KnowledgeProperty(
                    r.Id,
                    r.EntityId,
                    r.Name,
                    r.Value,
                    r.Surface,
                    r.SpeakerId is not null && _live.Contains(r.SpeakerId) ? r.SpeakerId : null,
                    StoredValues.ParseOptionalDate(r.AsOf, r.AsOfPrecision),
                    Of(r))),
        Rows<ExportQuantityRow>("quantities", "x.id, x.value_text AS ValueText, x.unit, x.surface, x.approximate", ByDocument, sourced)
            .Select(r => new KnowledgeQuantity(r.Id, StoredValues.ParseDecimal(r.ValueText), r.Unit, r.Surface, r.Approximate != 0, Of(r))));

    /// <summary>Facts listed by their document: in <see cref="Documents"/> order, then as each document gave them.</summary>
    private const string? ByDocument = null;

    public void Dispose() => _transaction.Dispose();

    /// <summary>
    /// The rows of one fact table (aliased x, joined to its document d) that are not rejected, in scope: read as they
    /// are enumerated, never held. Sourced, with their evidence, by document (<see cref="ByDocument"/>) or in
    /// <paramref name="order"/>; else as the database finds them, without evidence.
    /// </summary>
    private IEnumerable<TRow> Rows<TRow>(string table, string columns, string? order, bool sourced)
        where TRow : ExportEvidenceRow
    {
        var document = table == "quantities" ? "d.seq = x.document_seq" : "d.id = x.document_id";
        if (!sourced)
        {
            // Only quantities name their document by seq: the others need no document row at all.
            var (from, documentId) = table == "quantities" ? ($"{table} x JOIN documents d ON {document}", "d.id") : ($"{table} x", "x.document_id");
            return _connection.Query<TRow>(
                $"""
                SELECT {columns}, {Source("x", documentId)}
                FROM {from}
                WHERE x.status <> 'rejected'{Within(documentId)}
                """,
                _scope,
                _transaction,
                buffered: false);
        }

        if (order is null)
        {
            return ByDocumentRows<TRow>(table, columns, document, "x.status <> 'rejected'", table == "quantities" ? "d.id" : "x.document_id");
        }

        // In their own order (events by date), a page at a time, each page's evidence cut from its documents' texts.
        return _dialect.Pages<TRow>(
                _connection,
                _transaction,
                $"""
                SELECT {columns}, {Source("x")}
                FROM {table} x JOIN documents d ON {document}
                WHERE x.status <> 'rejected'{Within("d.id")}
                ORDER BY {order}
                """,
                _scope,
                RowsPerRead)
            .SelectMany(Sourced);
    }

    /// <summary>How many rows <see cref="Rows"/> reads at a time when they come in an order of their own.</summary>
    private const int RowsPerRead = 5000;

    /// <summary>How many documents' facts <see cref="ByDocumentRows"/> reads at a time.</summary>
    private const int DocumentsPerRead = 2000;

    /// <summary>
    /// The rows of a fact table listed by their document, in <see cref="Documents"/> order and then as each document
    /// gave them, read <see cref="DocumentsPerRead"/> documents at a time with those documents' texts, and the
    /// evidence cut from the texts here. Slicing in the database read a document's text again for every fact of it:
    /// PostgreSQL decompressed the text each time (7.6 s for the claims of 20,000 reports, 0.6 s without).
    /// </summary>
    /// <param name="documentId">The column to find the documents' rows by: the fact's own, so that its index is read.</param>
    private IEnumerable<TRow> ByDocumentRows<TRow>(string table, string columns, string document, string condition, string documentId)
        where TRow : ExportEvidenceRow
    {
        foreach (var chunk in Documents.Chunk(DocumentsPerRead))
        {
            var rows = _connection.Query<TRow>(
                    $"""
                    SELECT {columns}, {Source("x")}
                    FROM {table} x JOIN documents d ON {document} JOIN {_dialect.StringRows("@Chunk", "c")} ON c.value = {documentId}
                    WHERE {condition}
                    ORDER BY x.seq
                    """,
                    new { Chunk = _dialect.Strings(chunk.Select(d => d.Id)) },
                    _transaction)
                .AsList();
            if (rows.Count == 0)
            {
                continue;
            }

            // A stable sort: each document's facts stay in the order it gave them.
            var rank = chunk.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            foreach (var row in Sourced(rows.OrderBy(r => rank[r.DocumentId]).ToList()))
            {
                yield return row;
            }
        }
    }

    /// <summary>The rows with their evidence, cut from their documents' texts, read once for the lot.</summary>
    private List<TRow> Sourced<TRow>(List<TRow> rows)
        where TRow : ExportEvidenceRow
    {
        var texts = _connection.Query<(string Id, string Text)>(
                $"SELECT d.id, d.text FROM documents d JOIN {_dialect.StringRows("@Ids", "c")} ON c.value = d.id",
                new { Ids = _dialect.Strings(rows.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal)) },
                _transaction)
            .ToDictionary(t => t.Id, t => t.Text, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var text = texts[row.DocumentId];
            var from = (int)Math.Clamp(row.EvidenceStart, 0, text.Length);
            row.EvidenceText = text[from..(int)Math.Clamp(row.EvidenceEnd, from, text.Length)];
        }

        return rows;
    }

    /// <summary>
    /// The <see cref="ExportEvidenceRow"/> columns of a fact aliased <paramref name="fact"/> whose document is d, but
    /// the evidence, which <see cref="Sourced"/> cuts from the texts.
    /// </summary>
    private static string Source(string fact, string documentId = "d.id") =>
        $"""
        {documentId} AS DocumentId, {fact}.evidence_start AS EvidenceStart, {fact}.evidence_end AS EvidenceEnd,
        NULL AS EvidenceText, {fact}.component AS Component, {fact}.confidence AS Confidence
        """;

    private string Within(string column) => _scope is null ? "" : $" AND {_dialect.InStrings(column, "@Scope")}";

    private List<T> Query<T>(string sql) => _connection.Query<T>(sql, _scope, _transaction).AsList();

    private List<string> Live(string members) =>
        (JsonSerializer.Deserialize<List<string>>(members) ?? []).Where(_live.Contains).ToList();

    /// <summary>A fact's provenance: its document's title, address and date, and its evidence (empty when not read).</summary>
    private Provenance Of(ExportEvidenceRow row)
    {
        var document = _documents[row.DocumentId];
        var start = (int)Math.Max(0, row.EvidenceStart);
        return new Provenance(
            document.Id,
            document.Title,
            document.Url,
            document.Published,
            (row.EvidenceText ?? "").ReplaceLineEndings(" ").Trim(),
            new TextSpan(start, (int)Math.Max(start, row.EvidenceEnd)),
            row.Component,
            row.Confidence);
    }
}
