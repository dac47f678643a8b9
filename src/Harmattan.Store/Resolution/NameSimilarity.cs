namespace Harmattan.Store.Resolution;

/// <summary>
/// Jaro-Winkler similarity over folded names, and the stricter word-by-word test entity resolution uses:
/// two names are close when they have the same number of words, every word pair (in order) is close, and
/// the whole strings are closer still. Whole-string similarity alone merges "Moussa Traoré" with
/// "Moussa Touré" (0.97: the shared first name dominates); word by word, traore/toure is 0.77.
/// </summary>
public static class NameSimilarity
{
    /// <summary>Each word pair must reach this: "ghaly"/"ghali" 0.92, "dine"/"eddine" 0.89 pass; "traore"/"toure" 0.77 does not.</summary>
    public const double WordThreshold = 0.85;

    /// <summary>The whole folded names must reach this as well.</summary>
    public const double NameThreshold = 0.90;

    /// <summary>A one-word name shorter than this is never matched fuzzily ("Gao" against "Gabo").</summary>
    public const int MinimumSingleWordLength = 6;

    /// <summary>
    /// The whole-name Jaro-Winkler score when <paramref name="a"/> and <paramref name="b"/> (both folded)
    /// pass the word-by-word test, else null.
    /// </summary>
    /// <remarks>
    /// With <paramref name="oneEditPerWord"/> (people's names), each word pair must also be within one edit
    /// (<see cref="WordsWithinOneEdit"/>).
    /// </remarks>
    public static double? Close(string a, string b, bool oneEditPerWord = false)
    {
        var wordsA = a.Split(' ');
        var wordsB = b.Split(' ');
        if (wordsA.Length != wordsB.Length)
        {
            return null;
        }

        if (wordsA.Length == 1 && Math.Min(a.Length, b.Length) < MinimumSingleWordLength)
        {
            return null;
        }

        for (var i = 0; i < wordsA.Length; i++)
        {
            if (JaroWinkler(wordsA[i], wordsB[i]) < WordThreshold || (oneEditPerWord && Edits(wordsA[i], wordsB[i]) > 1))
            {
                return null;
            }
        }

        var score = JaroWinkler(a, b);
        return score >= NameThreshold ? score : null;
    }

    /// <summary>
    /// Whether every word of <paramref name="a"/> is at most one edit (a letter added, dropped, changed, or two
    /// swapped) from the word of <paramref name="b"/> in the same place; names of different lengths in words never
    /// are. <see cref="Close"/> applies it to people's names: family names of one region look alike and are
    /// not the same name ("Koné" and "Konaté", two edits, are 0.92 by Jaro-Winkler), while a spelling of the same
    /// name usually differs by one letter ("Ghaly"/"Ghali", "Najem"/"Nagem", "Mokhtar"/"Moktar").
    /// </summary>
    public static bool WordsWithinOneEdit(string a, string b)
    {
        var wordsA = a.Split(' ');
        var wordsB = b.Split(' ');
        return wordsA.Length == wordsB.Length && wordsA.Zip(wordsB).All(pair => Edits(pair.First, pair.Second) <= 1);
    }

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Jaro-Winkler with the usual prefix scale 0.1 over at most four characters; 1 for equal strings.</summary>
    public static double JaroWinkler(string a, string b)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    public static double Jaro(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2.0)) / m)) / 3;
    }
}
