namespace Harmattan.Store;

// Dapper targets for the analyst queries (KnowledgeStore.Queries*.cs), as in Rows.cs: property names as
// the SQL aliases them, long and double because that is what SQLite hands back.

internal sealed class EntityRefRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
}

internal sealed class NameRow
{
    public string EntityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? RegistryId { get; set; }
}

internal sealed class DocumentMetaRow
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string IngestedAt { get; set; } = "";
}

internal sealed class RelationFactRow
{
    public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string Type { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Role { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public double Confidence { get; set; }
}

internal sealed class EventFactRow
{
    public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Date { get; set; } = "";
    public string DatePrecision { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
}

internal sealed class ClaimFactRow
{
    public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string SpeakerId { get; set; } = "";
    public string Cue { get; set; } = "";
    public string Text { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
}

/// <summary>A member of a fact in a link table (event_places, event_actors, claim_about), in order.</summary>
internal sealed class FactLinkRow
{
    public string DocumentId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string EntityId { get; set; } = "";
}

internal sealed class AttributeFactRow
{
    public string Id { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public string Surface { get; set; } = "";
    public string? SpeakerId { get; set; }
    public string? AsOf { get; set; }
    public string? AsOfPrecision { get; set; }
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
}

internal sealed class PlaceUsageRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? RegistryId { get; set; }
    public long Events { get; set; }
    public long Mentions { get; set; }
    public long Documents { get; set; }
}
