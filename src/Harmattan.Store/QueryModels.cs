using Harmattan.Knowledge;

namespace Harmattan.Store;

// Read models of the analyst queries (KnowledgeStore.Queries*.cs). Hosts (CLI, server) render these;
// every fact carries the document it comes from and the sentence that says it.

/// <summary>An entity as the queries name it: enough to show it and to ask about it again.</summary>
public sealed record EntityRef(string Id, string Name, EntityType Type);

/// <summary>
/// Where a fact comes from: the document, its date and the evidence sentence. <see cref="Date"/> is the
/// document's published date, or the day it was ingested when the document gave none
/// (<see cref="DateIsPublished"/> says which). <see cref="EvidenceStart"/> and <see cref="EvidenceEnd"/>
/// locate the evidence in the document's text (UTF-16 offsets, end exclusive), so a reader can show it
/// there; 0 and 0 when the fact did not come from a stored text.
/// </summary>
public sealed record FactSource(string DocumentId, string Title, PartialDate Date, bool DateIsPublished, string Evidence, int EvidenceStart = 0, int EvidenceEnd = 0);

/// <summary>
/// A period of the calendar given as ISO partial dates, both ends optional and inclusive: "since 2012"
/// starts on 1 January 2012, "until 2012-03" ends on 31 March 2012. A dated thing is in the period when
/// the days it may denote overlap it, so a document dated "2012" is in "since 2012-06".
/// </summary>
public sealed record DatePeriod(PartialDate? Since = null, PartialDate? Until = null)
{
    public static DatePeriod Always { get; } = new();

    public bool IsBounded => Since is not null || Until is not null;

    /// <summary>The first day of the period, as stored in <c>events.earliest_day</c> style (YYYY-MM-DD).</summary>
    public DateOnly FirstDay => Since?.Earliest ?? DateOnly.MinValue;

    public DateOnly LastDay => Until?.Latest ?? DateOnly.MaxValue;

    public bool Overlaps(PartialDate date) => date.Latest >= FirstDay && date.Earliest <= LastDay;

    public override string ToString() => (Since, Until) switch
    {
        (null, null) => "any time",
        (PartialDate s, null) => "since " + s.ToIso(),
        (null, PartialDate u) => "until " + u.ToIso(),
        (PartialDate s, PartialDate u) => s.ToIso() + " to " + u.ToIso(),
    };
}

/// <summary>One stored relation between two entities with its source.</summary>
public sealed record RelationFact(string Id, string Type, EntityRef Source, EntityRef Target, string? Role, double Confidence, FactSource From);

/// <summary>One stored event; <see cref="Date"/> is the date as the text gave it.</summary>
public sealed record EventFact(
    string Id,
    string Type,
    PartialDate Date,
    IReadOnlyList<EntityRef> Places,
    IReadOnlyList<EntityRef> Actors,
    FactSource From);

/// <summary>An attributed statement: who said it, the reporting verb, what was said and what it is about.</summary>
public sealed record ClaimFact(
    string Id,
    EntityRef Speaker,
    string Cue,
    string Text,
    IReadOnlyList<EntityRef> About,
    FactSource From);

/// <summary>
/// A sourced attribute of an actor (ideology, goal, composition, origin, founded, strength, leader): the
/// normalised value, the words the text used, who said it when it was attributed, and the date it holds for.
/// </summary>
public sealed record AttributeFact(
    string Id,
    EntityRef Entity,
    string Name,
    string Value,
    string Surface,
    EntityRef? Speaker,
    PartialDate? AsOf,
    FactSource From);

/// <summary>A document that names an entity: its title and date, and how often it mentions the entity.</summary>
public sealed record NamingDocument(string DocumentId, string Title, PartialDate Date, bool DateIsPublished, int Mentions);

/// <summary>
/// Everything the knowledge base says about one actor. <see cref="NamedIn"/> lists the documents that name
/// it, oldest first; <see cref="FirstSeen"/> and <see cref="LastSeen"/> are their earliest and latest dates
/// (published, else ingested).
/// </summary>
public sealed record ActorProfile(
    EntityRef Entity,
    string? RegistryId,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<NamingDocument> NamedIn,
    PartialDate? FirstSeen,
    PartialDate? LastSeen,
    IReadOnlyList<AttributeFact> Attributes,
    IReadOnlyList<RelationFact> Relations,
    IReadOnlyList<EventFact> Events,
    IReadOnlyList<ClaimFact> ClaimsBy,
    IReadOnlyList<ClaimFact> ClaimsAbout)
{
    /// <summary>How many documents name the actor (in a mention, a claim, a relation, an event or as listed).</summary>
    public int Documents => NamedIn.Count;
}

/// <summary>A place or country and how much the knowledge base has on it.</summary>
public sealed record PlaceUsage(EntityRef Place, string? RegistryId, int Events, int Mentions, int Documents);

/// <summary>
/// Which relations to read for a network: a period (of the documents' dates), relation types, and entity
/// types that both parties must have; an empty list means all.
/// </summary>
public sealed record RelationFilter(
    DatePeriod? Period = null,
    IReadOnlyCollection<string>? Types = null,
    IReadOnlyCollection<EntityType>? EntityTypes = null);

/// <summary>Which events to read for a timeline; the period is compared with the events' own dates.</summary>
public sealed record EventFilter(EntityRef? Actor = null, EntityRef? Place = null, DatePeriod? Period = null);

/// <summary>Which claims to read; the period is compared with the dates of the documents they are in.</summary>
public sealed record ClaimFilter(EntityRef? Speaker = null, EntityRef? About = null, DatePeriod? Period = null);
