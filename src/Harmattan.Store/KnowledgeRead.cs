using System.Data.Common;
using System.Text.Json;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

/// <summary>
/// The knowledge base as the exchange formats read it, in one read transaction held until disposed (see
/// <see cref="KnowledgeStore.ReadForExport"/>). Documents (without their texts) and entities (with where each
/// is named) are read at once and held; facts are read from the database each time a list is enumerated, one
/// row at a time, with their members and their evidence sentence in the row, so an export of any size holds
/// its documents and entities but never its facts or texts. Rejected facts and entities are left out. Facts
/// come in document date order, then the order their document gave them; events by their own dates.
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
    private readonly FactReader _reader;
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
        _reader = new FactReader(connection, transaction, dialect);
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
        var listed = Query<ExportEvidenceRow>(
                $"""
                SELECT x.entity_id AS OwnerId, {Source("x")}
                FROM document_entities x JOIN documents d ON d.id = x.document_id
                WHERE 1 = 1{Within("d.id")} ORDER BY x.seq
                """)
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
        _hasProperties = _reader.HasTable(PropertiesTable);
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

    /// <summary>The order of facts listed by their document: its date, its id, then as it gave them.</summary>
    private const string ByDocument = "dd.day, d.id, x.seq";

    public void Dispose() => _transaction.Dispose();

    /// <summary>
    /// The rows of one fact table (aliased x, joined to its document d and the document's days dd) that are not
    /// rejected, in scope: read as they are enumerated, never held. Sourced, in <paramref name="order"/> with their
    /// evidence; else as the database finds them, without.
    /// </summary>
    private IEnumerable<TRow> Rows<TRow>(string table, string columns, string order, bool sourced)
    {
        var document = table == "quantities" ? "d.seq = x.document_seq" : "d.id = x.document_id";
        return _connection.Query<TRow>(
            sourced
                ? $"""
                  SELECT {columns}, {Source("x")}
                  FROM {table} x JOIN documents d ON {document} JOIN document_days dd ON dd.id = d.id
                  WHERE x.status <> 'rejected'{Within("d.id")}
                  ORDER BY {order}
                  """
                : $"""
                  SELECT {columns}, {Source("x", sourced: false)}
                  FROM {table} x JOIN documents d ON {document}
                  WHERE x.status <> 'rejected'{Within("d.id")}
                  """,
            _scope,
            _transaction,
            buffered: false);
    }

    /// <summary>The <see cref="ExportEvidenceRow"/> columns of a fact aliased <paramref name="fact"/> whose document is d.</summary>
    private string Source(string fact, bool sourced = true) =>
        $"""
        d.id AS DocumentId, {fact}.evidence_start AS EvidenceStart, {fact}.evidence_end AS EvidenceEnd,
        {(sourced ? _reader.EvidenceColumns("d", $"{fact}.evidence_start", $"{fact}.evidence_end") : "NULL AS EvidenceText, 0 AS EvidenceIsPrefix")},
        {fact}.component AS Component, {fact}.confidence AS Confidence
        """;

    private string Within(string column) => _scope is null ? "" : $" AND {_dialect.InStrings(column, "@Scope")}";

    private List<T> Query<T>(string sql) => _connection.Query<T>(sql, _scope, _transaction).AsList();

    private List<string> Live(string members) =>
        (JsonSerializer.Deserialize<List<string>>(members) ?? []).Where(_live.Contains).ToList();

    /// <summary>A fact's provenance: its document's title, address and date, and the evidence the database sliced.</summary>
    private Provenance Of(ExportEvidenceRow row)
    {
        var document = _documents[row.DocumentId];
        var start = (int)Math.Max(0, row.EvidenceStart);
        var end = (int)Math.Max(start, row.EvidenceEnd);
        var evidence = row.EvidenceText ?? "";
        if (row.EvidenceIsPrefix != 0)
        {
            // The prefix holds characters beyond the BMP: here, indexing is by UTF-16 units as the offsets are.
            var from = Math.Min(start, evidence.Length);
            evidence = evidence[from..Math.Min(end, evidence.Length)];
        }

        return new Provenance(
            document.Id,
            document.Title,
            document.Url,
            document.Published,
            evidence.ReplaceLineEndings(" ").Trim(),
            new TextSpan(start, end),
            row.Component,
            row.Confidence);
    }
}
