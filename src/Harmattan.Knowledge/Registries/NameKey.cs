using System.Globalization;
using System.Text;

namespace Harmattan.Knowledge.Registries;

/// <summary>
/// The key under which two spellings of one name are the same: "Ansar al-Din", "Ansar al Din" and
/// "ANSAR AL-DIN" share a key, as do "Ançar" and "Ancar", "the MNLA" and "MNLA", "N’Djamena" and
/// "N'Djamena". It is the normalisation the scorer (shared/eval/score.py) applies to entity names,
/// so a registry match and a scored match agree.
/// </summary>
/// <remarks>
/// Steps, in order: compatibility decomposition (NFKD) with combining marks removed; lower case
/// (invariant); hyphens, dashes, underscores and slashes become spaces, which also folds "al-X" into
/// "al X"; apostrophes of every shape and all other punctuation and symbols are dropped
/// ("Jama'at" and "Jamaat" meet, "U.S." and "US" meet); runs of white space become one space; a
/// leading "the " is removed. Letters without a decomposition (ø, ł, ß) are kept as they are.
/// The one deliberate difference from the scorer: it drops en and em dashes (joining the words
/// around them); here they separate words like a hyphen does.
/// The result is empty for a string without letters or digits. Fold is idempotent.
/// </remarks>
public static class NameKey
{
    /// <summary>Returns the folded key of <paramref name="name"/>; see the type's remarks.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "";
        }

        var decomposed = IsAscii(name) ? name : name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (IsApostropheLetter(rune.Value))
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                var lower = Rune.ToLowerInvariant(rune);
                var written = lower.EncodeToUtf16(buffer);
                sb.Append(buffer[..written]);
            }
            else if (Rune.IsWhiteSpace(rune) || IsSeparatorPunctuation(rune.Value, category))
            {
                pendingSpace = true;
            }

            // Anything else (apostrophes, dots, brackets, symbols) is dropped without a space.
        }

        if (sb.Length > 4 && sb[0] == 't' && sb[1] == 'h' && sb[2] == 'e' && sb[3] == ' ')
        {
            sb.Remove(0, 4);
        }

        return sb.ToString();
    }

    /// <summary>True when the two names fold to the same non-empty key.</summary>
    public static bool SameName(string a, string b)
    {
        var key = Fold(a);
        return key.Length > 0 && string.Equals(key, Fold(b), StringComparison.Ordinal);
    }

    private static bool IsSeparatorPunctuation(int codePoint, UnicodeCategory category) =>
        codePoint is '_' or '/' || category == UnicodeCategory.DashPunctuation || codePoint == '\u2212';

    // Modifier letters used as apostrophes and for ayn/hamza in transliterations ("Jamaʿat").
    private static bool IsApostropheLetter(int codePoint) =>
        codePoint is '\u02BB' or '\u02BC' or '\u02BE' or '\u02BF';

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
