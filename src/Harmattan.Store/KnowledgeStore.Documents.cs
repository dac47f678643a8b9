using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The shortest id prefix <see cref="GetDocument"/> accepts: 16 million values, short enough to type.</summary>
    public const int MinimumIdPrefixLength = 6;

    /// <summary>
    /// The most documents an ambiguous prefix lists (HRM0205): a prefix of six digits or more that more documents share
    /// is rare, and a few more digits settle it.
    /// </summary>
    private const int MaximumDocumentCandidates = 10;

    /// <summary>Stored documents, most recently ingested first.</summary>
    public IReadOnlyList<DocumentSummary> ListDocuments(int limit = 100, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return _connection.Query<DocumentSummaryRow>(
                """
                SELECT d.id, d.title, d.published, d.published_precision AS PublishedPrecision, d.source, d.format,
                       d.ingested_at AS IngestedAt, d.word_count AS WordCount,
                       (SELECT count(*) FROM document_entities x WHERE x.document_id = d.id) AS EntityCount,
                       (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS ClaimCount,
                       (SELECT count(*) FROM events v WHERE v.document_id = d.id) AS EventCount
                FROM documents d
                ORDER BY d.ingested_at DESC, d.seq DESC
                LIMIT @Limit OFFSET @Offset
                """,
                new { Limit = limit, Offset = offset })
            .Select(row => new DocumentSummary(
                row.Id,
                row.Title,
                StoredValues.ParseOptionalDate(row.Published, row.PublishedPrecision),
                row.Source,
                row.Format,
                StoredValues.ParseTimestamp(row.IngestedAt),
                (int)row.WordCount,
                (int)row.EntityCount,
                (int)row.ClaimCount,
                (int)row.EventCount))
            .ToList();
    }

    /// <summary>The address each of these documents was published at, by id, for those that have one (citations).</summary>
    public IReadOnlyDictionary<string, string> DocumentUrls(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var (id, url) in _connection.Query<(string Id, string Url)>(
                $"SELECT id, url FROM documents WHERE {_dialect.InStrings("id", "@Ids")} AND url IS NOT NULL",
                new { Ids = _dialect.Strings(chunk) }))
            {
                urls[id] = url;
            }
        }

        return urls;
    }

    /// <summary>
    /// A stored document by its id or an id prefix of at least <see cref="MinimumIdPrefixLength"/> hex
    /// digits (any case), with its extraction rebuilt from the tables. HRM0204 when nothing matches,
    /// HRM0205 when the prefix matches more than one document.
    /// </summary>
    public StoredDocument GetDocument(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        using var transaction = BeginRead();
        var id = ResolveId(idOrPrefix.Trim().ToLowerInvariant(), transaction);
        var row = _connection.QuerySingle<DocumentRow>(
            """
            SELECT id, title, published, published_precision AS PublishedPrecision, source, url, format, text,
                   ingested_at AS IngestedAt, word_count AS WordCount, extracted_at AS ExtractedAt
            FROM documents WHERE id = @Id
            """,
            new { Id = id },
            transaction);
        var document = new Document(
            row.Id,
            row.Title,
            StoredValues.ParseOptionalDate(row.Published, row.PublishedPrecision),
            row.Source,
            row.Url,
            row.Format,
            row.Text);
        var extraction = new ExtractionReader(_connection, transaction, id).Read();
        return new StoredDocument(
            document,
            extraction,
            StoredValues.ParseTimestamp(row.IngestedAt),
            (int)row.WordCount,
            row.ExtractedAt is null ? null : StoredValues.ParseTimestamp(row.ExtractedAt));
    }

    private string ResolveId(string prefix, DbTransaction transaction)
    {
        if (prefix.Length < MinimumIdPrefixLength || prefix.Length > 64 || !ExtractionCheck.IsLowerHex(prefix))
        {
            throw HarmattanError.DocumentNotFound.At(
                prefix, $"a document id or prefix is {MinimumIdPrefixLength} to 64 hex digits");
        }

        // Ids are lower-case hex, so every id starting with the prefix sorts in [prefix, prefix + "g"),
        // a range the unique index on id answers directly.
        var matches = _connection.Query<(string Id, string Title)>(
            "SELECT id, title FROM documents WHERE id >= @Prefix AND id < @Upper ORDER BY id LIMIT @Limit",
            new { Prefix = prefix, Upper = prefix + "g", Limit = MaximumDocumentCandidates + 1 },
            transaction).AsList();
        if (matches.Count > 1)
        {
            var shown = matches.Take(MaximumDocumentCandidates).ToList();
            var more = matches.Count > shown.Count ? " and more" : "";
            throw HarmattanError.AmbiguousDocument.At(
                prefix,
                $"it matches {string.Join(", ", shown.Select(m => m.Id))}{more}; type more digits",
                candidates: shown.Select(m => new Candidate(m.Id, m.Title, Candidate.DocumentType)).ToList());
        }

        return matches.Count == 1 ? matches[0].Id : throw HarmattanError.DocumentNotFound.At(prefix);
    }

    /// <summary>Rebuilds one document's extraction, each list in the order the extraction gave it.</summary>
    private sealed class ExtractionReader(
        DbConnection connection,
        DbTransaction transaction,
        string documentId)
    {
        private const string EvidenceColumns =
            "evidence_start AS EvidenceStart, evidence_end AS EvidenceEnd, component, confidence";

        public DocumentExtraction Read()
        {
            var aliases = Links(
                """
                SELECT a.entity_id AS OwnerId, a.alias AS MemberId
                FROM entity_aliases a JOIN document_entities de ON de.entity_id = a.entity_id
                WHERE de.document_id = @Id ORDER BY a.seq
                """);
            var entities = Query<EntityRow>(
                    """
                    SELECT e.id, e.type, e.name, e.registry_id AS RegistryId,
                           de.evidence_start AS EvidenceStart, de.evidence_end AS EvidenceEnd, de.component, de.confidence
                    FROM document_entities de JOIN entities e ON e.id = de.entity_id
                    WHERE de.document_id = @Id ORDER BY de.seq
                    """)
                .Select(r => new Entity(
                    r.Id,
                    Enum.Parse<EntityType>(r.Type),
                    r.Name,
                    aliases.TryGetValue(r.Id, out var a) ? a : [],
                    r.RegistryId,
                    Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var mentions = Query<MentionRow>(
                    $"""
                    SELECT entity_id AS EntityId, span_start AS SpanStart, span_end AS SpanEnd, surface, {EvidenceColumns}
                    FROM mentions WHERE document_seq = (SELECT seq FROM documents WHERE id = @Id) ORDER BY seq
                    """)
                .Select(r => new Mention(r.EntityId, Span(r.SpanStart, r.SpanEnd), r.Surface, Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var about = Links("SELECT claim_id AS OwnerId, entity_id AS MemberId FROM claim_about WHERE document_id = @Id ORDER BY claim_id, position");
            var claims = Query<ClaimRow>(
                    $"""
                    SELECT id, speaker_id AS SpeakerId, cue, text, content_start AS ContentStart, content_end AS ContentEnd, {EvidenceColumns}
                    FROM claims WHERE document_id = @Id ORDER BY seq
                    """)
                .Select(r => new Claim(
                    r.Id,
                    r.SpeakerId,
                    r.Cue,
                    r.Text,
                    Span(r.ContentStart, r.ContentEnd),
                    about.TryGetValue(r.Id, out var ids) ? ids : [],
                    Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var relations = Query<RelationRow>(
                    $"""
                    SELECT id, type, source_id AS SourceId, target_id AS TargetId, role, {EvidenceColumns}
                    FROM relations WHERE document_id = @Id ORDER BY seq
                    """)
                .Select(r => new Relation(r.Id, r.Type, r.SourceId, r.TargetId, r.Role, Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var places = Links("SELECT event_id AS OwnerId, entity_id AS MemberId FROM event_places WHERE document_id = @Id ORDER BY event_id, position");
            var actors = Links("SELECT event_id AS OwnerId, entity_id AS MemberId FROM event_actors WHERE document_id = @Id ORDER BY event_id, position");
            var events = Query<EventRow>(
                    $"""
                    SELECT id, type, date, date_precision AS DatePrecision, {EvidenceColumns}
                    FROM events WHERE document_id = @Id ORDER BY seq
                    """)
                .Select(r => new Event(
                    r.Id,
                    r.Type,
                    StoredValues.ParseDate(r.Date, r.DatePrecision),
                    places.TryGetValue(r.Id, out var p) ? p : [],
                    actors.TryGetValue(r.Id, out var a) ? a : [],
                    Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var quantities = Query<QuantityRow>(
                    $"""
                    SELECT id, value_text AS ValueText, unit, surface, approximate, {EvidenceColumns}
                    FROM quantities WHERE document_seq = (SELECT seq FROM documents WHERE id = @Id) ORDER BY seq
                    """)
                .Select(r => new Quantity(
                    r.Id,
                    StoredValues.ParseDecimal(r.ValueText),
                    r.Unit,
                    r.Surface,
                    r.Approximate != 0,
                    Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            var properties = Query<PropertyRow>(
                    $"""
                    SELECT id, entity_id AS EntityId, name, value, surface, speaker_id AS SpeakerId, as_of AS AsOf,
                           as_of_precision AS AsOfPrecision, {EvidenceColumns}
                    FROM properties WHERE document_id = @Id ORDER BY seq
                    """)
                .Select(r => new ActorProperty(
                    r.Id,
                    r.EntityId,
                    r.Name,
                    r.Value,
                    r.Surface,
                    r.SpeakerId,
                    StoredValues.ParseOptionalDate(r.AsOf, r.AsOfPrecision),
                    Evidence(r.EvidenceStart, r.EvidenceEnd, r.Component, r.Confidence)))
                .ToList();

            return new DocumentExtraction(entities, mentions, claims, relations, events, quantities, properties);
        }

        private IEnumerable<T> Query<T>(string sql) =>
            connection.Query<T>(sql, new { Id = documentId }, transaction);

        private Dictionary<string, IReadOnlyList<string>> Links(string sql) =>
            Query<LinkRow>(sql)
                .GroupBy(row => row.OwnerId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(row => row.MemberId).ToList(), StringComparer.Ordinal);

        private static TextSpan Span(long start, long end) => new(checked((int)start), checked((int)end));

        private Evidence Evidence(long start, long end, string component, double confidence) =>
            new(documentId, Span(start, end), component, confidence);
    }
}
