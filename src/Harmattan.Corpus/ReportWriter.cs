using System.Globalization;
using System.Text;
using Harmattan.Knowledge;

namespace Harmattan.Corpus;

/// <summary>
/// Writes one report: draws its publication date, its length and a small cast (three armed groups,
/// two organisations, three people, public or local, two countries, four places) so names recur the way
/// they do in a real report, then fills templates until the drawn length is reached.
/// </summary>
internal sealed class ReportWriter
{
    private readonly CorpusGenerator _generator;
    private readonly Random _random;
    private readonly Dictionary<string, int[]> _cast = new(StringComparer.Ordinal);
    private readonly List<string> _named = [];
    private readonly List<(string Slot, int Pick)> _sentencePicks = [];
    private readonly StringBuilder _sentence = new();
    private readonly int _year;

    public ReportWriter(CorpusGenerator generator, Random random)
    {
        _generator = generator;
        _random = random;
        _year = 2012 + random.Next(13);
        Published = PartialDate.OfDay(_year, 1 + random.Next(12), 1 + random.Next(28));
        _cast["group"] = Cast(generator.Groups.Length, 3);
        _cast["org"] = Cast(generator.Organizations.Length, 2);
        _cast["person"] = CastPeople(3);
        _cast["country"] = Cast(generator.Countries.Length, 2);
        _cast["place"] = Cast(generator.Places.Length, 4);
    }

    public PartialDate Published { get; }

    public GeneratedReport Write(string id)
    {
        var target = _random.Next(CorpusGenerator.MinWords, CorpusGenerator.MaxWords + 1);
        var text = new StringBuilder();
        var title = Fill(Any(_generator.Templates.Templates["title"]));
        text.Append(title).Append("\n\n");
        var words = CorpusGenerator.CountWords(title);
        var done = false;
        while (!done)
        {
            var sentences = 2 + _random.Next(4);
            for (var i = 0; i < sentences; i++)
            {
                var kind = _random.Next(100) < 15 ? "quote" : "body";
                var sentence = Fill(Any(_generator.Templates.Templates[kind]));
                var count = CorpusGenerator.CountWords(sentence);
                if (words + count > CorpusGenerator.MaxWords)
                {
                    done = true;
                    break;
                }

                text.Append(i == 0 ? "" : " ").Append(sentence);
                words += count;
                if (words >= target)
                {
                    done = true;
                    break;
                }
            }

            text.Append("\n\n");
        }

        return new GeneratedReport(id, text.ToString().TrimEnd('\n') + "\n", Published, words);
    }

    private string Fill(string template)
    {
        _sentence.Clear();
        _sentencePicks.Clear();
        var position = 0;
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open >= 0; open = template.IndexOf('{', position))
        {
            var close = template.IndexOf('}', open);
            _sentence.Append(template, position, open - position);
            var reference = template.AsSpan(open + 1, close - open - 1);
            _sentence.Append(Value(CorpusTemplates.SlotName(reference), reference.Length > 0 && char.IsAsciiDigit(reference[^1])));
            position = close + 1;
        }

        _sentence.Append(template, position, template.Length - position);
        if (_sentence.Length > 0 && char.IsLower(_sentence[0]))
        {
            _sentence[0] = char.ToUpperInvariant(_sentence[0]);
        }

        return _sentence.ToString();
    }

    private string Value(string slot, bool second)
    {
        switch (slot)
        {
            case "group":
                return Form(_generator.Groups[CastPick(slot, second)]);
            case "org":
                return Form(_generator.Organizations[CastPick(slot, second)]);
            case "place":
                return Form(_generator.Places[CastPick(slot, second)]);
            case "country":
                return _generator.Countries[CastPick(slot, second)][0];
            case "demonym":
                return _generator.Demonyms[CastPick("country", second)][0];
            case "person":
                var name = Person(CastPick(slot, second));
                if (!_named.Contains(name))
                {
                    _named.Add(name);
                }

                return name;
            case "surname":
                if (_named.Count == 0)
                {
                    return Value("person", second);
                }

                var full = _named[_random.Next(_named.Count)];
                return full[(full.LastIndexOf(' ') + 1)..];
            case "date":
                var year = _year - _random.Next(3);
                return _random.Next(2) == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{1 + _random.Next(28)} {Month()} {year}")
                    : string.Create(CultureInfo.InvariantCulture, $"{Month()} {1 + _random.Next(28)}, {year}");
            case "daymonth":
                return _random.Next(2) == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{1 + _random.Next(28)} {Month()}")
                    : string.Create(CultureInfo.InvariantCulture, $"{Month()} {1 + _random.Next(28)}");
            case "year":
                // A second year in one sentence closes a range opened by the first.
                var first = _sentencePicks.FindLast(p => p.Slot == "year");
                var value = second && first.Slot is not null ? first.Pick + 1 + _random.Next(3) : _year - 2 - _random.Next(10);
                _sentencePicks.Add(("year", value));
                return value.ToString(CultureInfo.InvariantCulture);
            case "n":
                return (2 + _random.Next(398)).ToString(CultureInfo.InvariantCulture);
            case "amount":
                var currency = Any(_generator.Templates.Fillers["currency"]);
                var sum = string.Create(CultureInfo.InvariantCulture, $"{2 + _random.Next(90)} {Any(_generator.Templates.Fillers["scale"])}");
                return currency.Length == 1 ? currency + sum : sum + " " + currency;
            case "big":
                return _random.Next(2) == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{1 + _random.Next(9)}.{1 + _random.Next(9)} {Any(_generator.Templates.Fillers["scale"])}")
                    : (1000 * (10 + _random.Next(890))).ToString("N0", CultureInfo.InvariantCulture);
            case "month":
                return Month();
            default:
                return Any(_generator.Templates.Fillers[slot]);
        }
    }

    private string Month() => Any(_generator.Templates.Fillers["month"]);

    /// <summary>
    /// A member of the cast for <paramref name="slot"/>; a second reference in one sentence
    /// (<c>{group2}</c>) takes a member the sentence has not used yet.
    /// </summary>
    private int CastPick(string slot, bool second)
    {
        var cast = _cast[slot];
        int pick;
        if (second)
        {
            var candidates = cast.Where(c => !_sentencePicks.Contains((slot, c))).ToArray();
            pick = candidates.Length > 0 ? Any(candidates) : Any(cast);
        }
        else
        {
            pick = Any(cast);
        }

        _sentencePicks.Add((slot, pick));
        return pick;
    }

    /// <summary>The usual name most of the time, otherwise one of the other spellings.</summary>
    private string Form(string[] forms) => forms.Length == 1 || _random.Next(10) < 7 ? forms[0] : forms[1 + _random.Next(forms.Length - 1)];

    private T Any<T>(T[] values) => values[_random.Next(values.Length)];

    /// <summary>
    /// Half the people a report names are public figures of the registries, drawn evenly; the others are local
    /// people, drawn log-uniformly from <see cref="CorpusGenerator.LocalPeople"/>: a few recur in report after
    /// report, most are named once or twice, and the knowledge base meets new names as the corpus grows.
    /// </summary>
    private int[] CastPeople(int count)
    {
        var registry = _generator.People.Length;
        var local = _generator.LocalPeople.Length;
        return Cast(count, () => _random.Next(2) == 0
            ? _random.Next(registry)
            : registry + Math.Min(local - 1, (int)Math.Pow(local + 1, _random.NextDouble()) - 1));
    }

    /// <summary>The name of person <paramref name="index"/> of <see cref="CastPeople"/>: registry people first, then local ones.</summary>
    private string Person(int index) =>
        index < _generator.People.Length ? _generator.People[index][0] : _generator.LocalPeople[index - _generator.People.Length];

    private int[] Cast(int poolSize, int count) => Cast(count, () => _random.Next(poolSize));

    /// <summary><paramref name="count"/> different picks, drawn until that many differ.</summary>
    private static int[] Cast(int count, Func<int> draw)
    {
        var picks = new List<int>(count);
        while (picks.Count < count)
        {
            var pick = draw();
            if (!picks.Contains(pick))
            {
                picks.Add(pick);
            }
        }

        return [.. picks];
    }
}
