using System.Text;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Store.Resolution;

/// <summary>The kinds of lookup key an entity is indexed under (the entity_keys.kind column).</summary>
public enum EntityKeyKind
{
    /// <summary><see cref="NameKey.Fold"/> of the name or of an alias.</summary>
    Name,

    /// <summary>The initials of a multi-word name's capitalised words: "Movement for Oneness and Jihad in West Africa" -> "mojwa".</summary>
    Initials,

    /// <summary>One folded word of <see cref="EntityKeys.MinimumTokenLength"/> letters or more: the block fuzzy matching looks in.</summary>
    Token,
}

/// <summary>One lookup key of an entity.</summary>
public readonly record struct EntityKey(EntityKeyKind Kind, string Key);

/// <summary>
/// The keys under which an entity is stored and looked up. Mechanism only, no vocabulary: initials are
/// taken from the capitalised words, so "for", "and", "in", "de", "l'" drop out in any language
/// because the text writes them in lower case ("Mouvement pour l'Unicité et le Jihad en Afrique de
/// l'Ouest" gives "mujao").
/// </summary>
public static class EntityKeys
{
    /// <summary>Shorter words ("al", "ag", "ibn", "of") say too little to block on.</summary>
    public const int MinimumTokenLength = 4;

    /// <summary>Two-letter initials ("AD" for Ansar Dine) collide far too often to link anything.</summary>
    public const int MinimumAcronymLength = 3;

    public static IReadOnlyList<EntityKey> For(string name, IEnumerable<string> aliases)
    {
        var keys = new List<EntityKey>();
        var seen = new HashSet<EntityKey>();
        foreach (var form in aliases.Prepend(name))
        {
            var folded = NameKey.Fold(form);
            if (folded.Length == 0)
            {
                continue;
            }

            Add(new EntityKey(EntityKeyKind.Name, folded));
            if (Initials(form) is { } initials)
            {
                Add(new EntityKey(EntityKeyKind.Initials, initials));
            }

            foreach (var token in folded.Split(' '))
            {
                if (token.Length >= MinimumTokenLength)
                {
                    Add(new EntityKey(EntityKeyKind.Token, token));
                }
            }
        }

        return keys;

        void Add(EntityKey key)
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>
    /// The folded initials of the capitalised words of <paramref name="form"/> when it has at least
    /// <see cref="MinimumAcronymLength"/>, else null. Words split at spaces, hyphens and apostrophes ("Al-Qaeda" is two words, "l'Ouest"
    /// gives "Ouest"). A word written all in capitals contributes only its first letter.
    /// </summary>
    public static string? Initials(string form)
    {
        var initials = new StringBuilder();
        var atWordStart = true;
        foreach (var rune in form.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (atWordStart && Rune.IsUpper(rune))
                {
                    initials.Append(rune.ToString());
                }

                atWordStart = false;
            }
            else
            {
                atWordStart = true;
            }
        }

        return initials.Length >= MinimumAcronymLength ? NameKey.Fold(initials.ToString()).Replace(" ", "", StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// True when <paramref name="surface"/> is written as an acronym: one word of three to ten letters,
    /// most of them capitals ("MNLA", "MUJAO", "MoJWA", "AQMI").
    /// </summary>
    public static bool IsAcronym(string surface)
    {
        if (surface.Length < MinimumAcronymLength || surface.Length > 10)
        {
            return false;
        }

        var upper = 0;
        foreach (var c in surface)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                upper++;
            }
        }

        return upper >= 2 && upper * 2 > surface.Length;
    }

    public static string ToColumn(EntityKeyKind kind) => kind switch
    {
        EntityKeyKind.Name => "name",
        EntityKeyKind.Initials => "initials",
        EntityKeyKind.Token => "token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static EntityKeyKind FromColumn(string kind) => kind switch
    {
        "name" => EntityKeyKind.Name,
        "initials" => EntityKeyKind.Initials,
        "token" => EntityKeyKind.Token,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an entity key kind"),
    };

    internal static string TypeColumn(EntityType type) => type.ToString();
}
