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

/// <summary>
/// Where a fact comes from, as <see cref="FactReader.SourceColumns"/> selects it: the document's title and
/// date columns, and the evidence the database sliced (or the text's prefix, see <see cref="FactReader"/>).
/// </summary>
internal class SourceRow : PagedRow
{
    public string DocumentId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string IngestedAt { get; set; } = "";
    public long EvidenceStart { get; set; }
    public long EvidenceEnd { get; set; }
    public string? EvidenceText { get; set; }
    public long EvidenceIsPrefix { get; set; }
}

internal sealed class RelationFactRow : SourceRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string SourceName { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string TargetName { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string? Role { get; set; }
    public double Confidence { get; set; }
}

internal sealed class EventFactRow : SourceRow
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string Date { get; set; } = "";
    public string DatePrecision { get; set; } = "";
}

internal sealed class ClaimFactRow : SourceRow
{
    public string Id { get; set; } = "";
    public string SpeakerId { get; set; } = "";
    public string SpeakerName { get; set; } = "";
    public string SpeakerType { get; set; } = "";
    public string Cue { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A member of a fact in a link table (event_places, event_actors, claim_about), in order, with its name.</summary>
internal sealed class FactLinkRow
{
    /// <summary>Which of the link tables read together the row comes from (0 when one is read).</summary>
    public int Link { get; set; }
    public string DocumentId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public long Position { get; set; }
}

internal sealed class AttributeFactRow : SourceRow
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

/// <summary>The totals a page query carries on every row (KnowledgeStore.Totals); 0 for a list read whole.</summary>
internal class PagedRow
{
    public long Counted { get; set; }
    public long Excluded { get; set; }
}

/// <summary>A document naming an entity, with its date columns and how often it mentions the entity.</summary>
internal sealed class NamingDocumentRow : PagedRow
{
    public string DocumentId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Published { get; set; }
    public string? PublishedPrecision { get; set; }
    public string IngestedAt { get; set; } = "";
    public long Mentions { get; set; }
}

/// <summary>
/// One relation statement for a network: its parties and its document; read around several actors at once,
/// which actor it was read for (<see cref="Actor"/>, their position) and the order it was read in.
/// </summary>
internal sealed class RelationStatementRow
{
    public long Actor { get; set; }
    public string Type { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Day { get; set; }
    public string Other { get; set; } = "";
    public long RowId { get; set; }
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
