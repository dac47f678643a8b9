using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Attributes;

/// <summary>A phrase of <c>attribute-cues.tsv</c>: its lower-case words, what it states and the normalised value.</summary>
public sealed record AttributeCue(string[] Words, string Kind, string? Value, string Source);

/// <summary>
/// The words that state an actor's attributes (<c>attribute-cues.tsv</c>): ideology adjectives, goals
/// with the verbs that introduce them, and the phrases that introduce a group's composition; plus the
/// count nouns of a strength figure. Indexed by first word, longest phrase first. Immutable.
/// </summary>
public sealed class AttributeLexicon
{
    public const string Ideology = "ideology";
    public const string Goal = "goal";
    public const string GoalVerb = "goal-verb";
    public const string CompositionCue = "composition-cue";

    private readonly Dictionary<string, AttributeCue[]> _byFirst;

    public const string StrengthUnit = "strength-unit";
    public const string LossWord = "loss-word";

    private AttributeLexicon(Dictionary<string, AttributeCue[]> byFirst, HashSet<string> strengthUnits, HashSet<string> lossWords)
    {
        _byFirst = byFirst;
        StrengthUnits = strengthUnits;
        LossWords = lossWords;
    }

    /// <summary>Units of a quantity (as quantity-units.tsv names them) that count a group's strength.</summary>
    public IReadOnlySet<string> StrengthUnits { get; }

    /// <summary>Words next to a count of fighters that make it a loss, not a strength ("killed 40 fighters").</summary>
    public IReadOnlySet<string> LossWords { get; }

    public static AttributeLexicon Load(DataDirectory data)
    {
        var path = Path.Combine(data.Lexicon("en"), "attribute-cues.tsv");
        var byFirst = new Dictionary<string, List<AttributeCue>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var units = new HashSet<string>(StringComparer.Ordinal);
        // Matched against the text's words as written ("Killed" opens a sentence).
        var losses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(path, 2, 3))
        {
            var kind = row[1];
            var needsValue = kind is Ideology or Goal;
            if (kind is not (Ideology or Goal or GoalVerb or CompositionCue or StrengthUnit or LossWord))
            {
                throw row.Error($"the attribute must be ideology, goal, goal-verb, composition-cue, strength-unit or loss-word, not '{kind}'");
            }

            if (needsValue != (row.Fields.Length == 3 && row[2].Length > 0))
            {
                throw row.Error(needsValue ? $"a {kind} row needs a value" : $"a {kind} row has no value");
            }

            var phrase = row[0].ToLowerInvariant();
            if (!seen.Add(phrase))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }

            if (kind is StrengthUnit or LossWord)
            {
                if (phrase.Contains(' ', StringComparison.Ordinal))
                {
                    throw row.Error($"a {kind} is one word, not '{row[0]}'");
                }

                (kind == StrengthUnit ? units : losses).Add(phrase);
                continue;
            }

            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!byFirst.TryGetValue(words[0], out var list))
            {
                byFirst[words[0]] = list = [];
            }

            list.Add(new AttributeCue(words, kind, needsValue ? row[2] : null, $"{Path.GetFileName(path)}:{row.Line}"));
        }

        return new AttributeLexicon(byFirst.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.Ordinal), units, losses);
    }

    /// <summary>The longest cue whose words start at <paramref name="at"/> in <paramref name="words"/>, or null.</summary>
    public AttributeCue? At(IReadOnlyList<string?> words, int at)
    {
        if (words[at] is not { } first || !_byFirst.TryGetValue(first, out var cues))
        {
            return null;
        }

        foreach (var cue in cues)
        {
            if (at + cue.Words.Length > words.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < cue.Words.Length && all; k++)
            {
                all = words[at + k] == cue.Words[k];
            }

            if (all)
            {
                return cue;
            }
        }

        return null;
    }
}
