using Harmattan.Knowledge;

namespace Harmattan.Analysis.Disputes;

/// <summary>One stance word: on which axis of assessment it speaks and in which direction.</summary>
/// <param name="Axis">What is being assessed: strength, trend, threat, support, ...</param>
/// <param name="Sign">+1 or -1.</param>
public sealed record StanceWord(string Word, string Axis, int Sign);

/// <summary>
/// The words by which a claim judges its subject (<c>data/lexicons/&lt;lang&gt;/stance-words.tsv</c>):
/// each has an axis and a sign, so "weakened" is strength −1 and "resurgent" trend +1; the axis
/// <c>negation</c> lists the words that turn the next stance word around ("not", "no longer", "never")
/// and the reporting verbs that deny what follows ("denied"). Words are matched whole, lower case.
/// </summary>
public sealed class StanceLexicon
{
    public const string FileName = "stance-words.tsv";
    public const string NegationAxis = "negation";

    private readonly Dictionary<string, StanceWord> _words;

    private StanceLexicon(Dictionary<string, StanceWord> words) => _words = words;

    /// <summary>How many words before a stance word a negator may stand and still turn it around.</summary>
    public int NegationScope { get; init; } = 3;

    public int Count => _words.Count;

    public bool TryGet(string word, out StanceWord stance) => _words.TryGetValue(word, out stance!);

    public bool IsNegator(string word) => _words.TryGetValue(word, out var w) && string.Equals(w.Axis, NegationAxis, StringComparison.Ordinal);

    public static StanceLexicon Load(DataDirectory data, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(Path.Combine(data.Lexicon(language), FileName));
    }

    /// <summary>
    /// Reads a headerless <c>word axis sign</c> lexicon (comments with <c>#</c>) through
    /// <see cref="DataTable"/>. A bad row is HRM0301 naming the file and line.
    /// </summary>
    public static StanceLexicon Load(string path)
    {
        var words = new Dictionary<string, StanceWord>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(path, 3, 3))
        {
            var (word, axis) = (row[0], row[1]);
            if (axis.Length == 0 || !string.Equals(word, word.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw row.Error("the axis must be non-empty and the word lower case");
            }

            var sign = row[2] switch
            {
                "+" => 1,
                "-" => -1,
                var other => throw row.Error($"the sign must be + or -, not '{other}'"),
            };
            if (!words.TryAdd(word, new StanceWord(word, axis, sign)))
            {
                throw row.Error($"'{word}' is listed twice");
            }
        }

        return new StanceLexicon(words);
    }
}
