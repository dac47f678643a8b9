namespace Harmattan.Text;

/// <summary>
/// Maps offsets between an original text and a text derived from it by local edits: characters deleted,
/// replaced one for one, or expanded into several (<c>…</c> to <c>...</c>). One-for-one replacements do not
/// move offsets, so the map stores only the edits that change length, sorted; a text without such edits
/// has an identity map that allocates nothing. Lookups are a binary search over the edits.
/// </summary>
/// <remarks>
/// Guarantees, for a map built by <see cref="Normalizer"/>:
/// <list type="bullet">
/// <item><see cref="MapToOriginal(TextSpan)"/> of a span gives the span of exactly the original characters
/// that produced it. A span starting or ending inside an expansion grows to the whole expanded character;
/// characters deleted at the edges of the span are left out, those inside are kept.</item>
/// <item>For every original character that was kept or replaced one for one,
/// <c>MapToOriginal(MapToNormalized(i)) == i</c>.</item>
/// </list>
/// </remarks>
public sealed class OffsetMap
{
    private static readonly Edit[] NoEdits = [];

    private readonly Edit[] _edits;

    internal OffsetMap(int originalLength, int normalizedLength, Edit[] edits)
    {
        OriginalLength = originalLength;
        NormalizedLength = normalizedLength;
        _edits = edits;
    }

    /// <summary>The map of a text to itself.</summary>
    public static OffsetMap Identity(int length) => new(length, length, NoEdits);

    public int OriginalLength { get; }

    public int NormalizedLength { get; }

    /// <summary>True when every offset maps to itself (no deletion, no expansion).</summary>
    public bool IsIdentity => _edits.Length == 0;

    /// <summary>How many length-changing edits the map holds (runs of deletions count once).</summary>
    public int EditCount => _edits.Length;

    /// <summary>
    /// The original span that produced the characters of <paramref name="normalized"/>. An empty span maps to
    /// an empty span at the original position of the following character.
    /// </summary>
    public TextSpan MapToOriginal(TextSpan normalized)
    {
        CheckNormalized(normalized.End);
        if (_edits.Length == 0)
        {
            return normalized;
        }

        var start = StartOfChar(normalized.Start);
        if (normalized.IsEmpty)
        {
            return new TextSpan(start, start);
        }

        var end = EndOfChar(normalized.End - 1);
        return new TextSpan(start, end);
    }

    /// <summary>
    /// The original offset of the character at normalized offset <paramref name="normalizedOffset"/>
    /// (the start of the expanded character when it falls inside an expansion); the original length
    /// for the end of the text.
    /// </summary>
    public int MapToOriginal(int normalizedOffset)
    {
        CheckNormalized(normalizedOffset);
        return _edits.Length == 0 ? normalizedOffset : StartOfChar(normalizedOffset);
    }

    /// <summary>
    /// The normalized offset of the original character at <paramref name="originalOffset"/>. A deleted
    /// character maps to where it would have been (the offset of the next kept character); a character
    /// expanded into several maps to the first of them.
    /// </summary>
    public int MapToNormalized(int originalOffset)
    {
        if ((uint)originalOffset > (uint)OriginalLength)
        {
            throw new ArgumentOutOfRangeException(nameof(originalOffset));
        }

        if (_edits.Length == 0)
        {
            return originalOffset;
        }

        // The last edit starting at or before the offset in the original.
        int lo = 0, hi = _edits.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_edits[mid].OriginalStart <= originalOffset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return originalOffset;
        }

        var e = _edits[found];
        return originalOffset < e.OriginalEnd ? e.NormalizedStart : e.NormalizedEnd + (originalOffset - e.OriginalEnd);
    }

    /// <summary>
    /// The normalized span holding what the characters of <paramref name="original"/> became; empty when
    /// they were all deleted.
    /// </summary>
    public TextSpan MapToNormalized(TextSpan original)
    {
        if (original.End > OriginalLength)
        {
            throw new ArgumentOutOfRangeException(nameof(original));
        }

        if (_edits.Length == 0)
        {
            return original;
        }

        var start = MapToNormalized(original.Start);
        if (original.IsEmpty)
        {
            return new TextSpan(start, start);
        }

        // The end is the normalized end of the last original character.
        var last = original.End - 1;
        var lastStart = MapToNormalized(last);
        var index = EditContainingOriginal(last);
        var end = index >= 0 ? _edits[index].NormalizedEnd : lastStart + 1;
        return new TextSpan(start, Math.Max(start, end));
    }

    private int EditContainingOriginal(int originalOffset)
    {
        int lo = 0, hi = _edits.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var e = _edits[mid];
            if (originalOffset < e.OriginalStart)
            {
                hi = mid - 1;
            }
            else if (originalOffset >= e.OriginalEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The last edit with NormalizedStart at or before the offset, or -1.</summary>
    private int LastEditAtOrBefore(int normalizedOffset)
    {
        int lo = 0, hi = _edits.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_edits[mid].NormalizedStart <= normalizedOffset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>Original offset where normalized character <paramref name="i"/> (or the end) comes from.</summary>
    private int StartOfChar(int i)
    {
        if (i == NormalizedLength)
        {
            return OriginalLength;
        }

        var found = LastEditAtOrBefore(i);
        if (found < 0)
        {
            return i;
        }

        var e = _edits[found];
        return i < e.NormalizedEnd ? e.OriginalStart : e.OriginalEnd + (i - e.NormalizedEnd);
    }

    /// <summary>Original offset just after the character that produced normalized character <paramref name="i"/>.</summary>
    private int EndOfChar(int i)
    {
        var found = LastEditAtOrBefore(i);
        if (found < 0)
        {
            return i + 1;
        }

        var e = _edits[found];
        return i < e.NormalizedEnd ? e.OriginalEnd : e.OriginalEnd + (i - e.NormalizedEnd) + 1;
    }

    private void CheckNormalized(int offset)
    {
        if ((uint)offset > (uint)NormalizedLength)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"offset {offset} is outside the normalized text of length {NormalizedLength}");
        }
    }

    /// <summary>
    /// One length-changing edit: original <c>[OriginalStart, OriginalEnd)</c> became normalized
    /// <c>[NormalizedStart, NormalizedEnd)</c>. Edits are sorted and disjoint in both texts.
    /// </summary>
    internal readonly record struct Edit(int OriginalStart, int OriginalEnd, int NormalizedStart, int NormalizedEnd);
}
