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
/// Steps, in order: compatibility decomposition (NFKD) with combining marks removed, from our own
/// table because the build runs with InvariantGlobalization, where string.Normalize does nothing
/// to non-ASCII text (NameKey.Decompositions.cs, generated from Unicode data); lower case
/// (invariant); hyphens, dashes, underscores and slashes become spaces, which also folds "al-X" into
/// "al X"; apostrophes of every shape and all other punctuation and symbols are dropped
/// ("Jama'at" and "Jamaat" meet, "U.S." and "US" meet); runs of white space become one space; a
/// leading "the " is removed. Letters without a decomposition (ø, ł, ß) are kept as they are.
/// The one deliberate difference from the scorer: it drops en and em dashes (joining the words
/// around them); here they separate words like a hyphen does.
/// The result is empty for a string without letters or digits. Fold is idempotent.
/// </remarks>
public static partial class NameKey
{
    private static readonly string[] DecomposedValueList = DecomposedValues.Split('\u0001');

    /// <summary>Returns the folded key of <paramref name="name"/>; see the type's remarks.</summary>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new char[name.Length + 8];
        return new string(Fold(name, ref buffer));
    }

    /// <summary>
    /// The folded key of <paramref name="name"/> written into <paramref name="buffer"/> (replaced by a
    /// larger array when it is too small): the same key as <see cref="Fold(string)"/> without
    /// allocating, for matchers that fold many spans. The result is valid until the buffer is reused.
    /// </summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> name, ref char[] buffer)
    {
        var state = new FoldState(buffer);
        foreach (var rune in name.EnumerateRunes())
        {
            // The decomposition table has no ASCII keys (ASCII is its own NFKD form).
            var index = rune.Value >= 0x80 && rune.IsBmp ? DecomposedKeys.AsSpan().BinarySearch((char)rune.Value) : -1;
            if (index < 0)
            {
                state.Add(rune);
                continue;
            }

            // The decomposition table is built without combining marks and is already complete.
            foreach (var part in DecomposedValueList[index].EnumerateRunes())
            {
                state.Add(part);
            }
        }

        buffer = state.Buffer;
        return state.Finish();
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

    private struct FoldState(char[] buffer)
    {
        private char[] _buffer = buffer;
        private int _length;
        private bool _pendingSpace;

        public readonly char[] Buffer => _buffer;

        public void Add(Rune rune)
        {
            if (rune.Value < 0x80)
            {
                AddAscii((char)rune.Value);
                return;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark
                || IsApostropheLetter(rune.Value))
            {
                return;
            }

            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber)
            {
                AppendPendingSpace();
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    Append((char)lower.Value);
                }
                else
                {
                    Append(lower.ToString().AsSpan());
                }
            }
            else if (Rune.IsWhiteSpace(rune) || IsSeparatorPunctuation(rune.Value, category))
            {
                _pendingSpace = true;
            }

            // Anything else (apostrophes, dots, brackets, symbols) is dropped without a space.
        }

        public readonly ReadOnlySpan<char> Finish()
        {
            var key = _buffer.AsSpan(0, _length);
            return key.Length > 4 && key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
        }

        // The same decisions as Add for the ASCII range, without the Unicode tables.
        private void AddAscii(char c)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                AppendPendingSpace();
                Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '-' or '_' or '/')
            {
                _pendingSpace = true;
            }
        }

        private void AppendPendingSpace()
        {
            if (_pendingSpace && _length > 0)
            {
                Append(' ');
            }

            _pendingSpace = false;
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(16, _buffer.Length * 2));
            }

            _buffer[_length++] = c;
        }

        private void Append(ReadOnlySpan<char> chars)
        {
            foreach (var c in chars)
            {
                Append(c);
            }
        }
    }
}
