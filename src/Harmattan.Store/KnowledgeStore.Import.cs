using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Resolution;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Stores one imported record (an ACLED or UCDP row, a STIX object) as its own document, in one
    /// transaction: <see cref="ImportOutcome.Unchanged"/> when the record is already stored with this very
    /// text; <see cref="ImportOutcome.Replaced"/> when an older version of it is, whose document and facts
    /// are then deleted (full-text rows included) before the new one is written; otherwise
    /// <see cref="ImportOutcome.Added"/>. The document goes through the same checks and entity resolver
    /// as <see cref="Upsert"/>. A text that another record or an ingested report already has is refused
    /// with HRM0207 (two records cannot share a document).
    /// </summary>
    public ImportOutcome StoreImported(ImportedRecord record, Document document, DocumentExtraction extraction, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(extraction);

        using var transaction = BeginWrite();
        var previous = _connection.QuerySingleOrDefault<string>(
            "SELECT document_id FROM imported_records WHERE source = @Source AND record_id = @RecordId",
            new { record.Source, record.RecordId },
            transaction);
        if (previous == document.Id)
        {
            return ImportOutcome.Unchanged;
        }

        if (_connection.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE id = @Id", new { document.Id }, transaction) > 0)
        {
            throw HarmattanError.InvalidExtraction.At(document.Id, $"{record.Source} record {record.RecordId} has the same text as a stored document");
        }

        ExtractionCheck.Validate(document, extraction);
        if (previous is not null)
        {
            RemoveDocumentRows(previous, transaction);
        }

        var resolutions = ResolveEntities(extraction, transaction);
        extraction = ExtractionRewriter.Rewrite(extraction, resolutions);
        var now = StoredValues.Timestamp(_clock.GetUtcNow());
        var rows = new RowBatch();
        var seq = _dialect.NextDocumentSeq(_connection, transaction, previous: null);
        AddDocument(document, seq, now, rows);
        WriteExtraction(new DocumentKey(document.Id, seq), FirstDay(document, now), extraction, resolutions, rows, transaction);
        rows.Flush(_connection, transaction, _dialect);
        AddTalliesOfDocuments([document.Id], transaction);
        _dialect.IndexDocument(_connection, transaction, document.Id);
        _connection.Execute(
            """
            INSERT INTO imported_records (source, record_id, document_id, file, line, fields, lat, lon, imported_at)
            VALUES (@Source, @RecordId, @DocumentId, @File, @Line, @Fields, @Lat, @Lon, @ImportedAt)
            """,
            new { record.Source, record.RecordId, DocumentId = document.Id, record.File, record.Line, record.Fields, record.Lat, record.Lon, ImportedAt = now },
            transaction);
        Audit(transaction, by, "import", document.Id,
            $"{record.Source} record {record.RecordId} from {Path.GetFileName(record.File)}" + (previous is null ? "" : $", replacing {previous}"));
        transaction.Commit();
        return previous is null ? ImportOutcome.Added : ImportOutcome.Replaced;
    }

    /// <summary>The records imported from one source, in import order: which document stands for each, and its fields.</summary>
    public IReadOnlyList<ImportedRecord> ImportedRecords(string source) =>
        _connection.Query<ImportedRecordRow>(
                """
                SELECT source, record_id AS RecordId, document_id AS DocumentId, file, line, fields, lat, lon
                FROM imported_records WHERE source = @Source ORDER BY seq
                """,
                new { Source = source })
            .Select(r => new ImportedRecord(r.Source, r.RecordId, r.File, r.Line is null ? null : (int)r.Line, r.Fields, r.Lat, r.Lon) { DocumentId = r.DocumentId })
            .ToList();
}
