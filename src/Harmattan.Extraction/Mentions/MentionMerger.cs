using Harmattan.Extraction.Pipeline;

namespace Harmattan.Extraction.Mentions;

/// <summary>
/// Picks one reading per stretch of text from what the recognisers proposed: the longest span wins
/// ("Kidal Airport" over "Kidal", "Al-Qaeda in the Islamic Maghreb" over "Maghreb"), then the more
/// trusted recogniser (a definition, then a registry, then a guess from capitals), then confidence.
/// Candidates for the same span pool what they know (registry id, defining form).
/// </summary>
public sealed class MentionMerger : IComponent
{
    public string Name => "mentions.merge/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Mentions];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Mentions];

    public void Process(AnalyzedDocument document)
    {
        var kept = Merge(document.MentionCandidates);
        document.Mentions.Clear();
        document.Mentions.AddRange(kept);
    }

    public static List<MentionCandidate> Merge(IReadOnlyList<MentionCandidate> candidates)
    {
        var ordered = candidates
            .OrderByDescending(c => c.Span.Length)
            .ThenByDescending(Priority)
            .ThenByDescending(c => c.Confidence)
            .ThenBy(c => c.Span.Start)
            .ToList();
        var kept = new List<MentionCandidate>();
        foreach (var candidate in ordered)
        {
            var clash = kept.FindIndex(k => k.Span.Overlaps(candidate.Span));
            if (clash < 0)
            {
                kept.Add(candidate);
            }
            else if (kept[clash].Span == candidate.Span)
            {
                // Same words, lesser reading: lend the winner what it lacks.
                var winner = kept[clash];
                kept[clash] = winner with
                {
                    RegistryId = winner.RegistryId ?? candidate.RegistryId,
                    Canonical = winner.Canonical ?? candidate.Canonical,
                };
            }
        }

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    private static int Priority(MentionCandidate c) => c.Component switch
    {
        "mentions.definition/1" => 4,
        "mentions.registry/1" when c.Kind != MentionKind.Demonym => 3,
        "mentions.registry/1" => 1,
        _ when c.Rule == "head-word" => 2,
        _ => 0,
    };
}
