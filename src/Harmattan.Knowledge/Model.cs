using System.Text.Json.Serialization;
using Harmattan.Text;

namespace Harmattan.Knowledge;

/// <summary>
/// The six entity types of the extraction contract (../shared/eval/GUIDELINES.md). This is the closed
/// set the code must name; <c>data/schema/</c> describes each, and a test checks the two agree.
/// </summary>
public enum EntityType
{
    Person,
    ArmedGroup,
    Organization,
    Country,
    Place,
    PeopleGroup,
}

/// <summary>Where an analyst's review has left a fact. Every extracted fact starts proposed.</summary>
public enum ReviewStatus
{
    [JsonStringEnumMemberName("proposed")] Proposed,
    [JsonStringEnumMemberName("confirmed")] Confirmed,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>
/// Why a fact is believed: the sentence span that says it, the component (name/version) that read
/// it there, and how sure that component was (0–1).
/// </summary>
public sealed record Evidence(string DocumentId, TextSpan Span, string Component, double Confidence);

/// <summary>
/// A report as stored. <see cref="Id"/> is the SHA-256 of <see cref="Text"/>, the exact normalised
/// text the extractor read; every span of every fact indexes into it.
/// </summary>
public sealed record Document(
    string Id,
    string Title,
    PartialDate? Published,
    string Source,
    string? Url,
    string Format,
    string Text);

/// <summary>
/// One real-world entity named in a document, with every surface form the text used for it.
/// <see cref="RegistryId"/> links it to a registry entry when a recogniser found it there.
/// </summary>
public sealed record Entity(
    string Id,
    EntityType Type,
    string Name,
    IReadOnlyList<string> Aliases,
    string? RegistryId,
    Evidence Evidence);

/// <summary>One occurrence of an entity in the text.</summary>
public sealed record Mention(string EntityId, TextSpan Span, string Surface, Evidence Evidence);

/// <summary>
/// An attributed statement: <see cref="SpeakerId"/> said <see cref="Text"/> (the content without the
/// attribution phrase, at <see cref="ContentSpan"/>), introduced by <see cref="Cue"/>.
/// The evidence span covers the whole attribution.
/// </summary>
public sealed record Claim(
    string Id,
    string SpeakerId,
    string Cue,
    string Text,
    TextSpan ContentSpan,
    IReadOnlyList<string> AboutIds,
    Evidence Evidence);

/// <summary>
/// A typed link between two entities (types in <c>data/schema/relations/</c>). <see cref="Role"/> says
/// in what capacity, for affiliated_with ("spokesman", "ambassador").
/// </summary>
public sealed record Relation(
    string Id,
    string Type,
    string SourceId,
    string TargetId,
    string? Role,
    Evidence Evidence);

/// <summary>A dated happening with the places and actors of its clause.</summary>
public sealed record Event(
    string Id,
    string Type,
    PartialDate Date,
    IReadOnlyList<string> PlaceIds,
    IReadOnlyList<string> ActorIds,
    Evidence Evidence);

/// <summary>A number with its unit as the text states it ("some 300 fighters", "$20 million").</summary>
public sealed record Quantity(
    string Id,
    decimal Value,
    string? Unit,
    string Surface,
    bool Approximate,
    Evidence Evidence);

/// <summary>
/// A property of an actor that a document states, as a sourced statement: <see cref="Name"/> is one of
/// the attribute kinds of <c>data/schema/attributes/</c> (ideology, goal, composition, origin, founded,
/// strength, leader), <see cref="Value"/> its normalised value ("salafi", "independence", "3000",
/// "2012"), <see cref="Surface"/> the words the text used. <see cref="SpeakerId"/> is set when the
/// statement is attributed to someone ("X said the group has 3,000 fighters"); <see cref="AsOf"/> is the
/// date the statement holds for, when the text gives one.
/// </summary>
public sealed record ActorProperty(
    string Id,
    string EntityId,
    string Name,
    string Value,
    string Surface,
    string? SpeakerId,
    PartialDate? AsOf,
    Evidence Evidence);

/// <summary>Everything the pipeline found in one document; what the store keeps for it.</summary>
public sealed record DocumentExtraction(
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Relation> Relations,
    IReadOnlyList<Event> Events,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyList<ActorProperty> Attributes)
{
    public static DocumentExtraction Empty { get; } = new([], [], [], [], [], [], []);
}
