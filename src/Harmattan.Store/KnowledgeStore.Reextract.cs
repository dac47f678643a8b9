using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Replaces a stored document's extraction with a new one of the same text (after the lexicons or the
    /// pipeline improved), in one transaction. What an analyst decided survives: every claim, relation, event
    /// and attribute that is confirmed, corrected or rejected stays exactly as reviewed, and the new
    /// extraction's fact with the same id is dropped (so a rejected fact does not come back proposed and a
    /// corrected one is not reverted). Proposed facts, mentions, quantities and resolutions are replaced.
    /// Entities are resolved again, and the document's splits still in force are applied again, so an
    /// occurrence an analyst moved to another entity stays there.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0204 when the document is not stored, HRM0207 when the
    /// extraction does not fit it; the store is then unchanged.</exception>
    public ReextractOutcome Reextract(Document document, DocumentExtraction extraction, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(extraction);
        using var transaction = BeginWrite();
        var id = document.Id;
        var stored = _connection.QuerySingleOrDefault<(long Seq, string Text)?>("SELECT seq, text FROM documents WHERE id = @Id", new { Id = id }, transaction)
            ?? throw HarmattanError.DocumentNotFound.At(id, "only a stored document can be re-extracted");
        if (!string.Equals(stored.Text, document.Text, StringComparison.Ordinal))
        {
            throw HarmattanError.InvalidExtraction.At(id, "the text differs from the stored document's");
        }

        ExtractionCheck.Validate(document, extraction);
        var resolutions = ResolveEntities(extraction, transaction);
        var splits = _connection.Query<(string From, string To)>(
            "SELECT entity_id, other_id FROM entity_changes WHERE kind = 'split' AND document_id = @Id AND undone_at IS NULL ORDER BY seq",
            new { Id = id },
            transaction);
        foreach (var (from, to) in splits)
        {
            resolutions = resolutions.Select(r => r.EntityId == from ? r with { EntityId = to } : r).ToList();
        }

        extraction = ExtractionRewriter.Rewrite(extraction, resolutions);

        var reviewed = ReviewedFacts(id, transaction).Select(f => (f.Kind, f.FactId)).ToHashSet();
        bool Fresh(FactKind kind, string factId) => !reviewed.Contains((kind, factId));

        var tallied = TalliesOfDocuments([id], transaction);
        _dialect.UnindexClaims(_connection, transaction, id);
        var removed = _connection.ExecuteScalar<long>(
            """
            SELECT (SELECT count(*) FROM claims WHERE document_id = @Id AND status = 'proposed')
                 + (SELECT count(*) FROM relations WHERE document_id = @Id AND status = 'proposed')
                 + (SELECT count(*) FROM events WHERE document_id = @Id AND status = 'proposed')
                 + (SELECT count(*) FROM properties WHERE document_id = @Id AND status = 'proposed')
            """,
            new { Id = id },
            transaction);
        _connection.Execute(
            """
            DELETE FROM claim_about WHERE document_id = @Id
                AND claim_id IN (SELECT id FROM claims WHERE document_id = @Id AND status = 'proposed');
            DELETE FROM claims WHERE document_id = @Id AND status = 'proposed';
            DELETE FROM relations WHERE document_id = @Id AND status = 'proposed';
            DELETE FROM event_places WHERE document_id = @Id
                AND event_id IN (SELECT id FROM events WHERE document_id = @Id AND status = 'proposed');
            DELETE FROM event_actors WHERE document_id = @Id
                AND event_id IN (SELECT id FROM events WHERE document_id = @Id AND status = 'proposed');
            DELETE FROM events WHERE document_id = @Id AND status = 'proposed';
            DELETE FROM properties WHERE document_id = @Id AND status = 'proposed';
            DELETE FROM quantities WHERE document_seq = @Seq;
            DELETE FROM mentions WHERE document_seq = @Seq;
            DELETE FROM document_entities WHERE document_id = @Id;
            DELETE FROM entity_resolutions WHERE document_seq = @Seq;
            """,
            new { Id = id, stored.Seq },
            transaction);

        var fresh = extraction with
        {
            Claims = extraction.Claims.Where(c => Fresh(FactKind.Claim, c.Id)).ToList(),
            Relations = extraction.Relations.Where(r => Fresh(FactKind.Relation, r.Id)).ToList(),
            Events = extraction.Events.Where(e => Fresh(FactKind.Event, e.Id)).ToList(),
            Attributes = extraction.Attributes.Where(p => Fresh(FactKind.Attribute, p.Id)).ToList(),
        };
        var rows = new RowBatch();
        // The document's ingest day is the database's to give (it is not at hand here).
        WriteExtraction(new DocumentKey(id, stored.Seq), document.Published is { } published ? StoredValues.Day(published.Earliest) : null, fresh, resolutions, rows, transaction);
        rows.Flush(_connection, transaction, _dialect);
        _dialect.IndexClaims(_connection, transaction, id);

        // A reviewed fact may name an entity the new extraction no longer lists; the document still names it.
        _connection.Execute(
            """
            INSERT INTO document_entities (document_id, entity_id, evidence_start, evidence_end, component, confidence)
            SELECT @Id, f.entity_id, f.evidence_start, f.evidence_end, f.component, f.confidence FROM (
                SELECT speaker_id AS entity_id, evidence_start, evidence_end, component, confidence FROM claims WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT source_id, evidence_start, evidence_end, component, confidence FROM relations WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT target_id, evidence_start, evidence_end, component, confidence FROM relations WHERE document_id = @Id AND status <> 'proposed'
                UNION ALL SELECT entity_id, evidence_start, evidence_end, component, confidence FROM properties WHERE document_id = @Id AND status <> 'proposed'
            ) f
            WHERE true
            ON CONFLICT (document_id, entity_id) DO NOTHING
            """,
            new { Id = id },
            transaction);
        AddTallyDifference([id], tallied, transaction);
        _connection.Execute(
            "UPDATE documents SET extracted_at = @At WHERE id = @Id",
            new { Id = id, At = StoredValues.Timestamp(_clock.GetUtcNow()) },
            transaction);
        var kept = reviewed.Count;
        var added = fresh.Claims.Count + fresh.Relations.Count + fresh.Events.Count + fresh.Attributes.Count;
        Audit(transaction, by, "reextract", id, $"{kept} reviewed facts kept, {removed} replaced, {added} added");
        transaction.Commit();

        return new ReextractOutcome(id, kept, (int)removed, added);
    }
}
