using CsCheck;
using Harmattan.Extraction.Output;
using Harmattan.Extraction.Tests.Specs;

namespace Harmattan.Extraction.Tests.Invariants;

/// <summary>
/// The invariants of <see cref="ExtractionInvariants"/> on generated text: names, cues and dates the
/// recognisers react to, mixed with the characters that break offset arithmetic (surrogate pairs,
/// lone surrogates, combining marks, CRLF, no-break and zero-width spaces).
/// </summary>
public sealed class PipelineProperties
{
    private static readonly string[] Pieces =
    [
        "Iyad Ag Ghaly", "Ag Ghaly", "AQIM", "AQMI", "Ansar Dine", "Ansar Eddine's", "MUJAO", "the MNLA", "Gao", "Kidal-based",
        "Mali", "Malian", "Niger", "Tuareg", "ECOWAS", "Colonel", "President", "University of", "Front", "Movement for the",
        "Liberation of Azawad", "(", ")", "(MLA)", "known as", "also called", "said", "said that", "told", "according to",
        "“", "”", "\"", "'s", "’s", ",", ".", ". ", ":", "-", "—", "•", "in March", "on 3 June 2020", "2012", "some 300 fighters",
        "attacked", "coup", " ", " ", "\n", "\n\n", "\r\n", "\u00A0", "\u200B", "\u00AD", "\u0301", "e\u0301", "😀", "𠀀",
        "\uD800", "\uDC00", "…", "\uFB01", "É",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.OneOf(Pieces.Select(Gen.Const).ToArray())),
        (2, Gen.Char['a', 'z'].Array[1, 6].Select(a => new string(a))),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Up to 40 pieces, "( )" among them (an empty pair once crashed the definition recogniser).</summary>
    private static readonly Gen<string> AnyText = Piece.Array[0, 40].Select(parts => string.Join(" ", parts));

    [Fact]
    public void Every_extraction_keeps_the_invariants_on_arbitrary_text()
    {
        AnyText.Sample(text =>
        {
            var x = SpecFile.Pipeline.Extract("prop", text, null);
            var problems = ExtractionInvariants.Check(text, x);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: 400, print: Escape);
    }

    [Fact]
    public void Extraction_is_deterministic_on_arbitrary_text()
    {
        AnyText.Sample(text =>
        {
            var a = GuidelinesJson.ToUtf8Bytes("prop", null, null, SpecFile.Pipeline.Extract("prop", text, null));
            var b = GuidelinesJson.ToUtf8Bytes("prop", null, null, SpecFile.Pipeline.Extract("prop", text, null));
            Assert.True(a.AsSpan().SequenceEqual(b), JsonDiff.First(a, b));
        }, iter: 100, print: Escape);
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
