namespace Harmattan.Knowledge;

/// <summary>
/// One of the six entity types, as <c>data/schema/entities/&lt;Name&gt;.yaml</c> describes it: what it
/// covers, the type it specialises, and how it is exported (STIX 2.1 object, ACLED inter codes).
/// </summary>
/// <param name="StixType">The STIX 2.1 SDO an entity of this type becomes (identity, threat-actor, location).</param>
/// <param name="StixIdentityClass">For STIX identities, the identity_class (individual, organization, group).</param>
/// <param name="AcledInter">ACLED actor type codes (inter1/inter2) this type can take; empty when none fits.</param>
public sealed record EntityTypeSchema(
    EntityType Type,
    string Label,
    string Plural,
    string Description,
    EntityType? Parent,
    string StixType,
    string? StixIdentityClass,
    IReadOnlyList<int> AcledInter,
    string File);

/// <summary>
/// A relation type from <c>data/schema/relations/</c>. An undirected type is stored once and matches
/// in either direction; <see cref="Allows"/> checks its source and target ranges.
/// </summary>
/// <param name="StixRelationshipType">The STIX 2.1 relationship_type it exports as.</param>
/// <param name="StixCustom">True when that name is ours rather than from the STIX 2.1 vocabulary.</param>
public sealed record RelationTypeSchema(
    string Name,
    string Label,
    string? ReverseLabel,
    bool Directed,
    IReadOnlyList<EntityType> Source,
    IReadOnlyList<EntityType> Target,
    string Description,
    string StixRelationshipType,
    bool StixCustom,
    string File)
{
    /// <summary>
    /// True when a relation from <paramref name="source"/> to <paramref name="target"/> is in range;
    /// for an undirected type, also when the reverse is.
    /// </summary>
    public bool Allows(EntityType source, EntityType target) =>
        (Source.Contains(source) && Target.Contains(target))
        || (!Directed && Source.Contains(target) && Target.Contains(source));
}

/// <summary>
/// An event type from <c>data/schema/events/</c>: the word the extraction contract uses, other words
/// for it, and the ACLED event_type/sub_event_type it exports as when one maps.
/// </summary>
public sealed record EventTypeSchema(
    string Name,
    string Label,
    IReadOnlyList<string> Aliases,
    string Description,
    string? AcledEventType,
    string? AcledSubEventType,
    string File);
