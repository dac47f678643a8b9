namespace Harmattan.Knowledge.Registries;

/// <summary>
/// One known entity from <c>data/registries/</c>: an armed group, organisation, person, people group,
/// country or place, with every name it is reported under. <see cref="File"/> and <see cref="Line"/>
/// say where it is defined, so a recogniser's evidence can point back at the row.
/// </summary>
/// <param name="Id">Unique across all loaded registries; lower-case words joined by hyphens.</param>
/// <param name="Name">The fullest usual English name; the canonical name of the entity.</param>
/// <param name="Aliases">Other names and spellings, acronyms, transliterations and French forms. Case
/// variants that fold to the same key are kept because a case-sensitive matcher needs them.</param>
/// <param name="Demonyms">Adjectives and nouns for members or things of the entity ("Malian",
/// "Nigerien", "Tuareg"); they name the entity only when the context makes it the actor or place.</param>
/// <param name="Parent">The id of the entry this one belongs to or split from (MUJAO → AQIM, the Malian
/// Armed Forces → Mali), when known.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2: the country's own code, a place's country, a group's or
/// force's home country, a person's nationality; null when none or several.</param>
/// <param name="Lat">Representative latitude (WGS84) for countries and places; null for actors.</param>
/// <param name="Source">Where the facts of the row are documented, in a few words.</param>
public sealed record RegistryEntry(
    string Id,
    EntityType Type,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms,
    string? Parent,
    string? CountryCode,
    double? Lat,
    double? Lon,
    string Source,
    string File,
    int Line)
{
    /// <summary>
    /// Entries that share a folded name with this one on purpose (the two Congos share "Congolese");
    /// declared in the data file, checked by the loader, and never otherwise allowed.
    /// </summary>
    public IReadOnlyList<string> AmbiguousWith { get; init; } = [];

    /// <summary>A finer kind for places and people groups (city, region, desert; ethnic, religious), or null.</summary>
    public string? Kind { get; init; }

    /// <summary>For countries, the ISO 3166-1 alpha-3 code (STIX, UCDP); otherwise null.</summary>
    public string? Alpha3 { get; init; }

    /// <summary>For countries, the ISO 3166-1 numeric code as three digits (ACLED's iso column); otherwise null.</summary>
    public string? IsoNumeric { get; init; }

    /// <summary>The name, the aliases and the demonyms, each once, in that order.</summary>
    public IEnumerable<string> AllNames() => Aliases.Prepend(Name).Concat(Demonyms);
}

/// <summary>How a surface form relates to its registry entry.</summary>
public enum NameForm
{
    /// <summary>The canonical <see cref="RegistryEntry.Name"/>.</summary>
    Name,

    /// <summary>One of <see cref="RegistryEntry.Aliases"/>.</summary>
    Alias,

    /// <summary>One of <see cref="RegistryEntry.Demonyms"/>: an adjective, not a name.</summary>
    Demonym,
}

/// <summary>One surface form of one entry, with its <see cref="NameKey.Fold"/> key: what a matcher indexes.</summary>
public sealed record RegistryForm(string Surface, string Key, NameForm Form, RegistryEntry Entry);

/// <summary>
/// A relation the registry states as background knowledge (Iyad Ag Ghaly leads Ansar Dine), typed by
/// a relation of the schema and checked against its source and target ranges.
/// </summary>
public sealed record RegistryLink(string SourceId, string Relation, string TargetId, string File, int Line);
