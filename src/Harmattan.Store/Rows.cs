namespace Harmattan.Store;

// Dapper targets for the read side: one class per query shape, property names as the SQL aliases them.
// Integers are long and reals double because that is what SQLite hands back.

internal sealed class DocumentRow
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string Source { get; set; } = "";
    public string? Url { get; set; }
    public string Format { get; set; } = "";
    public string Text { get; set; } = "";
    public string IngestedAt { get; set; } = "";
    public long WordCount { get; set; }
    public string? ExtractedAt { get; set; }
}

internal sealed class DocumentSummaryRow
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string Source { get; set; } = "";
    public string Format { get; set; } = "";
    public string IngestedAt { get; set; } = "";
    public long WordCount { get; set; }
    public long EntityCount { get; set; }
    public long ClaimCount { get; set; }
    public long EventCount { get; set; }
}

internal sealed class EntityRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";
    public string? RegistryId { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class MentionRow
{
    public string EntityId { get; set; } = "";
    public long SpanStart { get; set; }
    public long SpanEnd { get; set; }
    public string Surface { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class ClaimRow
{
    public string Id { get; set; } = "";
    public string SpeakerId { get; set; } = "";
    public string Cue { get; set; } = "";
    public string Text { get; set; } = "";
    public long ContentStart { get; set; }
    public long ContentEnd { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class RelationRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Role { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class EventRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Date { get; set; } = "";
    public string DatePrecision { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class QuantityRow
{
    public string Id { get; set; } = "";
    public string ValueText { get; set; } = "";
    public string? Unit { get; set; }
    public string Surface { get; set; } = "";
    public long Approximate { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

/// <summary>A link row (claim_about, event_places, event_actors, entity_aliases): owner and member.</summary>
internal sealed class LinkRow
{
    public string OwnerId { get; set; } = "";
    public string MemberId { get; set; } = "";
}

internal class SearchRow
{
    public string Kind { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? ClaimId { get; set; }
    /// <summary>Higher is better; it orders the hits of one search only.</summary>
    public double Score { get; set; }

    public string Snippet { get; set; } = "";
}

internal sealed class TopEntityRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public long Documents { get; set; }
    public long Mentions { get; set; }
}

internal sealed class PropertyRow
{
    public string Id { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public string Surface { get; set; } = "";
    public string? SpeakerId { get; set; }
    public string? AsOf { get; set; }
    public string? AsOfPrecision { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string Component { get; set; } = "";
    public double Confidence { get; set; }
}

internal sealed class ResolutionRow
{
    public string ExtractedId { get; set; } = "";
    public string Name { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Method { get; set; } = "";
    public double Score { get; set; }
    public string? Matched { get; set; }
    public string? Note { get; set; }
}

internal sealed class EntityChangeRow
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string EntityName { get; set; } = "";
    public string OtherId { get; set; } = "";
    public string OtherName { get; set; } = "";
    public string? DocumentId { get; set; }
    public string By { get; set; } = "";
    public string At { get; set; } = "";
    public long Rows { get; set; }
    public string? UndoneBy { get; set; }
    public string? UndoneAt { get; set; }
}

internal sealed class ChangeRow
{
    public string Action { get; set; } = "";
    public string TableName { get; set; } = "";
    public long RowId { get; set; }
    public string? ColumnName { get; set; }
    public object? OldValue { get; set; }
    public string? RowJson { get; set; }
}
