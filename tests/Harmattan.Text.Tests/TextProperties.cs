using CsCheck;
using Harmattan.Text;

namespace Harmattan.Text.Tests;

/// <summary>
/// Invariants of the text layer on arbitrary Unicode: the pieces report writers really use (words, curly
/// quotes, dashes, abbreviations, line breaks, bullets) mixed with the ones that break naive code
/// (surrogate pairs, lone surrogates, combining marks, CRLF and lone CR, no-break spaces, control and
/// zero-width characters).
/// </summary>
public sealed class TextProperties
{
    private static readonly string[] Pieces =
    [
        "Mali", "al-Qaeda", "Ag", "U.S.", "Dr.", "B.", "e.g.", "1,500", "1.5", "22nd", "$", "%", "'s", "’s", "’", "'",
        "“", "”", "‘", ".", ". . .", "…", "?", "!", ",", ":", "(", ")", "-", "–", "—", "•", "1.", "a)", "@", "x@y.org",
        "http://a.b/c", "www.", " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", "\u00A0", "\u2003", "\u00AD", "\u200B", "\u200D", "\uFEFF",
        "\u0301", "\u0308", "😀", "𠀀", "🇲🇱", "\uD800", "\uDC00", "\u0001", "\u007F", "\u0085", "\u2028", "\uFB01", "É", "é",
        "ALL", "lower", "TRIPOLI -", "No.", "st", "s",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(Pieces.Select(Gen.Const).ToArray())),
        (2, Gen.Char['a', 'z'].Array[1, 6].Select(a => new string(a))),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Strings of up to 60 pieces; a few of them arbitrary UTF-16 code units.</summary>
    private static readonly Gen<string> AnyText = Piece.Array[0, 60].Select(parts => string.Concat(parts));

    private static readonly Tokenizer Tokenizer = Tokenizer.Default;

    [Fact]
    public void Tokens_are_ordered_within_bounds_and_cover_every_non_whitespace_char()
    {
        AnyText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var covered = new bool[text.Length];
            var previousEnd = 0;
            foreach (var t in tokens)
            {
                Assert.True(t.Start >= previousEnd, $"overlap or disorder at {t.Span}");
                Assert.True(t.End <= text.Length);
                Assert.False(t.Span.IsEmpty);
                Assert.False(char.IsWhiteSpace(text[t.Start]), $"token starts with whitespace at {t.Span}");
                Assert.False(char.IsWhiteSpace(text[t.End - 1]), $"token ends with whitespace at {t.Span}");
                Assert.False(char.IsLowSurrogate(text[t.Start]) && t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]),
                    $"token starts inside a surrogate pair at {t.Span}");
                Assert.False(char.IsHighSurrogate(text[t.End - 1]) && t.End < text.Length && char.IsLowSurrogate(text[t.End]),
                    $"token ends inside a surrogate pair at {t.Span}");
                for (var i = t.Start; i < t.End; i++)
                {
                    covered[i] = true;
                }

                previousEnd = t.End;
            }

            for (var i = 0; i < text.Length; i++)
            {
                Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"char U+{(int)text[i]:X4} at {i} is not in a token");
            }
        }, iter: 3000);
    }

    [Fact]
    public void Tokenizing_is_deterministic_and_span_based_tokenizing_agrees()
    {
        AnyText.Sample(text =>
        {
            var list = new List<Token>();
            Tokenizer.Tokenize(text.AsSpan(), list);
            Assert.Equal(Tokenizer.Tokenize(text), list);
        }, iter: 500);
    }

    [Fact]
    public void Sentences_are_ordered_and_hold_every_token_once()
    {
        AnyText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Default.Split(text, tokens);
            var next = 0;
            var previousEnd = 0;
            foreach (var s in sentences)
            {
                Assert.Equal(next, s.FirstToken);
                Assert.True(s.TokenCount > 0);
                Assert.Equal(new TextSpan(tokens[s.FirstToken].Start, tokens[s.EndToken - 1].End), s.Span);
                Assert.True(s.Span.Start >= previousEnd);
                if (s.Dateline is { } d)
                {
                    Assert.True(s.Span.Contains(d));
                }

                next = s.EndToken;
                previousEnd = s.Span.End;
            }

            Assert.Equal(tokens.Length, next);
        }, iter: 3000);
    }

    [Fact]
    public void Offset_map_round_trips_kept_characters()
    {
        AnyText.Sample(original =>
        {
            var normalized = Normalizer.Normalize(original);
            var map = normalized.Map;
            Assert.Equal(original.Length, map.OriginalLength);
            Assert.Equal(normalized.Text.Length, map.NormalizedLength);
            for (var i = 0; i < original.Length; i++)
            {
                if (IsKept(original[i]))
                {
                    var n = map.MapToNormalized(i);
                    Assert.True(i == map.MapToOriginal(n), $"{i} -> {n} -> {map.MapToOriginal(n)} in {Escape(original)}");
                    Assert.Equal(new TextSpan(i, i + 1), map.MapToOriginal(new TextSpan(n, n + 1)));
                }
            }

            Assert.Equal(original.Length, map.MapToOriginal(normalized.Text.Length));
            Assert.True(normalized.Text.Length == map.MapToNormalized(original.Length), $"end maps to {map.MapToNormalized(original.Length)} in {Escape(original)}");
        }, iter: 3000);
    }

    [Fact]
    public void A_normalized_span_maps_to_original_characters_that_fold_to_it()
    {
        var textAndSpan =
            from original in AnyText
            let length = Normalizer.Normalize(original).Text.Length
            from a in Gen.Int[0, length]
            from b in Gen.Int[0, length]
            select (original, Math.Min(a, b), Math.Max(a, b));

        textAndSpan.Sample((original, start, end) =>
        {
            var normalized = Normalizer.Normalize(original);
            var span = new TextSpan(start, end);
            var mapped = normalized.MapToOriginal(span);
            Assert.True(mapped.End <= original.Length);
            var refolded = Normalizer.Normalize(mapped.Of(original)).Text;
            var surface = span.Of(normalized.Text);
            if (IsExact(normalized, start) && IsExact(normalized, end))
            {
                Assert.Equal(surface, refolded);
            }
            else
            {
                // A boundary inside an expansion ("…" to "...") grows to the whole original character.
                Assert.Contains(surface, refolded, StringComparison.Ordinal);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Normalized_text_has_no_invisible_or_typographic_characters()
    {
        AnyText.Sample(original =>
        {
            var text = Normalizer.Normalize(original).Text;
            Assert.DoesNotContain(text, c => c is '\u2019' or '\u201C' or '\u2014' or '\u00A0' or '\u00AD' or '\u200B' or '\u2026' or '\uFEFF');
        }, iter: 1000);
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>Kept or replaced one for one: everything but the deleted and expanded characters.</summary>
    private static bool IsKept(char c) =>
        c is not ('\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u2026') and not (>= '\uFB00' and <= '\uFB06');

    /// <summary>True when a normalized offset is not strictly inside an expansion.</summary>
    private static bool IsExact(NormalizedText normalized, int offset)
    {
        if (offset == 0 || offset == normalized.Text.Length)
        {
            return true;
        }

        // Inside an expansion, the offset and the one before it come from the same original character.
        var map = normalized.Map;
        return map.MapToOriginal(new TextSpan(offset - 1, offset)).End <= map.MapToOriginal(offset);
    }
}
