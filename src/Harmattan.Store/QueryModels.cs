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
/// How many documents name an entity in a period (<see cref="DocumentsIsLowerBound"/>: "at least", past
/// <see cref="KnowledgeStore.CountLimit"/>), and the first and the last of them by date; null when none does.
/// </summary>
public sealed record NamingSpan(long Documents, bool DocumentsIsLowerBound, NamingDocument? First, NamingDocument? Last);

/// <summary>
/// One page of a list a query answers, with how many items the whole list holds. Counting stops at
/// <see cref="KnowledgeStore.CountLimit"/> so that a count costs no more than a bounded read however large the
/// knowledge base grows: past it <see cref="TotalIsLowerBound"/> is true and <see cref="Total"/> says "at least".
/// <see cref="More"/> says whether items follow this page (the page query reads one item beyond it to know).
/// </summary>
public sealed record FactPage<T>(IReadOnlyList<T> Items, long Total, bool TotalIsLowerBound, int Offset, int Limit, bool More);

/// <summary>The sections of an actor's profile, each read a page at a time.</summary>
public enum ProfileSection
{
    /// <summary>The documents that name the actor, newest first.</summary>
    Documents,

    /// <summary>Its attributes (ideology, strength, leader, ...), newest document first.</summary>
    Attributes,

    /// <summary>Its relations in either direction, newest document first.</summary>
    Relations,

    /// <summary>The events it takes part in or that happen there, latest event first.</summary>
    Events,

    /// <summary>The claims it made, newest document first.</summary>
    ClaimsBy,

    /// <summary>The claims about it, newest document first.</summary>
    ClaimsAbout,
}

/// <summary>
/// The names hosts give profile sections (a URL segment, a command-line word): documents, attributes,
/// relations, events, claims-by, claims-about. A bad one is HRM0401 about <c>subject</c>.
/// </summary>
public static class ProfileSections
{
    private static readonly (ProfileSection Section, string Name)[] Names =
    [
        (ProfileSection.Documents, "documents"),
        (ProfileSection.Attributes, "attributes"),
        (ProfileSection.Relations, "relations"),
        (ProfileSection.Events, "events"),
        (ProfileSection.ClaimsBy, "claims-by"),
        (ProfileSection.ClaimsAbout, "claims-about"),
    ];

    /// <summary>Every section's name, in the order a profile shows them.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToList();

    public static string Name(ProfileSection section) => Names.Single(n => n.Section == section).Name;

    public static ProfileSection Parse(string? text, string subject)
    {
        var word = text?.Trim() ?? "";
        foreach (var (section, name) in Names)
        {
            if (string.Equals(name, word, StringComparison.OrdinalIgnoreCase))
            {
                return section;
            }
        }

        throw HarmattanError.BadArgument.At(subject, $"'{word}' is not one of {string.Join(", ", All)}");
    }
}

/// <summary>
/// What the knowledge base says about one actor, a page of each section. Every section lists its newest
/// facts first (by the date of the document that states them; events by their own date) with how many there
/// are in all, and <see cref="KnowledgeStore.GetProfileSection"/> reads the next pages of one.
/// <see cref="FirstSeen"/> and <see cref="LastSeen"/> are the dates (published, else ingested) of the
/// documents naming the actor whose dates start first and last. <see cref="Aliases"/> holds the first
/// <see cref="KnowledgeStore.AliasLimit"/> spellings it was stored under.
/// </summary>
public sealed record ActorProfile(
    EntityRef Entity,
    string? RegistryId,
    IReadOnlyList<string> Aliases,
    PartialDate? FirstSeen,
    PartialDate? LastSeen,
    FactPage<NamingDocument> NamedIn,
    FactPage<AttributeFact> Attributes,
    FactPage<RelationFact> Relations,
    FactPage<EventFact> Events,
    FactPage<ClaimFact> ClaimsBy,
    FactPage<ClaimFact> ClaimsAbout)
{
    /// <summary>How many documents name the actor (a lower bound past <see cref="KnowledgeStore.CountLimit"/>).</summary>
    public long Documents => NamedIn.Total;
}

/// <summary>
/// One stored relation statement, as a network reads it: the type, the two parties and the document that
/// states it, without the evidence.
/// </summary>
public sealed record RelationStatement(string Type, EntityRef Source, EntityRef Target, string DocumentId);

/// <summary>
/// Relation statements a network read, newest document first, and whether the store had more than the
/// limit asked for.
/// </summary>
public sealed record RelationStatements(IReadOnlyList<RelationStatement> Items, bool More);

/// <summary>
/// The facts stated in the newest documents stored (<see cref="KnowledgeStore.FactsOfNewestDocuments"/>), each list
/// in document date order; <see cref="Older"/> says whether the knowledge base holds documents that were not read.
/// </summary>
public sealed record RecentFacts(IReadOnlyList<RelationFact> Relations, IReadOnlyList<AttributeFact> Attributes, IReadOnlyList<ClaimFact> Claims, bool Older);

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

/// <summary>
/// Which events to read for a timeline; the period is compared with the events' own dates. Types are event
/// type names (an empty list means all).
/// </summary>
public sealed record EventFilter(EntityRef? Actor = null, EntityRef? Place = null, DatePeriod? Period = null, IReadOnlyCollection<string>? Types = null);

/// <summary>Which claims to read; the period is compared with the dates of the documents they are in.</summary>
public sealed record ClaimFilter(EntityRef? Speaker = null, EntityRef? About = null, DatePeriod? Period = null);
