using System.Text;

namespace Harmattan.Analysis.Disputes;

/// <summary>
/// What a claim says of its subject on one axis, with the words that say it: "weakened" gives strength
/// −1 because of "weakened"; "is not weak" gives strength +1 because of "not weak".
/// </summary>
public sealed record AxisStance(string Axis, int Sign, IReadOnlyList<string> Because);

/// <summary>
/// Reads the stance of a claim from its reporting verb and its words, by the lexicon alone: each stance
/// word counts its sign on its axis, turned around when a negator stands up to
/// <see cref="StanceLexicon.NegationScope"/> words before it, and the whole claim is turned around when
/// its cue is a negator ("denied that ..."). Axes whose signs cancel out have no stance.
/// </summary>
public static class StanceReader
{
    public static IReadOnlyList<AxisStance> Read(StanceLexicon lexicon, string cue, string text)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var cueNegates = Words(cue).Any(lexicon.IsNegator);
        var words = Words(text);
        var sums = new SortedDictionary<string, (int Sum, List<string> Because)>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!lexicon.TryGet(words[i], out var stance) || string.Equals(stance.Axis, StanceLexicon.NegationAxis, StringComparison.Ordinal))
            {
                continue;
            }

            var sign = stance.Sign;
            var phrase = words[i];
            for (var j = i - 1; j >= Math.Max(0, i - lexicon.NegationScope); j--)
            {
                if (lexicon.IsNegator(words[j]))
                {
                    sign = -sign;
                    phrase = string.Join(' ', words.Skip(j).Take(i - j + 1));
                    break;
                }
            }

            if (cueNegates)
            {
                sign = -sign;
                phrase = cue + " … " + phrase;
            }

            if (!sums.TryGetValue(stance.Axis, out var entry))
            {
                entry = (0, []);
            }

            entry.Because.Add(phrase);
            sums[stance.Axis] = (entry.Sum + sign, entry.Because);
        }

        return sums
            .Where(s => s.Value.Sum != 0)
            .Select(s => new AxisStance(s.Key, Math.Sign(s.Value.Sum), s.Value.Because))
            .ToList();
    }

    /// <summary>Lower-case words: runs of letters, with an inner apostrophe kept ("isn't", "n't" forms).</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var apostrophe = (c is '\'' or '\u2019') && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]);
            if (char.IsLetter(c) || apostrophe)
            {
                current.Append(apostrophe ? '\'' : char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
