using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>The role a closed-class word plays in an attribution; see <c>claims-words.tsv</c>.</summary>
public enum ClaimWordRole
{
    /// <summary>An adverb or auxiliary between speaker and cue ("X has also said").</summary>
    Skip,

    /// <summary>A pronoun for a person: he, she.</summary>
    Person,

    /// <summary>A pronoun for a group or organisation: it, they.</summary>
    Group,

    /// <summary>The head noun of a description of a group or institution: "the group", "Mali's government".</summary>
    GroupNoun,

    /// <summary>The head noun of a description of a state institution: "Libya's government".</summary>
    InstitutionNoun,

    /// <summary>A discourse word opening a clause: but, however, meanwhile.</summary>
    Opener,

    /// <summary>A common noun that can be the addressee of "told": reporters, journalists.</summary>
    Addressee,

    /// <summary>A preposition or time word opening an adjunct: "said in an interview that".</summary>
    Adjunct,

    /// <summary>A pronoun that never names a source: I, we, you.</summary>
    FirstPerson,

    /// <summary>A closed-class word that may open a sentence (from <c>function-words.tsv</c>): The, In, After.</summary>
    Function,

    /// <summary>A noun naming a person's role (from <c>role-nouns.tsv</c>): "the official said".</summary>
    Role,
}

/// <summary>
/// The closed-class vocabulary the claims component reads attributions with: <c>claims-words.tsv</c>
/// plus the single-word role nouns of <c>role-nouns.tsv</c> and the sentence openers of
/// <c>function-words.tsv</c>. Lookups are by token, case-insensitive
/// and allocation-free.
/// </summary>
public sealed class ClaimWords
{
    private readonly Dictionary<string, ClaimWordRole>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ClaimWords(Dictionary<string, ClaimWordRole> roles) => _lookup = roles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ClaimWords Load(DataDirectory data, IEnumerable<string> roleNouns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(roleNouns);
        var path = Path.Combine(data.Lexicon("en"), "claims-words.tsv");
        var roles = new Dictionary<string, ClaimWordRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(path, 2, 2))
        {
            if (row[0].Contains(' ', StringComparison.Ordinal))
            {
                throw row.Error($"'{row[0]}': one word per row");
            }

            var role = row[1] switch
            {
                "skip" => ClaimWordRole.Skip,
                "person" => ClaimWordRole.Person,
                "group" => ClaimWordRole.Group,
                "group-noun" => ClaimWordRole.GroupNoun,
                "institution-noun" => ClaimWordRole.InstitutionNoun,
                "opener" => ClaimWordRole.Opener,
                "addressee" => ClaimWordRole.Addressee,
                "adjunct" => ClaimWordRole.Adjunct,
                "first-person" => ClaimWordRole.FirstPerson,
                _ => throw row.Error($"unknown role '{row[1]}' (skip, person, group, group-noun, institution-noun, opener, addressee, adjunct or first-person)"),
            };
            if (!roles.TryAdd(row[0], role))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        // The words that open sentences but never names, shared with the mention recognisers.
        foreach (var row in DataTable.Read(Path.Combine(data.Lexicon("en"), "function-words.tsv"), 1, 1))
        {
            roles.TryAdd(row[0], ClaimWordRole.Function);
        }

        foreach (var noun in roleNouns)
        {
            if (!noun.Contains(' ', StringComparison.Ordinal))
            {
                roles.TryAdd(noun, ClaimWordRole.Role);
            }
        }

        return new ClaimWords(roles);
    }

    public ClaimWordRole? RoleOf(string text, Token token) =>
        _lookup.TryGetValue(token.TextOf(text), out var role) ? role : null;

    public bool Is(string text, Token token, ClaimWordRole role) =>
        _lookup.TryGetValue(token.TextOf(text), out var r) && r == role;
}
