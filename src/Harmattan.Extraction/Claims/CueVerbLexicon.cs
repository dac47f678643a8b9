using System.Collections.Frozen;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>The constructions a reporting cue can head; see <c>data/lexicons/en/reporting-verbs.tsv</c>.</summary>
[Flags]
public enum CueFrames
{
    None = 0,

    /// <summary>A clause follows, with or without "that": "X said (that) S".</summary>
    That = 1,

    /// <summary>The cue may follow its content: "S, X said", "“S,” said X".</summary>
    After = 2,

    /// <summary>The content is what directly follows: "X called on Y to ...", "X threatened to ...".</summary>
    Complement = 4,

    /// <summary>A cue only when "that" follows within a few tokens: "X reinforced the point that S".</summary>
    NeedsThat = 8,

    /// <summary>The source follows the cue: "according to X".</summary>
    Source = 16,

    /// <summary>A participle continuing a clause whose subject is the speaker: "..., stating that S".</summary>
    Ing = 32,
}

/// <summary>One reporting verb or phrase: its words as written in the lexicon, its lemma and its frames.</summary>
public sealed record CueVerb(string Phrase, string Lemma, CueFrames Frames)
{
    internal string[] Words { get; } = Phrase.Split(' ');
}

/// <summary>
/// The reporting verbs and phrases of <c>reporting-verbs.tsv</c>, looked up by token without allocating:
/// a dictionary from the first word (case-insensitive, ordinal) to the phrases it starts, longest first.
/// Loading fails with <c>file:line</c> on an unknown frame, an empty lemma or a duplicate phrase.
/// </summary>
public sealed class CueVerbLexicon
{
    private static readonly FrozenDictionary<string, CueFrames> FrameNames = new Dictionary<string, CueFrames>(StringComparer.Ordinal)
    {
        ["that"] = CueFrames.That,
        ["after"] = CueFrames.After,
        ["object"] = CueFrames.Complement,
        ["needs-that"] = CueFrames.NeedsThat,
        ["source"] = CueFrames.Source,
        ["ing"] = CueFrames.Ing,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, CueVerb[]> _byFirstWord;
    private readonly Dictionary<string, CueVerb[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private CueVerbLexicon(Dictionary<string, CueVerb[]> byFirstWord)
    {
        _byFirstWord = byFirstWord;
        _lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _byFirstWord.Values.Sum(v => v.Length);

    public static CueVerbLexicon Load(DataDirectory data) =>
        Load(Path.Combine(data.Lexicon("en"), "reporting-verbs.tsv"));

    public static CueVerbLexicon Load(string path)
    {
        var lists = new Dictionary<string, List<CueVerb>>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(path, 3, 3))
        {
            var phrase = row[0];
            if (phrase.Contains("  ", StringComparison.Ordinal) || phrase.Contains('\u00A0', StringComparison.Ordinal))
            {
                throw row.Error($"'{phrase}': separate the words of a phrase with single spaces");
            }

            if (row[1].Length == 0)
            {
                throw row.Error($"'{phrase}' has no lemma");
            }

            var frames = CueFrames.None;
            foreach (var name in row[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!FrameNames.TryGetValue(name, out var frame))
                {
                    throw row.Error($"unknown frame '{name}' (expected {string.Join(", ", FrameNames.Keys)})");
                }

                frames |= frame;
            }

            if (frames == CueFrames.None)
            {
                throw row.Error($"'{phrase}' has no frame");
            }

            if (!seen.Add(phrase))
            {
                throw row.Error($"'{phrase}' is listed twice");
            }

            var verb = new CueVerb(phrase, row[1], frames);
            if (!lists.TryGetValue(verb.Words[0], out var list))
            {
                lists[verb.Words[0]] = list = [];
            }

            list.Add(verb);
        }

        return new CueVerbLexicon(lists.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(v => v.Words.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The longest cue starting at token <paramref name="i"/> and ending before <paramref name="end"/>,
    /// with the number of tokens it covers; null when no cue starts there.
    /// </summary>
    public (CueVerb Verb, int Length)? Match(string text, Token[] tokens, int i, int end)
    {
        if (!_lookup.TryGetValue(tokens[i].TextOf(text), out var verbs))
        {
            return null;
        }

        foreach (var verb in verbs)
        {
            var words = verb.Words;
            if (i + words.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var w = 1; w < words.Length && ok; w++)
            {
                ok = tokens[i + w].IsIgnoreCase(text, words[w]);
            }

            if (ok)
            {
                return (verb, words.Length);
            }
        }

        return null;
    }
}
