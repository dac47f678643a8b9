namespace Harmattan.Text;

/// <summary>
/// Folds the typographic variety of real reports into one form for matching, keeping an
/// <see cref="OffsetMap"/> back to the original. What it does, character by character and nothing else
/// (no case folding, no Unicode normalisation form, no change to line breaks):
/// <list type="bullet">
/// <item>single quotes and apostrophes <c>‘ ’ ‚ ‛ ′ ʼ</c> become <c>'</c>; double quotes <c>“ ” „ ‟ ″ « »</c> become <c>"</c>;</item>
/// <item>hyphens, dashes and the minus sign (U+2010 to U+2015, U+2212, U+FE58, U+FE63, U+FF0D) become <c>-</c>;</item>
/// <item>no-break and other Unicode spaces (U+00A0, U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000) become a space;</item>
/// <item>soft hyphens, zero-width spaces and joiners, word joiners and byte-order marks are removed;</item>
/// <item>the ellipsis <c>…</c> becomes <c>...</c> and the Latin ligatures U+FB00 to U+FB06 their letters.</item>
/// </list>
/// Surrogate pairs are never touched. The work is one pass to measure and one to write: O(n), and a text
/// with nothing to fold is returned as is, without allocating.
/// </summary>
public static class Normalizer
{
    // Fold results: a replacement char, or one of these markers.
    private const int Keep = -1;
    private const int Delete = -2;
    private const int Expand = -3;

    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var text = original.AsSpan();

        // Pass 1: find the first change, the output length and the number of length-changing edits.
        var first = -1;
        var outputLength = 0;
        var edits = 0;
        var previousWasDeletion = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                outputLength++;
                previousWasDeletion = false;
                continue;
            }

            var f = Fold(c);
            if (f == Keep)
            {
                outputLength++;
                previousWasDeletion = false;
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            if (f == Delete)
            {
                if (!previousWasDeletion)
                {
                    edits++;
                }

                previousWasDeletion = true;
            }
            else if (f == Expand)
            {
                outputLength += Expansion(c).Length;
                edits++;
                previousWasDeletion = false;
            }
            else
            {
                outputLength++;
                previousWasDeletion = false;
            }
        }

        if (first < 0)
        {
            return new NormalizedText(original, original, OffsetMap.Identity(original.Length));
        }

        // Pass 2: write the folded text and record the edits.
        var editArray = edits == 0 ? [] : new OffsetMap.Edit[edits];
        string folded;
        if (outputLength == 0)
        {
            // string.Create does not call back for an empty string, and the edits must still be written.
            Write(original, first, [], editArray);
            folded = string.Empty;
        }
        else
        {
            folded = string.Create(outputLength, (original, first, editArray), static (output, state) =>
                Write(state.original, state.first, output, state.editArray));
        }

        return new NormalizedText(original, folded, new OffsetMap(original.Length, outputLength, editArray));
    }

    private static void Write(string source, int start, Span<char> output, OffsetMap.Edit[] editList)
    {
        source.AsSpan(0, start).CopyTo(output);
        var o = start;
        var e = 0;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            var f = c < 0x80 ? Keep : Fold(c);
            switch (f)
            {
                case Keep:
                    output[o++] = c;
                    break;
                case Delete:
                    if (e > 0 && editList[e - 1].OriginalEnd == i && editList[e - 1].NormalizedEnd == o
                        && editList[e - 1].NormalizedStart == o)
                    {
                        // Extend the run of deletions just before.
                        editList[e - 1] = editList[e - 1] with { OriginalEnd = i + 1 };
                    }
                    else
                    {
                        editList[e++] = new OffsetMap.Edit(i, i + 1, o, o);
                    }

                    break;
                case Expand:
                    var expansion = Expansion(c);
                    expansion.CopyTo(output[o..]);
                    editList[e++] = new OffsetMap.Edit(i, i + 1, o, o + expansion.Length);
                    o += expansion.Length;
                    break;
                default:
                    output[o++] = (char)f;
                    break;
            }
        }
    }

    /// <summary>What happens to one non-ASCII UTF-16 code unit: a replacement, <see cref="Keep"/>,
    /// <see cref="Delete"/> or <see cref="Expand"/>.</summary>
    private static int Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        >= '\u2010' and <= '\u2015' => '-',
        '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' => ' ',
        >= '\u2000' and <= '\u200A' => ' ',
        '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => Delete,
        '\u2026' => Expand,
        >= '\uFB00' and <= '\uFB06' => Expand,
        _ => Keep,
    };

    private static ReadOnlySpan<char> Expansion(char c) => c switch
    {
        '\u2026' => "...",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' => "st",
        '\uFB06' => "st",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
