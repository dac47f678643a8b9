namespace Harmattan.Store;

// Dapper targets for KnowledgeStore.Export.cs, as in Rows.cs: property names as the SQL aliases them,
// long and double because that is what SQLite hands back.

internal sealed class ExportDocumentRow
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string Source { get; set; } = "";
    public string? Url { get; set; }
    public string Format { get; set; } = "";
    public string IngestedAt { get; set; } = "";
}

internal sealed class ExportEntityRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";
    public string? RegistryId { get; set; }
}

/// <summary>Where a fact comes from; <see cref="KnowledgeRead"/> cuts its evidence from the document's text.</summary>
internal class ExportEvidenceRow
{
    public string OwnerId { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string? EvidenceText { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

/// <summary>An event with its places and actors as JSON arrays of entity ids, in their stored order.</summary>
internal sealed class ExportEventRow : ExportEvidenceRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Date { get; set; } = "";
    public string DatePrecision { get; set; } = "";
    public string Places { get; set; } = "[]";
    public string Actors { get; set; } = "[]";
}

/// <summary>A claim with what it is about as a JSON array of entity ids, in their stored order.</summary>
internal sealed class ExportClaimRow : ExportEvidenceRow
{
    public string Id { get; set; } = "";
    public string SpeakerId { get; set; } = "";
    public string Cue { get; set; } = "";
    public string Text { get; set; } = "";
    public string About { get; set; } = "[]";
}

internal sealed class ExportAttributeRow : ExportEvidenceRow
{
    public string Id { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public string Surface { get; set; } = "";
    public string? SpeakerId { get; set; }
    public string? AsOf { get; set; }
    public string? AsOfPrecision { get; set; }
}

internal sealed class ExportQuantityRow : ExportEvidenceRow
{
    public string Id { get; set; } = "";
    public string ValueText { get; set; } = "";
    public string? Unit { get; set; }
    public string Surface { get; set; } = "";
    public long Approximate { get; set; }
}

internal sealed class ExportRelationRow : ExportEvidenceRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Role { get; set; }
}

internal sealed class ImportedRecordRow
{
    public string Source { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string File { get; set; } = "";
    public long? Line { get; set; }
    public string Fields { get; set; } = "";
    public double? Lat { get; set; }
    public double? Lon { get; set; }
}

internal sealed class CoordinatesRow
{
    public string EntityId { get; set; } = "";
    public double Lat { get; set; }
    public double Lon { get; set; }
    public string Source { get; set; } = "";
    public long Seq { get; set; }
}
