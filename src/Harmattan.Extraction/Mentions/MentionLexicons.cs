using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Mentions;

/// <summary>Where a head word must stand in a name for its type to apply.</summary>
public enum HeadPosition
{
    First,
    Last,
    Any,
    /// <summary>Not a head: turns an organisation-headed name into an armed group.</summary>
    Modifier,
}

/// <summary>A name head word and the type it suggests ("Movement" → ArmedGroup).</summary>
public sealed record NameHead(string Word, EntityType Type, HeadPosition Position);

/// <summary>
/// The English vocabulary the mention recognisers use to find and type names nobody listed:
/// head words, person cues (titles, honorifics), role nouns, capitalised non-names, given names and the
/// nouns that make a demonym into an institution ("Malian army"). Loaded once from
/// <c>data/lexicons/en/</c>; immutable afterwards.
/// </summary>
public sealed class MentionLexicons
{
    private MentionLexicons(
        Dictionary<string, NameHead[]> heads,
        HashSet<string> personCues,
        Dictionary<string, string> roles,
        HashSet<string> nonNames,
        HashSet<string> givenNames,
        HashSet<string> institutionNouns,
        HashSet<string> institutionBlockers,
        HashSet<string> stateNouns,
        HashSet<string> functionWords)
    {
        InstitutionBlockers = institutionBlockers;
        StateNouns = stateNouns;
        FunctionWords = functionWords;
        Heads = heads;
        PersonCues = personCues;
        Roles = roles;
        NonNames = nonNames;
        GivenNames = givenNames;
        InstitutionNouns = institutionNouns;
    }

    /// <summary>Head words by exact spelling (case matters: "Front" is a head, "front" is not).</summary>
    public IReadOnlyDictionary<string, NameHead[]> Heads { get; }

    /// <summary>Titles and honorifics, lower-cased, single words or phrases.</summary>
    public IReadOnlySet<string> PersonCues { get; }

    /// <summary>Role nouns (lower-cased) with their kind: <c>leads</c> or <c>affiliated</c>.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; }

    /// <summary>Capitalised words that are never a name by themselves (exact case).</summary>
    public IReadOnlySet<string> NonNames { get; }

    public IReadOnlySet<string> GivenNames { get; }

    /// <summary>Nouns that, after a demonym, name a state institution: "army", "armed forces".</summary>
    public IReadOnlySet<string> InstitutionNouns { get; }

    /// <summary>Words after an institution noun that make it an adjective: "military base".</summary>
    public IReadOnlySet<string> InstitutionBlockers { get; }

    /// <summary>Nouns after which a demonym stands for its country: "French intervention".</summary>
    public IReadOnlySet<string> StateNouns { get; }

    /// <summary>Closed-class words stripped from the front of a candidate name (exact case).</summary>
    public IReadOnlySet<string> FunctionWords { get; }

    public static MentionLexicons Load(DataDirectory data)
    {
        var folder = Path.Combine(data.Root, "lexicons", "en");
        var heads = new Dictionary<string, List<NameHead>>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(Path.Combine(folder, "name-heads.tsv"), 3, 3))
        {
            if (!Enum.TryParse<EntityType>(row[1], ignoreCase: false, out var type))
            {
                throw row.Error($"unknown entity type '{row[1]}'");
            }

            if (!Enum.TryParse<HeadPosition>(row[2], ignoreCase: true, out var position))
            {
                throw row.Error($"unknown position '{row[2]}' (first, last, any or modifier)");
            }

            if (!heads.TryGetValue(row[0], out var list))
            {
                heads[row[0]] = list = [];
            }

            list.Add(new NameHead(row[0], type, position));
        }

        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(Path.Combine(folder, "role-nouns.tsv"), 2, 2))
        {
            if (row[1] is not ("leads" or "affiliated"))
            {
                throw row.Error($"role kind must be leads or affiliated, not '{row[1]}'");
            }

            if (!roles.TryAdd(row[0].ToLowerInvariant(), row[1]))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        var cues = DataTable.ReadSet(Path.Combine(folder, "person-cues.tsv"), StringComparer.OrdinalIgnoreCase);
        return new MentionLexicons(
            heads.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            cues,
            roles,
            DataTable.ReadSet(Path.Combine(folder, "non-names.tsv"), StringComparer.Ordinal),
            DataTable.ReadSet(Path.Combine(folder, "given-names.tsv"), StringComparer.Ordinal),
            DataTable.ReadSet(Path.Combine(folder, "institution-nouns.tsv"), StringComparer.OrdinalIgnoreCase),
            DataTable.ReadSet(Path.Combine(folder, "institution-blockers.tsv"), StringComparer.OrdinalIgnoreCase),
            DataTable.ReadSet(Path.Combine(folder, "state-nouns.tsv"), StringComparer.OrdinalIgnoreCase),
            DataTable.ReadSet(Path.Combine(folder, "function-words.tsv"), StringComparer.Ordinal));
    }
}
