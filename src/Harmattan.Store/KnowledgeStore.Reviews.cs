using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Records an analyst's review of one fact and applies it, in one transaction: confirm, reject, or
    /// correct fields (see <see cref="ReviewFields.Correctable"/>), which also confirms the fact. Values are
    /// checked before anything is written: a relation or event type must be one of <paramref name="schema"/>'s
    /// (and a relation type must allow its two parties' types), a speaker must be a stored entity, a date an
    /// ISO partial date, an entity type one of <see cref="EntityType"/>. Correcting an entity's name keeps
    /// the old name as an alias, so it is still found by it.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0215 when the fact does not exist, HRM0217 when it is no longer in
    /// <see cref="ReviewRequest.ExpectedStatus"/>, HRM0401 for a bad field or value, HRM0210/0211 for a speaker
    /// that names no entity or several, HRM0204/0205 for the document.</exception>
    public ReviewRecord Review(ReviewRequest request, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        var by = RequireBy(request.By);
        var fact = NormalizeFact(request.Fact);
        var wanted = PrepareChanges(request, schema);

        using var transaction = BeginWrite();
        var current = ReadReviewable(fact, transaction);
        if (request.ExpectedStatus is { } expected && expected != current.Status)
        {
            throw HarmattanError.ReviewConflict.At(
                fact.ToString(),
                $"it is {Status(current.Status)} now, not {Status(expected)}: someone reviewed it meanwhile; reload it and review again");
        }

        var changes = new List<FieldChange>();
        foreach (var (field, value) in wanted)
        {
            var before = current.Fields[field];
            if (!string.Equals(before, value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, before, value));
            }
        }

        if (request.Action == ReviewAction.Correct)
        {
            if (changes.Count == 0)
            {
                throw HarmattanError.BadArgument.At(fact.ToString(), "the correction changes nothing: every field already has that value");
            }

            if (fact.Kind == FactKind.Relation && changes.Any(c => c.Field == "type"))
            {
                CheckRelationRange(schema, changes.First(c => c.Field == "type").After!, current, fact);
            }

            ApplyFields(fact, changes.Select(c => (c.Field, c.After)), transaction);
        }

        var after = request.Action == ReviewAction.Reject ? ReviewStatus.Rejected : ReviewStatus.Confirmed;
        SetStatus(fact, after, transaction);
        var at = _clock.GetUtcNow();
        var id = StableId.For("rev", fact.ToString(), Action(request.Action), by, StoredValues.Timestamp(at), Guid.NewGuid().ToString("N"));
        _connection.Execute(
            """
            INSERT INTO reviews (id, kind, document_id, fact_id, action, status_before, status_after, by, at)
            VALUES (@Id, @Kind, @DocumentId, @FactId, @Action, @Before, @After, @By, @At)
            """,
            new
            {
                Id = id,
                Kind = Kind(fact.Kind),
                fact.DocumentId,
                fact.FactId,
                Action = Action(request.Action),
                Before = Status(current.Status),
                After = Status(after),
                By = by,
                At = StoredValues.Timestamp(at),
            },
            transaction);
        _connection.Execute(
            "INSERT INTO review_changes (review_id, field, before, after) VALUES (@ReviewId, @Field, @Before, @After)",
            changes.Select(c => new { ReviewId = id, c.Field, c.Before, c.After }),
            transaction);
        Audit(transaction, by, "review", id, $"{request.Action.ToString().ToLowerInvariant()} {fact}" + string.Concat(changes.Select(c => $"; {c.Field}: {c.Before} -> {c.After}")));
        transaction.Commit();
        return new ReviewRecord(id, fact.Kind, fact.DocumentId, fact.FactId, request.Action, changes, current.Status, after, by, at, null, null);
    }

    /// <summary>
    /// Undoes a review: the fact gets back its status and every field the review changed. Refused (HRM0217)
    /// when the review is already undone, or when a later review of the same fact is still in force (undo
    /// that one first), or when a speaker it would restore no longer exists (merged away).
    /// </summary>
    public ReviewRecord UndoReview(string reviewId, string by)
    {
        ArgumentNullException.ThrowIfNull(reviewId);
        by = RequireBy(by);
        using var transaction = BeginWrite();
        var review = ReadReview(reviewId.Trim(), transaction);
        if (review.UndoneAt is not null)
        {
            throw HarmattanError.ReviewConflict.At(review.Id, $"it was already undone by {review.UndoneBy} at {StoredValues.Timestamp(review.UndoneAt.Value)}");
        }

        var later = _connection.ExecuteScalar<string?>(
            """
            SELECT id FROM reviews
            WHERE kind = @Kind AND fact_id = @FactId AND document_id IS NOT DISTINCT FROM @DocumentId AND undone_at IS NULL
              AND seq > (SELECT seq FROM reviews WHERE id = @Id)
            ORDER BY seq DESC LIMIT 1
            """,
            new { Kind = Kind(review.Kind), review.FactId, review.DocumentId, review.Id },
            transaction);
        if (later is not null)
        {
            throw HarmattanError.ReviewConflict.At(review.Id, $"a later review of the same fact is in force: undo {later} first");
        }

        var fact = new FactRef(review.Kind, review.DocumentId, review.FactId);
        _ = ReadReviewable(fact, transaction);
        foreach (var change in review.Changes.Where(c => c.Field == "speaker"))
        {
            if (_connection.ExecuteScalar<long>("SELECT count(*) FROM entities WHERE id = @Id", new { Id = change.Before }, transaction) == 0)
            {
                throw HarmattanError.ReviewConflict.At(review.Id, $"the speaker it would restore ({change.Before}) no longer exists; it was merged into another entity");
            }
        }

        ApplyFields(fact, review.Changes.Select(c => (c.Field, c.Before)), transaction);
        SetStatus(fact, review.StatusBefore, transaction);
        var at = _clock.GetUtcNow();
        _connection.Execute(
            "UPDATE reviews SET undone_by = @By, undone_at = @At WHERE id = @Id",
            new { By = by, At = StoredValues.Timestamp(at), review.Id },
            transaction);
        Audit(transaction, by, "review.undo", review.Id, $"{review.Action.ToString().ToLowerInvariant()} {fact} undone; back to {review.StatusBefore.ToString().ToLowerInvariant()}");
        transaction.Commit();
        return review with { UndoneBy = by, UndoneAt = at };
    }

    /// <summary>One recorded review by its id or an id prefix (HRM0216 when there is none, HRM0217 when a prefix fits several).</summary>
    public ReviewRecord GetReview(string reviewId)
    {
        ArgumentNullException.ThrowIfNull(reviewId);
        using var transaction = BeginRead();
        return ReadReview(reviewId.Trim(), transaction);
    }

    /// <summary>Recorded reviews, newest first, with how many the filter admits in all.</summary>
    public (IReadOnlyList<ReviewRecord> Reviews, int Total) ListReviews(ReviewLogFilter? filter = null, int offset = 0, int limit = 100)
    {
        filter ??= new ReviewLogFilter();
        using var transaction = BeginRead();
        var documentId = filter.Document is null ? null : ResolveId(filter.Document.Trim().ToLowerInvariant(), transaction);
        const string Where = """
            (@Kind IS NULL OR kind = @Kind) AND (@DocumentId IS NULL OR document_id = @DocumentId)
            AND (@FactId IS NULL OR fact_id = @FactId)
            """;
        var args = new { Kind = filter.Kind is { } k ? Kind(k) : null, DocumentId = documentId, filter.FactId, Offset = offset, Limit = limit };
        var total = _connection.ExecuteScalar<long>($"SELECT count(*) FROM reviews WHERE {Where}", args, transaction);
        var rows = _connection.Query<ReviewRow>(
                $"{ReviewColumns} FROM reviews WHERE {Where} ORDER BY seq DESC LIMIT @Limit OFFSET @Offset", args, transaction)
            .ToList();
        var changes = ReadChanges(rows.Select(r => r.Id), transaction);
        return (rows.Select(r => ToRecord(r, changes)).ToList(), (int)total);
    }

    /// <summary>The review status of every fact of a document that is no longer proposed, and of the entities it names.</summary>
    public IReadOnlyList<(FactKind Kind, string FactId, ReviewStatus Status)> GetReviewStatuses(string documentIdOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(documentIdOrPrefix);
        using var transaction = BeginRead();
        var id = ResolveId(documentIdOrPrefix.Trim().ToLowerInvariant(), transaction);
        return ReviewedFacts(id, transaction)
            .Concat(_connection.Query<(string Kind, string FactId, string Status)>(
                """
                SELECT 'entity', e.id, e.status FROM entities e
                WHERE e.status <> 'proposed' AND e.id IN (SELECT entity_id FROM document_entities WHERE document_id = @Id)
                """,
                new { Id = id },
                transaction).Select(r => (ParseKind(r.Kind), r.FactId, ParseStatus(r.Status))))
            .ToList();
    }

    /// <summary>The claims, relations, events and attributes of one document that an analyst reviewed.</summary>
    private IEnumerable<(FactKind Kind, string FactId, ReviewStatus Status)> ReviewedFacts(string documentId, DbTransaction transaction) =>
        _connection.Query<(string Kind, string FactId, string Status)>(
                """
                SELECT 'claim', id, status FROM claims WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT 'relation', id, status FROM relations WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT 'event', id, status FROM events WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT 'attribute', id, status FROM properties WHERE document_id = @Id AND status <> 'proposed'
                """,
                new { Id = documentId },
                transaction)
            .Select(r => (ParseKind(r.Kind), r.FactId, ParseStatus(r.Status)));

    private const string ReviewColumns = """
        SELECT id, kind, document_id AS DocumentId, fact_id AS FactId, action, status_before AS StatusBefore,
               status_after AS StatusAfter, by, at, undone_by AS UndoneBy, undone_at AS UndoneAt
        """;

    private ReviewRecord ReadReview(string reference, DbTransaction transaction)
    {
        var rows = _connection.Query<ReviewRow>(
                $"{ReviewColumns} FROM reviews WHERE id = @Reference OR (length(@Reference) >= 8 AND id >= @Reference AND id < @Upper) ORDER BY id LIMIT 2",
                new { Reference = reference, Upper = reference + "{" },
                transaction)
            .ToList();
        var row = rows.Count switch
        {
            0 => throw HarmattanError.ReviewNotFound.At(reference),
            1 => rows[0],
            _ => rows.FirstOrDefault(r => r.Id == reference)
                 ?? throw HarmattanError.ReviewConflict.At(reference, $"it matches {rows[0].Id}, {rows[1].Id} and maybe more; give the whole id"),
        };
        return ToRecord(row, ReadChanges([row.Id], transaction));
    }

    private Dictionary<string, List<FieldChange>> ReadChanges(IEnumerable<string> reviewIds, DbTransaction transaction) =>
        _connection.Query<(string ReviewId, string Field, string? Before, string? After)>(
                $"SELECT review_id, field, before, after FROM review_changes WHERE {_dialect.InStrings("review_id", "@Ids")} ORDER BY seq",
                new { Ids = _dialect.Strings(reviewIds) },
                transaction)
            .GroupBy(r => r.ReviewId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new FieldChange(r.Field, r.Before, r.After)).ToList(), StringComparer.Ordinal);

    private static ReviewRecord ToRecord(ReviewRow row, Dictionary<string, List<FieldChange>> changes) => new(
        row.Id,
        ParseKind(row.Kind),
        row.DocumentId,
        row.FactId,
        Enum.Parse<ReviewAction>(row.Action, ignoreCase: true),
        changes.TryGetValue(row.Id, out var list) ? list : [],
        ParseStatus(row.StatusBefore),
        ParseStatus(row.StatusAfter),
        row.By,
        StoredValues.ParseTimestamp(row.At),
        row.UndoneBy,
        row.UndoneAt is null ? null : StoredValues.ParseTimestamp(row.UndoneAt));

    private static string RequireBy(string? by) =>
        string.IsNullOrWhiteSpace(by)
            ? throw HarmattanError.BadArgument.At("by", "say who is reviewing (a name or login): every review is recorded with who and when")
            : by.Trim();

    /// <summary>The fact with its document id resolved from a prefix; an entity has no document, every other kind needs one.</summary>
    private FactRef NormalizeFact(FactRef fact)
    {
        if (string.IsNullOrWhiteSpace(fact.FactId))
        {
            throw HarmattanError.BadArgument.At("factId", "is required");
        }

        if (fact.Kind == FactKind.Entity)
        {
            return string.IsNullOrWhiteSpace(fact.DocumentId)
                ? fact with { DocumentId = null, FactId = fact.FactId.Trim() }
                : throw HarmattanError.BadArgument.At("documentId", "an entity is reviewed across documents: give no document");
        }

        if (string.IsNullOrWhiteSpace(fact.DocumentId))
        {
            throw HarmattanError.BadArgument.At("documentId", $"a {Kind(fact.Kind)} is reviewed in its document: give the document id");
        }

        using var transaction = BeginRead();
        return fact with { DocumentId = ResolveId(fact.DocumentId.Trim().ToLowerInvariant(), transaction), FactId = fact.FactId.Trim() };
    }

    /// <summary>Checks the requested fields and turns each value into what its column stores.</summary>
    private List<(string Field, string? Value)> PrepareChanges(ReviewRequest request, Schema schema)
    {
        var changes = request.Changes ?? new Dictionary<string, string?>();
        if (request.Action != ReviewAction.Correct)
        {
            return changes.Count == 0
                ? []
                : throw HarmattanError.BadArgument.At("changes", $"only a correction changes fields; to {Action(request.Action)} a fact send no changes");
        }

        if (changes.Count == 0)
        {
            throw HarmattanError.BadArgument.At("changes", $"a correction names the fields it changes: {string.Join(", ", ReviewFields.Correctable(request.Fact.Kind))}");
        }

        var allowed = ReviewFields.Correctable(request.Fact.Kind);
        var prepared = new List<(string, string?)>();
        foreach (var (rawField, rawValue) in changes)
        {
            var field = rawField.Trim().ToLowerInvariant();
            if (!allowed.Contains(field))
            {
                throw HarmattanError.BadArgument.At(rawField, $"a {Kind(request.Fact.Kind)} has no correctable field '{rawField}'; it has {string.Join(", ", allowed)}");
            }

            var value = rawValue?.Trim();
            prepared.Add((field, (request.Fact.Kind, field) switch
            {
                (FactKind.Relation, "role") => string.IsNullOrEmpty(value) ? null : value,
                (_, _) when string.IsNullOrEmpty(value) => throw HarmattanError.BadArgument.At(field, "the new value is empty"),
                (FactKind.Entity, "name") => value,
                (FactKind.Entity, "type") => Enum.TryParse<EntityType>(value, ignoreCase: true, out var type) && Enum.IsDefined(type)
                    ? type.ToString()
                    : throw HarmattanError.BadArgument.At(field, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<EntityType>())}"),
                (FactKind.Claim, "speaker") => ResolveEntity(value).Id,
                (FactKind.Relation, "type") => schema.TryGetRelation(value, out var relation)
                    ? relation.Name
                    : throw HarmattanError.BadArgument.At(field, $"'{value}' is not a relation type; the schema has {string.Join(", ", schema.RelationTypes.Select(r => r.Name))}"),
                (FactKind.Event, "type") => schema.TryGetEvent(value, out var eventType)
                    ? eventType.Name
                    : throw HarmattanError.BadArgument.At(field, $"'{value}' is not an event type; the schema has {string.Join(", ", schema.EventTypes.Select(e => e.Name))}"),
                (FactKind.Event, "date") => PartialDate.TryParse(value, out var date)
                    ? date.ToIso()
                    : throw HarmattanError.BadArgument.At(field, $"'{value}' is not a date like 2012, 2012-03 or 2012-03-22"),
                (FactKind.Attribute, "value") => value,
                _ => throw new InvalidOperationException($"unhandled field {field}"),
            }));
        }

        return prepared;
    }

    private static void CheckRelationRange(Schema schema, string type, Reviewable current, FactRef fact)
    {
        var relation = schema.RelationTypes.First(r => r.Name == type);
        var source = Enum.Parse<EntityType>(current.Fields["sourceType"]!);
        var target = Enum.Parse<EntityType>(current.Fields["targetType"]!);
        if (!relation.Allows(source, target))
        {
            throw HarmattanError.BadArgument.At(
                fact.ToString(), $"{type} does not join {source} to {target} (data/schema/relations/{type}.yaml)");
        }
    }

    /// <summary>A fact's current status and the stored values of its correctable fields (plus what the checks need).</summary>
    private sealed record Reviewable(ReviewStatus Status, Dictionary<string, string?> Fields);

    private Reviewable ReadReviewable(FactRef fact, DbTransaction transaction)
    {
        var args = new { fact.DocumentId, fact.FactId };
        var row = fact.Kind switch
        {
            FactKind.Entity => _connection.QuerySingleOrDefault<ReviewableRow>(
                "SELECT status, name AS A, type AS B, NULL AS C, NULL AS D FROM entities WHERE id = @FactId", args, transaction),
            FactKind.Claim => _connection.QuerySingleOrDefault<ReviewableRow>(
                "SELECT status, speaker_id AS A, NULL AS B, NULL AS C, NULL AS D FROM claims WHERE document_id = @DocumentId AND id = @FactId", args, transaction),
            FactKind.Relation => _connection.QuerySingleOrDefault<ReviewableRow>(
                """
                SELECT r.status, r.type AS A, r.role AS B, s.type AS C, t.type AS D
                FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id
                WHERE r.document_id = @DocumentId AND r.id = @FactId
                """,
                args,
                transaction),
            FactKind.Event => _connection.QuerySingleOrDefault<ReviewableRow>(
                "SELECT status, type AS A, date AS B, date_precision AS C, NULL AS D FROM events WHERE document_id = @DocumentId AND id = @FactId", args, transaction),
            FactKind.Attribute => _connection.QuerySingleOrDefault<ReviewableRow>(
                "SELECT status, value AS A, NULL AS B, NULL AS C, NULL AS D FROM properties WHERE document_id = @DocumentId AND id = @FactId", args, transaction),
            _ => throw new ArgumentOutOfRangeException(nameof(fact)),
        };
        if (row is null)
        {
            throw HarmattanError.FactNotFound.At(fact.ToString(), fact.Kind == FactKind.Entity
                ? "no entity has this id"
                : $"document {fact.DocumentId} has no {Kind(fact.Kind)} with this id");
        }

        var fields = fact.Kind switch
        {
            FactKind.Entity => new Dictionary<string, string?> { ["name"] = row.A, ["type"] = row.B },
            FactKind.Claim => new Dictionary<string, string?> { ["speaker"] = row.A },
            FactKind.Relation => new Dictionary<string, string?> { ["type"] = row.A, ["role"] = row.B, ["sourceType"] = row.C, ["targetType"] = row.D },
            FactKind.Event => new Dictionary<string, string?> { ["type"] = row.A, ["date"] = StoredValues.ParseDate(row.B!, row.C!).ToIso() },
            _ => new Dictionary<string, string?> { ["value"] = row.A },
        };
        return new Reviewable(ParseStatus(row.Status), fields);
    }

    /// <summary>Writes field values as stored (a review's after values, or an undo's before values).</summary>
    private void ApplyFields(FactRef fact, IEnumerable<(string Field, string? Value)> values, DbTransaction transaction)
    {
        var keys = new { fact.DocumentId, fact.FactId };
        var touchedEntity = false;
        foreach (var (field, value) in values)
        {
            var args = new { fact.DocumentId, fact.FactId, Value = value };
            switch (fact.Kind, field)
            {
                case (FactKind.Entity, "name"):
                    // The old name stays an alias, so the entity is still found under it.
                    _connection.Execute(
                        """
                        INSERT INTO entity_aliases (entity_id, alias) SELECT id, name FROM entities WHERE id = @FactId ON CONFLICT DO NOTHING;
                        UPDATE entities SET name = @Value WHERE id = @FactId;
                        INSERT INTO entity_aliases (entity_id, alias) VALUES (@FactId, @Value) ON CONFLICT DO NOTHING;
                        """,
                        args,
                        transaction);
                    touchedEntity = true;
                    break;
                case (FactKind.Entity, "type"):
                    _connection.Execute("UPDATE entities SET type = @Value WHERE id = @FactId", args, transaction);
                    touchedEntity = true;
                    break;
                case (FactKind.Claim, "speaker"):
                    _connection.Execute("UPDATE claims SET speaker_id = @Value WHERE document_id = @DocumentId AND id = @FactId", args, transaction);
                    break;
                case (FactKind.Relation, "type"):
                    _connection.Execute("UPDATE relations SET type = @Value WHERE document_id = @DocumentId AND id = @FactId", args, transaction);
                    break;
                case (FactKind.Relation, "role"):
                    _connection.Execute("UPDATE relations SET role = @Value WHERE document_id = @DocumentId AND id = @FactId", args, transaction);
                    break;
                case (FactKind.Event, "type"):
                    _connection.Execute("UPDATE events SET type = @Value WHERE document_id = @DocumentId AND id = @FactId", args, transaction);
                    break;
                case (FactKind.Event, "date"):
                    var date = PartialDate.Parse(value!);
                    _connection.Execute(
                        """
                        UPDATE events SET date = @Date, date_precision = @Precision, earliest_day = @Earliest, latest_day = @Latest
                        WHERE document_id = @DocumentId AND id = @FactId
                        """,
                        new
                        {
                            keys.DocumentId,
                            keys.FactId,
                            Date = date.ToIso(),
                            Precision = date.Precision.ToString(),
                            Earliest = StoredValues.Day(date.Earliest),
                            Latest = StoredValues.Day(date.Latest),
                        },
                        transaction);
                    break;
                case (FactKind.Attribute, "value"):
                    _connection.Execute("UPDATE properties SET value = @Value WHERE document_id = @DocumentId AND id = @FactId", args, transaction);
                    break;
                default:
                    throw new InvalidOperationException($"unhandled field {field} of {fact.Kind}");
            }
        }

        if (touchedEntity)
        {
            // Lookup keys are per type and name: rebuild them from the entity as it now is.
            var entity = _connection.QuerySingle<EntityRefRow>("SELECT id, name, type FROM entities WHERE id = @FactId", keys, transaction);
            var aliases = _connection.Query<string>("SELECT alias FROM entity_aliases WHERE entity_id = @FactId", keys, transaction).ToList();
            _connection.Execute("DELETE FROM entity_keys WHERE entity_id = @FactId", keys, transaction);
            WriteKeys(entity.Id, Enum.Parse<EntityType>(entity.Type), entity.Name, aliases, transaction);
        }
    }

    private void SetStatus(FactRef fact, ReviewStatus status, DbTransaction transaction)
    {
        var sql = fact.Kind == FactKind.Entity
            ? "UPDATE entities SET status = @Status WHERE id = @FactId"
            : $"UPDATE {TableOf(fact.Kind)} SET status = @Status WHERE document_id = @DocumentId AND id = @FactId";
        // An event rejected (or no longer) is one event fewer (or more) at each of its places.
        var tallied = fact is { Kind: FactKind.Event, DocumentId: { } documentId } ? TalliesOfDocuments([documentId], transaction) : null;
        _connection.Execute(sql, new { Status = Status(status), fact.DocumentId, fact.FactId }, transaction);
        if (tallied is not null)
        {
            AddTallyDifference([fact.DocumentId!], tallied, transaction);
        }
    }

    private static string TableOf(FactKind kind) => kind switch
    {
        FactKind.Entity => "entities",
        FactKind.Claim => "claims",
        FactKind.Relation => "relations",
        FactKind.Event => "events",
        FactKind.Attribute => "properties",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static string Kind(FactKind kind) => kind.ToString().ToLowerInvariant();

    internal static FactKind ParseKind(string kind) => Enum.Parse<FactKind>(kind, ignoreCase: true);

    private static string Action(ReviewAction action) => action.ToString().ToLowerInvariant();

    internal static string Status(ReviewStatus status) => status.ToString().ToLowerInvariant();

    internal static ReviewStatus ParseStatus(string status) => Enum.Parse<ReviewStatus>(status, ignoreCase: true);

    private sealed class ReviewableRow
    {
        public string Status { get; set; } = "";
        public string? A { get; set; }
        public string? B { get; set; }
        public string? C { get; set; }
        public string? D { get; set; }
    }

    private sealed class ReviewRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? DocumentId { get; set; }
        public string FactId { get; set; } = "";
        public string Action { get; set; } = "";
        public string StatusBefore { get; set; } = "";
        public string StatusAfter { get; set; } = "";
        public string By { get; set; } = "";
        public string At { get; set; } = "";
        public string? UndoneBy { get; set; }
        public string? UndoneAt { get; set; }
    }
}
