using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// The facts waiting for an analyst (status proposed unless the filter says otherwise), least confident
    /// first so the doubtful ones come up before the sure ones; among equals, entities, claims, relations, events
    /// and attributes in that order, each in the order stored. An entity's confidence is the best any document
    /// gave it. Returns one page and how many there are in all: each kind counted up to <see cref="CountLimit"/>,
    /// past which the total says "at least", as a profile's sections do.
    /// </summary>
    /// <remarks>
    /// A page reads what it shows, not the queue: each kind gives its first <c>offset + limit</c> facts in that
    /// order straight from an index (migration 15: the by-status indexes end with the row id, and an entity's
    /// best confidence is one probe of <c>document_entities_by_entity_confidence</c>), and the page is taken from
    /// those. The total counts each kind through the same indexes, and stops counting a kind at the count limit:
    /// counting every proposed claim of a knowledge base cost 60 ms a page at 20,000 reports, and grew with it.
    /// Extractors give a handful of confidences, so
    /// ordering ties by document, as the queue once did, meant sorting every proposed fact of a knowledge base
    /// for each page (1 s at 20,000 reports).
    /// </remarks>
    /// <exception cref="HarmattanException">HRM0401 when <paramref name="offset"/> is negative or <paramref name="limit"/>
    /// is not between 1 and <see cref="MaxPageSize"/>.</exception>
    public FactPage<ReviewItem> ReviewQueue(ReviewQueueFilter? filter = null, int offset = 0, int limit = 50) =>
        ReviewQueue(filter, offset, limit, CountLimit);

    /// <summary>The review queue with each kind counted up to <paramref name="countLimit"/> (tests make it small).</summary>
    internal FactPage<ReviewItem> ReviewQueue(ReviewQueueFilter? filter, int offset, int limit, int countLimit)
    {
        filter ??= new ReviewQueueFilter();
        CheckPage(offset, limit);
        using var transaction = BeginRead();
        var documentId = filter.Document is null ? null : ResolveId(filter.Document.Trim().ToLowerInvariant(), transaction);
        var kinds = Enum.GetValues<FactKind>().Where(k => filter.Kind is null || filter.Kind == k).ToList();
        // One fact beyond the page says whether more follow.
        var args = new { Status = Status(filter.Status), DocumentId = documentId, Offset = offset, Take = limit + 1, Window = (long)offset + limit + 1, Counted = countLimit + 1 };
        var counts = kinds
            .Select(kind => _connection.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT 1 FROM ({Waiting(kind, documentId)}) AS waiting LIMIT @Counted) AS counted", args, transaction))
            .ToList();
        var firsts = kinds.Select(kind => $"SELECT * FROM ({Waiting(kind, documentId)} ORDER BY confidence, seq LIMIT @Window) AS {Kind(kind)}");
        var page = _connection.Query<(string Kind, string? DocumentId, string FactId, double Confidence)>(
                $"""
                SELECT kind, document_id, fact_id, confidence FROM ({string.Join("\nUNION ALL\n", firsts)}) AS queue
                ORDER BY confidence, rank, seq LIMIT @Take OFFSET @Offset
                """,
                args,
                transaction)
            .ToList();
        var more = page.Count > limit;
        var reader = new FactReader(_connection, transaction, _dialect);
        var items = page.Take(limit).Select(p => ReviewItemOf(reader, ParseKind(p.Kind), p.DocumentId, p.FactId, p.Confidence)).ToList();
        var capped = counts.Any(c => c > countLimit);
        var seen = items.Count == 0 ? 0 : offset + items.Count + (more ? 1 : 0);
        return new FactPage<ReviewItem>(items, Math.Max(counts.Sum(c => Math.Min(c, countLimit)), seen), capped, offset, limit, more);
    }

    /// <summary>
    /// The facts of one kind with the filter's status (<c>@Status</c>), of one document when <paramref name="documentId"/>
    /// is given (<c>@DocumentId</c>): kind, rank (the kind's place among equals), document_id, fact_id, confidence, seq.
    /// </summary>
    private string Waiting(FactKind kind, string? documentId) =>
        kind == FactKind.Entity
            ? $"""
              SELECT 'entity' AS kind, {(int)kind} AS rank, NULL AS document_id, e.id AS fact_id,
                     coalesce((SELECT max(d.confidence) FROM document_entities d WHERE d.entity_id = e.id), 1.0) AS confidence, e.{_dialect.RowId} AS seq
              FROM entities e
              WHERE e.status = @Status{(documentId is null ? "" : " AND e.id IN (SELECT entity_id FROM document_entities WHERE document_id = @DocumentId)")}
              """
            : $"""
              SELECT '{Kind(kind)}' AS kind, {(int)kind} AS rank, document_id, id AS fact_id, confidence, seq FROM {TableOf(kind)}
              WHERE {(documentId is null ? "" : "document_id = @DocumentId AND ")}status = @Status
              """;

    /// <summary>One fact as the review queue shows it, whatever its status.</summary>
    public ReviewItem GetReviewItem(FactRef fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        fact = NormalizeFact(fact);
        using var transaction = BeginRead();
        _ = ReadReviewable(fact, transaction);
        var confidence = fact.Kind == FactKind.Entity
            ? _connection.ExecuteScalar<double?>("SELECT max(confidence) FROM document_entities WHERE entity_id = @FactId", new { fact.FactId }, transaction) ?? 1.0
            : _connection.ExecuteScalar<double>(
                $"SELECT confidence FROM {TableOf(fact.Kind)} WHERE document_id = @DocumentId AND id = @FactId", new { fact.DocumentId, fact.FactId }, transaction);
        return ReviewItemOf(new FactReader(_connection, transaction, _dialect), fact.Kind, fact.DocumentId, fact.FactId, confidence);
    }

    private ReviewItem ReviewItemOf(FactReader reader, FactKind kind, string? documentId, string factId, double confidence)
    {
        var args = new { DocumentId = documentId, FactId = factId };
        var transaction = reader.Transaction;
        switch (kind)
        {
            case FactKind.Entity:
            {
                var row = _connection.QuerySingle<(string Name, string Type, string Status, string? RegistryId)>(
                    "SELECT name, type, status, registry_id FROM entities WHERE id = @FactId", args, transaction);
                var best = _connection.QueryFirstOrDefault<(string DocumentId, long Start, long End)?>(
                    """
                    SELECT document_id, evidence_start, evidence_end FROM document_entities WHERE entity_id = @FactId
                    ORDER BY confidence DESC, seq LIMIT 1
                    """,
                    args,
                    transaction);
                var aliases = _connection.Query<string>("SELECT alias FROM entity_aliases WHERE entity_id = @FactId ORDER BY seq", args, transaction).ToList();
                var documents = _connection.ExecuteScalar<long>("SELECT count(*) FROM document_entities WHERE entity_id = @FactId", args, transaction);
                var evidence = best is { } b ? Evidence(reader, b.DocumentId, b.Start, b.End) : null;
                return new ReviewItem(
                    kind,
                    null,
                    best is { } d ? reader.Document(d.DocumentId).Title : null,
                    factId,
                    ParseStatus(row.Status),
                    confidence,
                    $"{row.Name} ({row.Type})",
                    evidence,
                    new Dictionary<string, string?>
                    {
                        ["name"] = row.Name,
                        ["type"] = row.Type,
                        ["registryId"] = row.RegistryId,
                        ["aliases"] = string.Join("; ", aliases),
                        ["documents"] = documents.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["evidenceDocumentId"] = best?.DocumentId,
                    });
            }

            case FactKind.Claim:
            {
                var row = _connection.QuerySingle<(string SpeakerId, string Cue, string Text, string Status, long Start, long End)>(
                    "SELECT speaker_id, cue, text, status, evidence_start, evidence_end FROM claims WHERE document_id = @DocumentId AND id = @FactId",
                    args,
                    transaction);
                var speaker = reader.Entity(row.SpeakerId);
                var about = _connection.Query<string>(
                        "SELECT entity_id FROM claim_about WHERE document_id = @DocumentId AND claim_id = @FactId ORDER BY position", args, transaction)
                    .Select(id => reader.Entity(id).Name);
                return Item(row.Status, row.Start, row.End, $"{speaker.Name} {row.Cue}: “{row.Text}”", new Dictionary<string, string?>
                {
                    ["speaker"] = speaker.Name,
                    ["speakerId"] = speaker.Id,
                    ["cue"] = row.Cue,
                    ["text"] = row.Text,
                    ["about"] = string.Join("; ", about),
                });
            }

            case FactKind.Relation:
            {
                var row = _connection.QuerySingle<(string Type, string SourceId, string TargetId, string? Role, string Status, long Start, long End)>(
                    "SELECT type, source_id, target_id, role, status, evidence_start, evidence_end FROM relations WHERE document_id = @DocumentId AND id = @FactId",
                    args,
                    transaction);
                var source = reader.Entity(row.SourceId);
                var target = reader.Entity(row.TargetId);
                var role = row.Role is null ? "" : $" (as {row.Role})";
                return Item(row.Status, row.Start, row.End, $"{source.Name} {row.Type} {target.Name}{role}", new Dictionary<string, string?>
                {
                    ["type"] = row.Type,
                    ["role"] = row.Role,
                    ["source"] = source.Name,
                    ["sourceId"] = source.Id,
                    ["target"] = target.Name,
                    ["targetId"] = target.Id,
                });
            }

            case FactKind.Event:
            {
                var row = _connection.QuerySingle<(string Type, string Date, string Precision, string Status, long Start, long End)>(
                    "SELECT type, date, date_precision, status, evidence_start, evidence_end FROM events WHERE document_id = @DocumentId AND id = @FactId",
                    args,
                    transaction);
                var places = Members("event_places").ToList();
                var actors = Members("event_actors").ToList();
                var date = StoredValues.ParseDate(row.Date, row.Precision).ToIso();
                var where = places.Count == 0 ? "" : " in " + string.Join(", ", places);
                var who = actors.Count == 0 ? "" : " (" + string.Join(", ", actors) + ")";
                return Item(row.Status, row.Start, row.End, $"{row.Type} on {date}{where}{who}", new Dictionary<string, string?>
                {
                    ["type"] = row.Type,
                    ["date"] = date,
                    ["places"] = string.Join("; ", places),
                    ["actors"] = string.Join("; ", actors),
                });

                IEnumerable<string> Members(string table) => _connection.Query<string>(
                        $"SELECT entity_id FROM {table} WHERE document_id = @DocumentId AND event_id = @FactId ORDER BY position", args, transaction)
                    .Select(id => reader.Entity(id).Name);
            }

            case FactKind.Attribute:
            {
                var row = _connection.QuerySingle<(string EntityId, string Name, string Value, string Surface, string Status, long Start, long End)>(
                    "SELECT entity_id, name, value, surface, status, evidence_start, evidence_end FROM properties WHERE document_id = @DocumentId AND id = @FactId",
                    args,
                    transaction);
                var entity = reader.Entity(row.EntityId);
                return Item(row.Status, row.Start, row.End, $"{entity.Name}: {row.Name} = {row.Value}", new Dictionary<string, string?>
                {
                    ["entity"] = entity.Name,
                    ["entityId"] = entity.Id,
                    ["name"] = row.Name,
                    ["value"] = row.Value,
                    ["surface"] = row.Surface,
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ReviewItem Item(string status, long start, long end, string summary, Dictionary<string, string?> fields) => new(
            kind,
            documentId,
            reader.Document(documentId!).Title,
            factId,
            ParseStatus(status),
            confidence,
            summary,
            Evidence(reader, documentId!, start, end),
            fields);
    }

    private static EvidenceText Evidence(FactReader reader, string documentId, long start, long end) =>
        new((int)start, (int)end, reader.Source(documentId, start, end).Evidence);
}
