using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// The sentence templates and section cues of briefings (<c>data/lexicons/&lt;lang&gt;/brief-phrases.tsv</c>
/// and <c>brief-cues.tsv</c>): the language lives in data, the builder only fills placeholders. Every key the
/// builder uses must be present, and a template may name only the placeholders its key is given; both are
/// checked at load, naming the file and line.
/// </summary>
public sealed class BriefPhrases
{
    public const string PhrasesFile = "brief-phrases.tsv";
    public const string CuesFile = "brief-cues.tsv";
    public const string PluralsFile = "brief-plurals.tsv";

    /// <summary>The keys the builder uses and the placeholders each may name.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["heading.overview"] = [], ["heading.actors"] = [], ["heading.timeline"] = [], ["heading.causes"] = [],
        ["heading.outlook"] = [], ["heading.other"] = [], ["heading.disagreements"] = [], ["heading.sources"] = [],
        ["title.actor"] = ["name"], ["title.place"] = ["name"], ["title.period"] = ["period"],
        ["generated"] = ["documents", "date"], ["generated.none"] = ["date"],
        ["overview.actor"] = ["name", "type", "count", "when"],
        ["overview.aliases"] = ["name", "aliases"],
        ["overview.place"] = ["name", "type", "events", "when"],
        ["overview.place.none"] = ["name"],
        ["overview.period"] = ["since", "until", "facts"],
        ["overview.facts"] = ["name", "facts"],
        ["overview.facts.none"] = ["name"],
        ["when.span"] = ["first", "last"], ["when.day"] = ["date"], ["when.period"] = ["date"],
        ["when.undated"] = [], ["when.since.undated"] = ["first"], ["when.until.undated"] = ["last"],
        ["count.at-least"] = ["count"],
        ["count.document.one"] = ["count"], ["count.document.other"] = ["count"], ["count.document.none"] = [],
        ["count.event.one"] = ["count"], ["count.event.other"] = ["count"], ["count.event.none"] = [],
        ["count.relation.one"] = ["count"], ["count.relation.other"] = ["count"], ["count.relation.none"] = [],
        ["count.claim.one"] = ["count"], ["count.claim.other"] = ["count"], ["count.claim.none"] = [],
        ["attribute.default"] = ["entity", "name", "value", "surface"],
        ["attribute.by"] = ["entity", "name", "value", "surface", "speaker", "statement"],
        ["relation.default"] = ["source", "target", "label", "role"],
        ["claim"] = ["speaker", "cue", "text"],
        ["event"] = ["date", "event", "places", "actors"],
        ["event.places"] = ["places"],
        ["event.actors"] = ["actors"],
        ["dispute"] = ["reason"],
        ["dispute.side"] = ["who", "text"],
        ["empty"] = ["subject", "period"], ["empty.period"] = ["period"],
        ["period.span"] = ["since", "until"], ["period.since"] = ["since"], ["period.until"] = ["until"],
        ["read"] = ["count"],
        ["listed"] = ["shown", "total"],
    };

    private readonly Dictionary<string, string> _templates;
    private readonly Dictionary<string, string> _exact;
    private readonly List<(string Prefix, string Section)> _prefixes;
    private readonly HashSet<string> _plurals;

    private BriefPhrases(Dictionary<string, string> templates, Dictionary<string, string> exact, List<(string, string)> prefixes, HashSet<string> plurals)
    {
        _templates = templates;
        _exact = exact;
        _prefixes = prefixes;
        _plurals = plurals;
    }

    public static BriefPhrases Load(DataDirectory data, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(data);
        var folder = data.Lexicon(language);
        var phrasesPath = Path.Combine(folder, PhrasesFile);
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(phrasesPath, 2, 2))
        {
            var (key, template) = (row[0], row[1]);
            var allowed = Allowed(key) ?? throw row.Error($"'{key}' is not a briefing phrase key");
            foreach (var name in Placeholders(template))
            {
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw row.Error($"'{key}' may use {(allowed.Length == 0 ? "no placeholder" : string.Join(", ", allowed.Select(a => "{" + a + "}")))}, not {{{name}}}");
                }
            }

            if (!templates.TryAdd(key, template))
            {
                throw row.Error($"'{key}' is listed twice");
            }
        }

        var missing = Required.Keys.Where(k => !templates.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw DataTable.Error(phrasesPath, 0, "missing keys: " + string.Join(", ", missing));
        }

        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        foreach (var row in DataTable.Read(Path.Combine(folder, CuesFile), 2, 2))
        {
            var (word, section) = (row[0], row[1]);
            if (section is not ("causes" or "outlook") || word.Length == 0 || !string.Equals(word, word.ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw row.Error("a cue is a lower-case word and the section causes or outlook");
            }

            if (word.EndsWith('*'))
            {
                prefixes.Add((word[..^1], section));
            }
            else if (!exact.TryAdd(word, section))
            {
                throw row.Error($"'{word}' is listed twice");
            }
        }

        var plurals = DataTable.ReadSet(Path.Combine(folder, PluralsFile), StringComparer.OrdinalIgnoreCase);
        return new BriefPhrases(templates, exact, prefixes, plurals);
    }

    public bool Has(string key) => _templates.ContainsKey(key);

    /// <summary>
    /// The key of a sentence whose grammatical subject is <paramref name="subject"/>: with ".plural" added when the
    /// name ends in a plural word ("French forces") and the file has that key, else <paramref name="key"/>.
    /// </summary>
    public string For(string key, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var last = subject[(subject.LastIndexOf(' ') + 1)..];
        return _plurals.Contains(last) && Has(key + ".plural") ? key + ".plural" : key;
    }

    /// <summary>The template of <paramref name="key"/> with its placeholders filled.</summary>
    public string Fill(string key, params (string Name, string Value)[] values)
    {
        var template = _templates[key];
        var text = new StringBuilder(template.Length + 64);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var name = template[(open + 1)..close];
            text.Append(values.FirstOrDefault(v => v.Name == name).Value ?? "");
            at = close + 1;
        }

        return text.ToString();
    }

    /// <summary>Which section a claim belongs to by its cue and words: "causes", "outlook", or null.</summary>
    public string? SectionOf(string cue, string text)
    {
        string? outlook = null;
        foreach (var word in Words(cue + " " + text))
        {
            var section = _exact.GetValueOrDefault(word)
                ?? _prefixes.FirstOrDefault(p => word.StartsWith(p.Prefix, StringComparison.Ordinal)).Section;
            if (section == "causes")
            {
                return section;
            }

            outlook ??= section;
        }

        return outlook;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static string[]? Allowed(string key)
    {
        if (Required.TryGetValue(key, out var names))
        {
            return names;
        }

        if (key.StartsWith("relation.", StringComparison.Ordinal))
        {
            return Required["relation.default"];
        }

        return key.StartsWith("attribute.", StringComparison.Ordinal) ? Required["attribute.default"] : null;
    }

    private static IEnumerable<string> Placeholders(string template)
    {
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open);
            if (close > open)
            {
                yield return template[(open + 1)..close];
            }
        }
    }
}
