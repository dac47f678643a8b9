using Harmattan.Extraction.Claims;
using Harmattan.Extraction.Pipeline;
using Harmattan.Extraction.Tests.Specs;
using Harmattan.Knowledge;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Claims;

/// <summary>
/// Runs every example of <c>Specs/Claims.md</c> through the real default pipeline built from the real
/// <c>data/</c>, and checks the claims it finds and the invariants every claim must keep.
/// </summary>
public sealed class ClaimSpecTests(ITestOutputHelper output)
{
    private const string File = "Claims.md";

    private static IReadOnlyList<SpecExample> Examples => SpecFile.Read(File);

    public static TheoryData<int> ExampleLines() => SpecFile.Lines(File, "claims");

    [Theory]
    [MemberData(nameof(ExampleLines))]
    public void Spec_example_gives_the_expected_claims(int line)
    {
        var example = SpecFile.Example(File, line);
        var doc = SpecFile.Analyze(example);
        var expected = example.Blocks["claims"].Select(l => Parse(example, l)).ToList();
        var actual = doc.Claims.Select(c => (Claim: c, Text: c.Content.Of(doc.Text))).ToList();

        var unmatched = new List<string>();
        foreach (var (speaker, cue, text) in expected)
        {
            var hit = actual.FindIndex(a => a.Text == text && a.Claim.Cue == cue && Names(a.Claim, doc).Contains(speaker));
            if (hit < 0)
            {
                unmatched.Add($"missed: {speaker} | {cue} | {text}");
            }
            else
            {
                actual.RemoveAt(hit);
            }
        }

        unmatched.AddRange(actual.Select(a => $"spurious: {a.Claim.Speaker.Name} | {a.Claim.Cue} | {a.Text}  [{a.Claim.Rule}]"));
        SpecFile.Verdict(example, unmatched, output);
    }

    [Fact]
    public void Every_claim_of_every_example_keeps_the_invariants()
    {
        var problems = new List<string>();
        foreach (var example in Examples)
        {
            var doc = SpecFile.Analyze(example);
            foreach (var c in doc.Claims)
            {
                var where = $"{example}: {c.Speaker.Name} | {c.Cue}";
                if (c.Speaker.Mentions.Count == 0)
                {
                    problems.Add($"{where}: the speaker has no mention");
                }

                if (c.CueSpan.Of(doc.Text) != c.Cue)
                {
                    problems.Add($"{where}: the cue span does not slice to the cue");
                }

                if (c.Content.IsEmpty || char.IsWhiteSpace(doc.Text[c.Content.Start]) || char.IsWhiteSpace(doc.Text[c.Content.End - 1]))
                {
                    problems.Add($"{where}: the content is empty or has whitespace at its edges");
                }

                if (!c.Evidence.Contains(c.Content) || !c.Evidence.Contains(c.CueSpan))
                {
                    problems.Add($"{where}: the evidence does not cover the content and the cue");
                }

                var first = doc.SentenceAt(c.Evidence.Start);
                var last = doc.SentenceAt(c.Evidence.End - 1);
                if (first < 0 || last < 0 || doc.Sentences[first].Span.Start != c.Evidence.Start || doc.Sentences[last].Span.End != c.Evidence.End)
                {
                    problems.Add($"{where}: the evidence is not a run of whole sentences");
                }

                if (c.Speaker.Type is not (EntityType.Person or EntityType.Organization or EntityType.ArmedGroup or EntityType.Country))
                {
                    problems.Add($"{where}: a {c.Speaker.Type} cannot speak");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Spec_covers_every_pattern()
    {
        var doc = string.Join("\n", Examples.Select(e => e.Section));
        foreach (var section in new[] { "said", "told", "According", "several sentences", "called on", "Pronouns", "Several speakers", "own voice", "Headlines" })
        {
            Assert.Contains(section, doc, StringComparison.Ordinal);
        }

        Assert.True(Examples.Count(e => e.Blocks.TryGetValue("claims", out var c) && c.Count == 0) >= 5, "too few negative examples");
    }

    private static HashSet<string> Names(ClaimDraft claim, AnalyzedDocument doc)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { claim.Speaker.Name };
        names.UnionWith(claim.Speaker.Mentions.Select(m => m.Span.Of(doc.Text)));
        return names;
    }

    private static (string Speaker, string Cue, string Text) Parse(SpecExample example, string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"{example}: expected 'speaker | cue | text', found '{line}'");
        }

        return (parts[0], parts[1], parts[2]);
    }
}
