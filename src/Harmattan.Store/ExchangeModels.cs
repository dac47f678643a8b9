using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

// The knowledge base as the exchange formats read it (KnowledgeStore.Export.cs): every fact with its full
// provenance, so an exporter can write the document, the evidence sentence, the component and the
// confidence beside each one without asking the store again.

/// <summary>
/// Why a fact is in the knowledge base: the document that states it (id, title, url, published date), the
/// evidence sentence and its span, the component (name/version) that read it, and its confidence (0–1).
/// </summary>
public sealed record Provenance(
    string DocumentId,
    string Title,
    string? Url,
    PartialDate? Published,
    string Evidence,
    TextSpan Span,
    string Component,
    double Confidence);

/// <summary>
/// A stored document without its text. <see cref="Source"/> and <see cref="Format"/> say where it came
/// from; an imported record (an ACLED row, a STIX object) has the importer's format, such as <c>acled</c>.
/// </summary>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    PartialDate? Published,
    string Source,
    string? Url,
    string Format,
    DateTimeOffset IngestedAt,
    IReadOnlyList<string> EntityIds)
{
    /// <summary>The date the document speaks for: its published date, else the day it was ingested.</summary>
    public PartialDate Date => Published ?? PartialDate.OfDay(IngestedAt.Year, IngestedAt.Month, IngestedAt.Day);
}

/// <summary>An entity with its aliases and the documents that list it, with the best evidence of each.</summary>
public sealed record KnowledgeEntity(
    string Id,
    EntityType Type,
    string Name,
    string? RegistryId,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Provenance> From);

public sealed record KnowledgeRelation(string Id, string Type, string SourceId, string TargetId, string? Role, Provenance From);

public sealed record KnowledgeEvent(
    string Id,
    string Type,
    PartialDate Date,
    IReadOnlyList<string> PlaceIds,
    IReadOnlyList<string> ActorIds,
    Provenance From);

public sealed record KnowledgeClaim(string Id, string SpeakerId, string Cue, string Text, IReadOnlyList<string> AboutIds, Provenance From);

public sealed record KnowledgeProperty(
    string Id,
    string EntityId,
    string Name,
    string Value,
    string Surface,
    string? SpeakerId,
    PartialDate? AsOf,
    Provenance From);

public sealed record KnowledgeQuantity(string Id, decimal Value, string? Unit, string Surface, bool Approximate, Provenance From);

/// <summary>The facts of a read, a list for each kind: held (<see cref="KnowledgeSnapshot"/>) or read as enumerated (<see cref="KnowledgeRead"/>).</summary>
public sealed record KnowledgeFacts(
    IEnumerable<KnowledgeRelation> Relations,
    IEnumerable<KnowledgeEvent> Events,
    IEnumerable<KnowledgeClaim> Claims,
    IEnumerable<KnowledgeProperty> Attributes,
    IEnumerable<KnowledgeQuantity> Quantities);

/// <summary>
/// A consistent read of the whole knowledge base (one read transaction), rejected facts left out. Facts are
/// in document date order, then the order their document gave them.
/// </summary>
public sealed record KnowledgeSnapshot(
    IReadOnlyList<KnowledgeDocument> Documents,
    IReadOnlyList<KnowledgeEntity> Entities,
    IReadOnlyList<KnowledgeRelation> Relations,
    IReadOnlyList<KnowledgeEvent> Events,
    IReadOnlyList<KnowledgeClaim> Claims,
    IReadOnlyList<KnowledgeProperty> Attributes,
    IReadOnlyList<KnowledgeQuantity> Quantities)
{
    public KnowledgeFacts Facts => new(Relations, Events, Claims, Attributes, Quantities);
}

/// <summary>Where a place is, as an imported record gave it (<see cref="Source"/>: "acled", "ucdp", "stix").</summary>
public sealed record StoredCoordinates(string EntityId, double Lat, double Lon, string Source);

/// <summary>
/// Where an imported document comes from: the source ("acled", "ucdp", "stix"), the record's own id
/// (event_id_cnty, the UCDP id, the STIX id), the file and line it was read from, its fields as the source
/// gave them (JSON), and its coordinates when it has them.
/// </summary>
public sealed record ImportedRecord(string Source, string RecordId, string File, int? Line, string Fields, double? Lat, double? Lon)
{
    /// <summary>The document that stands for the record, once stored.</summary>
    public string? DocumentId { get; init; }
}

/// <summary>What storing an imported record did.</summary>
public enum ImportOutcome
{
    Added,
    Unchanged,
    Replaced,
}
