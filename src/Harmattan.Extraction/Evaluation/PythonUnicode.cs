using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;

// The scorer's tests compare these helpers with Python directly. (Repeatable: if the project file
// grants the same, the two attributes coexist.)
[assembly: InternalsVisibleTo("Harmattan.Extraction.Tests")]

namespace Harmattan.Extraction.Evaluation;

/// <summary>
/// The string operations score.py performs, with Python's Unicode semantics: NFKD without combining
/// marks, <c>str.lower()</c> (full mappings and the final-sigma rule), <c>\w</c> and <c>\s</c>.
/// </summary>
/// <remarks>
/// The tables come from Python's <c>unicodedata</c> (PythonUnicode.Data.cs, generated) because .NET
/// cannot supply them here: under InvariantGlobalization <see cref="string.Normalize()"/> returns its
/// input unchanged, and .NET exposes no canonical combining classes. Folding one character at a time
/// is exact: NFKD decomposes each character separately and its reordering moves only combining marks,
/// which are then dropped.
/// </remarks>
internal static partial class PythonUnicode
{
    private const char CapitalSigma = '\u03a3';
    private const string SmallSigma = "\u03c3";
    private const string FinalSigma = "\u03c2";

    private static readonly FrozenDictionary<int, string> FoldTable = Decode(FoldRuns, FoldOther);
    private static readonly FrozenDictionary<int, string> LowerTable = Decode(LowerRuns, LowerOther);
    private static readonly FrozenSet<int> Sigmas = CapitalSigmas.ToArray().ToFrozenSet();
    private static readonly int[] Ignorable = [.. CaseIgnorableRanges];
    private static readonly int[] Cased = [.. CasedRanges];
    private static readonly int[] Word = [.. WordRanges];

    /// <summary>
    /// <c>"".join(c for c in NFKD(s) if not combining(c)).lower()</c>: the first step of both
    /// <c>norm_name</c> and <c>tokens</c>.
    /// </summary>
    public static string Fold(string s)
    {
        // Lower-casing after the fold: the final-sigma context is the folded, not-yet-lowered text,
        // which is what ContextOf rebuilds for the characters around a capital sigma.
        var runes = new List<Rune>(s.Length);
        foreach (var r in s.EnumerateRunes())
        {
            AppendFolded(runes, r);
        }

        return LowerRunes(runes, fromFold: true);
    }

    /// <summary>Python's <c>str.lower()</c>.</summary>
    public static string Lower(string s) => LowerRunes([.. s.EnumerateRunes()], fromFold: false);

    /// <summary>Python's <c>\w</c> on <see langword="str"/> patterns: a letter, a number or <c>_</c>.</summary>
    public static bool IsWord(Rune r) => r.Value < 0x80
        ? char.IsAsciiLetterOrDigit((char)r.Value) || r.Value == '_'
        : InRanges(Word, r.Value);

    /// <summary>Python's <c>\s</c> and <c>str.isspace()</c>.</summary>
    public static bool IsSpace(Rune r) => r.Value switch
    {
        >= 0x09 and <= 0x0d or >= 0x1c and <= 0x20 or 0x85 or 0xa0 or 0x1680 => true,
        >= 0x2000 and <= 0x200a or 0x2028 or 0x2029 or 0x202f or 0x205f or 0x3000 => true,
        _ => false,
    };

    /// <summary>Python's <c>s[:count]</c>: the first <paramref name="count"/> code points.</summary>
    public static string Prefix(string s, int count)
    {
        var end = 0;
        foreach (var r in s.EnumerateRunes())
        {
            if (count-- == 0)
            {
                break;
            }

            end += r.Utf16SequenceLength;
        }

        return s[..end];
    }

    /// <summary>Python's <c>str.strip()</c> without arguments.</summary>
    public static string Strip(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && Rune.TryGetRuneAt(s, start, out var r) && IsSpace(r))
        {
            start += r.Utf16SequenceLength;
        }

        while (end > start && Rune.DecodeLastFromUtf16(s.AsSpan(start, end - start), out var r, out var n) == OperationStatus.Done && IsSpace(r))
        {
            end -= n;
        }

        return s[start..end];
    }

    private static void AppendFolded(List<Rune> into, Rune r)
    {
        if (r.Value < 0x80)
        {
            into.Add(r);
        }
        else if (r.Value is >= 0xac00 and <= 0xd7a3)
        {
            // Hangul syllables decompose by arithmetic (Unicode 3.12) into jamo, none combining.
            var index = r.Value - 0xac00;
            into.Add(new Rune(0x1100 + (index / 588)));
            into.Add(new Rune(0x1161 + (index % 588 / 28)));
            if (index % 28 != 0)
            {
                into.Add(new Rune(0x11a7 + (index % 28)));
            }
        }
        else if (Sigmas.Contains(r.Value))
        {
            // Kept upper-case until LowerRunes decides between the medial and the final form.
            into.Add(new Rune(CapitalSigma));
        }
        else if (FoldTable.TryGetValue(r.Value, out var folded))
        {
            // Already lower-cased by the table: only capital sigmas need context, and they are above.
            foreach (var f in folded.EnumerateRunes())
            {
                into.Add(f);
            }
        }
        else
        {
            into.Add(r);
        }
    }

    private static string LowerRunes(List<Rune> runes, bool fromFold)
    {
        var sb = new StringBuilder(runes.Count);
        for (var i = 0; i < runes.Count; i++)
        {
            var r = runes[i];
            if (r.Value == CapitalSigma)
            {
                sb.Append(IsFinalSigma(runes, i) ? FinalSigma : SmallSigma);
            }
            else if (r.Value < 0x80)
            {
                sb.Append(char.ToLowerInvariant((char)r.Value));
            }
            else if (!fromFold && LowerTable.TryGetValue(r.Value, out var lower))
            {
                sb.Append(lower);
            }
            else
            {
                // Folded characters went through the table already (fold includes lower()).
                sb.Append(r.ToString());
            }
        }

        return sb.ToString();
    }

    // CPython's handle_capital_sigma: final when a cased character precedes and none follows, skipping
    // case-ignorable characters both ways. Folded neighbours are already lower-case, which keeps their
    // casedness; capital sigmas among them are themselves cased.
    private static bool IsFinalSigma(List<Rune> runes, int at)
    {
        var j = at - 1;
        while (j >= 0 && IsCaseIgnorable(runes[j].Value))
        {
            j--;
        }

        if (j < 0 || !IsCased(runes[j].Value))
        {
            return false;
        }

        j = at + 1;
        while (j < runes.Count && IsCaseIgnorable(runes[j].Value))
        {
            j++;
        }

        return j == runes.Count || !IsCased(runes[j].Value);
    }

    private static bool IsCaseIgnorable(int cp) => cp < 0x80
        ? cp is '\'' or '.' or ':' or '^' or '`'
        : InRanges(Ignorable, cp);

    private static bool IsCased(int cp) => cp < 0x80 ? char.IsAsciiLetter((char)cp) : InRanges(Cased, cp);

    private static bool InRanges(int[] ranges, int cp)
    {
        // Inclusive [start, end] pairs, sorted: find the last start <= cp.
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (ranges[2 * mid] <= cp)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi >= 0 && cp <= ranges[(2 * hi) + 1];
    }

    private static FrozenDictionary<int, string> Decode(ReadOnlySpan<int> runs, ReadOnlySpan<int> other)
    {
        var map = new Dictionary<int, string>();
        for (var i = 0; i < runs.Length; i += 4)
        {
            var (start, count, stride, delta) = (runs[i], runs[i + 1], runs[i + 2], runs[i + 3]);
            for (var k = 0; k < count; k++)
            {
                var cp = start + (k * stride);
                map[cp] = new Rune(cp + delta).ToString();
            }
        }

        for (var i = 0; i < other.Length;)
        {
            var (cp, n) = (other[i], other[i + 1]);
            var sb = new StringBuilder(n);
            for (var k = 0; k < n; k++)
            {
                sb.Append(new Rune(other[i + 2 + k]).ToString());
            }

            map[cp] = sb.ToString();
            i += 2 + n;
        }

        return map.ToFrozenDictionary();
    }
}
