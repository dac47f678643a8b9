using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Dates;

/// <summary>
/// Finds the date expressions of one sentence, token by token, longest pattern first: numeric dates
/// (<c>2012-03-22</c>, <c>22/03/2012</c>), day-month-year in both orders, month and year, a month alone
/// in a temporal context, year ranges, decades, bare years that are not counts, and anaphoric years
/// ("that year", "a year later"). Only dictionary lookups and character tests: no regular expressions.
/// </summary>
internal sealed class DateScanner(DateLexicon lexicon, string text, Token[] tokens)
{
    private static readonly HashSet<string> Temporal = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "since", "by", "until", "till", "from", "to", "during", "through", "throughout", "before",
        "after", "early", "late", "mid", "last", "next", "this", "between", "and", "of", "around", "circa",
        "until", "that", "same", "or", "into", "as",
    };

    private static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase) { "early", "late", "mid", "the" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifierLookup = Modifiers.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> NotYearBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "p", "pp", "no", "number", "resolution", "article", "paragraph", "section", "chapter", "flight",
        "route", "decree", "code", "tel", "phone", "room", "unit", "$", "€", "£", "some", "about", "nearly", "over",
        "approximately", "roughly", "almost", "least", "than", "estimated", "under", "only",
    };

    private static readonly HashSet<string> TemporalPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "by", "until", "till", "during", "before", "after", "from", "early", "late", "mid",
    };

    private readonly List<DateCandidate> _found = [];
    private int _sentence;
    private int _end;

    public HashSet<string>? CountNouns { get; init; }

    public List<DateCandidate> Scan(int sentenceIndex, Sentence sentence)
    {
        _found.Clear();
        _sentence = sentenceIndex;
        _end = sentence.EndToken;
        var i = sentence.FirstToken;
        while (i < _end)
        {
            var next = Match(i);
            i = next > i ? next : i + 1;
        }

        return _found;
    }

    /// <summary>Tries every pattern at token <paramref name="i"/>; returns the token after a match, or <paramref name="i"/>.</summary>
    private int Match(int i)
    {
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            int n;
            if ((n = NumericDate(i)) > i || (n = DayMonth(i)) > i || (n = Range(i, i)) > i || (n = Decade(i, i)) > i || (n = BareYear(i, i)) > i)
            {
                return n;
            }

            return i;
        }

        if (t.Kind == TokenKind.Ordinal)
        {
            return DayMonth(i);
        }

        if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Abbreviation)
        {
            return i;
        }

        if (TryMonth(i, out var month, out var start))
        {
            return MonthFirst(i, month, start);
        }

        var w = Word(i);
        if ((w.Equals("between", StringComparison.OrdinalIgnoreCase) || w.Equals("from", StringComparison.OrdinalIgnoreCase))
            && i + 1 < _end && tokens[i + 1].Kind == TokenKind.Number)
        {
            var r = Range(i + 1, i);
            if (r > i)
            {
                return r;
            }
        }

        if (ModifierLookup.Contains(w) && i + 1 < _end && tokens[i + 1].Kind == TokenKind.Number)
        {
            int n;
            if ((n = Decade(i + 1, i)) > i || (n = BareYear(i + 1, i)) > i)
            {
                return n;
            }
        }

        var dash = w.IndexOf('-');
        if (dash > 0 && ModifierLookup.Contains(w[..dash]))
        {
            return HyphenatedYear(i, dash + 1);
        }

        return Anaphoric(i);
    }

    // ---- numbers -------------------------------------------------------------------------------

    private ReadOnlySpan<char> Word(int i) => tokens[i].Span.SliceOf(text);

    private bool TryInt(int i, out int value, out int digits)
    {
        value = 0;
        digits = 0;
        if (i >= _end || tokens[i].Kind != TokenKind.Number)
        {
            return false;
        }

        var w = Word(i);
        digits = w.Length;
        return w.Length <= 9 && AllDigits(w) && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private bool TryYear(int i, out int year) => TryInt(i, out year, out var d) && d == 4 && year is >= 1000 and <= 2100;

    private bool TryDay(int i, out int day)
    {
        day = 0;
        if (i >= _end)
        {
            return false;
        }

        if (tokens[i].Kind == TokenKind.Ordinal)
        {
            var w = Word(i);
            var k = 0;
            while (k < w.Length && char.IsAsciiDigit(w[k]))
            {
                k++;
            }

            return k is 1 or 2 && int.TryParse(w[..k], NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
        }

        return TryInt(i, out day, out var digits) && digits <= 2 && day is >= 1 and <= 31;
    }

    private bool IsComma(int i) => i < _end && tokens[i].IsPunctuation(text, ',');

    /// <summary>The token at <paramref name="i"/> is directly followed by <paramref name="c"/> and then another token, with no space.</summary>
    private bool Glued(int i, int j) => j < _end && tokens[i].End == tokens[j].Start;

    // ---- patterns ------------------------------------------------------------------------------

    /// <summary><c>2012-03-22</c>, <c>22/03/2012</c>, <c>1992-1994</c>: digits and one kind of separator, no spaces.</summary>
    private int NumericDate(int i)
    {
        Span<int> parts = stackalloc int[3];
        Span<int> widths = stackalloc int[3];
        var count = 0;
        var sep = '\0';
        var j = i;
        while (true)
        {
            if (!TryInt(j, out parts[count], out widths[count]))
            {
                return i;
            }

            count++;
            if (count == 3 || !Glued(j, j + 1) || !Glued(j + 1, j + 2) || tokens[j + 1].Length != 1)
            {
                break;
            }

            var c = text[tokens[j + 1].Start];
            if (c is not ('-' or '/' or '.' or '\u2013') || (sep != '\0' && c != sep) || tokens[j + 2].Kind != TokenKind.Number)
            {
                break;
            }

            sep = c;
            j += 2;
        }

        if (count < 2)
        {
            return i;
        }

        var span = new TextSpan(tokens[i].Start, tokens[j].End);
        try
        {
            if (count == 3 && widths[0] == 4 && sep == '-' && widths[1] <= 2 && widths[2] <= 2)
            {
                Add(span, PartialDate.OfDay(parts[0], parts[1], parts[2]), "iso-date", 0.95);
                return j + 1;
            }

            if (count == 3 && widths[2] == 4 && sep is '/' or '.' && widths[0] <= 2 && widths[1] <= 2)
            {
                // Day first unless only month first fits; when both fit and differ the order is unknown.
                var (day, month) = parts[0] > 12 ? (parts[0], parts[1])
                    : parts[1] > 12 ? (parts[1], parts[0])
                    : parts[0] == parts[1] ? (parts[0], parts[1]) : (0, 0);
                if (day == 0)
                {
                    return j + 1;
                }

                Add(span, PartialDate.OfDay(parts[2], month, day), "numeric-date", 0.9);
                return j + 1;
            }

            if (count == 2 && sep is '-' or '/' or '\u2013' && widths[0] == 4 && IsYearValue(parts[0]))
            {
                var last = widths[1] == 4 ? parts[1] : widths[1] == 2 ? (parts[0] / 100 * 100) + parts[1] : 0;
                if (last > parts[0] && last - parts[0] <= 50)
                {
                    Add(span, PartialDate.OfYears(parts[0], last), "year-range", 0.9);
                    return j + 1;
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return j + 1; // digits shaped like a date that is no date ("31/02/2012")
        }

        return i;
    }

    private static bool IsYearValue(int year) => year is >= 1800 and <= 2100;

    /// <summary>"22 March 2012", "7 August", "22nd of March".</summary>
    private int DayMonth(int i)
    {
        if (!TryDay(i, out var day))
        {
            return i;
        }

        var m = i + 1;
        if (m < _end && Word(m).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            m++;
        }

        if (m >= _end || !TryMonth(m, out var month, out var start) || start != tokens[m].Start)
        {
            return i;
        }

        var y = IsComma(m + 1) ? m + 2 : m + 1;
        if (TryYear(y, out var year))
        {
            return AddDay(new TextSpan(tokens[i].Start, tokens[y].End), year, month.Month, day, "day-month-year", 0.95) ? y + 1 : i;
        }

        if (month.Kind == MonthNameKind.Abbreviation && !char.IsUpper(text[tokens[m].Start]))
        {
            return i;
        }

        AddNeedsYear(new TextSpan(tokens[i].Start, tokens[m].End), month.Month, day, "day-month");
        return m + 1;
    }

    /// <summary>"March 22, 2012", "March 2012", "June 9th", "in late June".</summary>
    private int MonthFirst(int i, MonthName month, int start)
    {
        var first = start;
        if (start == tokens[i].Start && i > 0 && ModifierLookup.Contains(Word(i - 1)) && !Word(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            first = tokens[i - 1].Start;
        }

        if (TryDay(i + 1, out var day) && !TryYear(i + 1, out _))
        {
            var y = IsComma(i + 2) ? i + 3 : i + 2;
            if (TryYear(y, out var year))
            {
                return AddDay(new TextSpan(start, tokens[y].End), year, month.Month, day, "month-day-year", 0.95) ? y + 1 : i + 1;
            }

            if (IsCapitalized(start) || month.Kind != MonthNameKind.Abbreviation)
            {
                AddNeedsYear(new TextSpan(start, tokens[i + 1].End), month.Month, day, "month-day");
                return i + 2;
            }

            return i + 1;
        }

        var yi = i + 1 < _end && Word(i + 1).Equals("of", StringComparison.OrdinalIgnoreCase) ? i + 2 : i + 1;
        if (TryYear(yi, out var y2) && !IsCount(yi + 1))
        {
            Add(new TextSpan(first, tokens[yi].End), PartialDate.OfMonth(y2, month.Month), "month-year", 0.95);
            return yi + 1;
        }

        if (!IsCapitalized(start) || month.Kind == MonthNameKind.Abbreviation)
        {
            return i + 1;
        }

        var before = i > 0 && tokens[i - 1].End <= tokens[i].Start ? Word(i - 1) : default;
        var temporal = start != tokens[i].Start || (before.Length > 0 && Temporal.Contains(before.ToString()));
        if (month.Kind == MonthNameKind.Context && !temporal)
        {
            return i + 1;
        }

        AddNeedsYear(new TextSpan(first, tokens[i].End), month.Month, 0, "month");
        return i + 1;
    }

    private bool IsCapitalized(int position) => char.IsUpper(text[position]);

    /// <summary>"between 1992 and 1994", "from 2012 to 2013", "1990 – 1996".</summary>
    private int Range(int i, int from)
    {
        if (!TryYear(i, out var first) || !IsYearValue(first) || i + 2 >= _end)
        {
            return from;
        }

        var connector = Word(i + 1);
        var opener = from < i ? Word(from) : default;
        var between = opener.Equals("between", StringComparison.OrdinalIgnoreCase);
        var ok = between
            ? connector.Equals("and", StringComparison.OrdinalIgnoreCase)
            : connector is "-" or "\u2013" or "\u2014"
              || (opener.Equals("from", StringComparison.OrdinalIgnoreCase)
                  && (connector.Equals("to", StringComparison.OrdinalIgnoreCase) || connector.Equals("until", StringComparison.OrdinalIgnoreCase)
                      || connector.Equals("till", StringComparison.OrdinalIgnoreCase) || connector.Equals("through", StringComparison.OrdinalIgnoreCase)));
        if (!ok || !TryYear(i + 2, out var last) || last <= first || last - first > 50 || IsCount(i + 3))
        {
            return from;
        }

        Add(new TextSpan(tokens[from].Start, tokens[i + 2].End), PartialDate.OfYears(first, last), "year-range", 0.9);
        return i + 3;
    }

    /// <summary>"the 1990s", "the late 1980s", "1990's".</summary>
    private int Decade(int i, int from)
    {
        var w = Word(i);
        int year;
        var end = i;
        if (w.Length == 5 && (w[4] == 's') && AllDigits(w[..4]))
        {
            year = int.Parse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        else if (TryYear(i, out year) && Glued(i, i + 1) && tokens[i + 1].Kind == TokenKind.Possessive && from < i)
        {
            end = i + 1;
        }
        else
        {
            return from;
        }

        if (year % 10 != 0 || !IsYearValue(year))
        {
            return from;
        }

        var start = from < i && !Word(from).Equals("the", StringComparison.OrdinalIgnoreCase) ? tokens[from].Start : tokens[i].Start;
        Add(new TextSpan(start, tokens[end].End), PartialDate.OfDecade(year), "decade", 0.9);
        return end + 1;
    }

    /// <summary>"mid-2012", "late-2012", "mid-1950s".</summary>
    private int HyphenatedYear(int i, int digitsAt)
    {
        var w = Word(i);
        var rest = w[digitsAt..];
        var decade = rest.Length == 5 && rest[4] == 's';
        var digits = decade ? rest[..4] : rest;
        if (digits.Length != 4 || !AllDigits(digits))
        {
            return i;
        }

        var year = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!IsYearValue(year) || (decade && year % 10 != 0))
        {
            return i;
        }

        Add(tokens[i].Span, decade ? PartialDate.OfDecade(year) : PartialDate.OfYear(year), decade ? "decade" : "year", 0.85);
        return i + 1;
    }

    /// <summary>A four-digit number read as a year unless its neighbours make it a count or a reference.</summary>
    private int BareYear(int i, int from)
    {
        if (!TryYear(i, out var year) || !IsYearValue(year))
        {
            return from;
        }

        var before = i > 0 ? Word(i - 1).ToString() : "";
        var temporalBefore = TemporalPrepositions.Contains(before);
        if ((!temporalBefore && NotYearBefore.Contains(before)) || (!temporalBefore && IsCount(i + 1)))
        {
            return i + 1;
        }

        var start = from < i && !Word(from).Equals("the", StringComparison.OrdinalIgnoreCase) ? tokens[from].Start : tokens[i].Start;
        Add(new TextSpan(start, tokens[i].End), PartialDate.OfYear(year), "year", temporalBefore ? 0.9 : 0.8);
        return i + 1;
    }

    private bool IsCount(int i)
    {
        if (i >= _end)
        {
            return false;
        }

        var w = Word(i);
        return (CountNouns is not null && CountNouns.Contains(w.ToString()))
            || w.Equals("%", StringComparison.Ordinal) || w.Equals("percent", StringComparison.OrdinalIgnoreCase)
            || w.Equals("per", StringComparison.OrdinalIgnoreCase)
            || lexicon.TryCardinal(w, out _);
    }

    /// <summary>"this year", "earlier this month", "that year", "the following year", "two years later", "a year after".</summary>
    private int Anaphoric(int i)
    {
        var w = Word(i);
        var start = i;
        if ((w.Equals("earlier", StringComparison.OrdinalIgnoreCase) || w.Equals("later", StringComparison.OrdinalIgnoreCase)) && i + 2 < _end)
        {
            i++;
            w = Word(i);
        }

        if (i + 1 >= _end)
        {
            return start;
        }

        var unit = Word(i + 1);
        var isYear = unit.Equals("year", StringComparison.OrdinalIgnoreCase);
        var isMonth = unit.Equals("month", StringComparison.OrdinalIgnoreCase);
        if (w.Equals("this", StringComparison.OrdinalIgnoreCase) && (isYear || isMonth))
        {
            return AddAnaphor(start, i + 1, isYear ? DateAnchor.ThisYear : DateAnchor.ThisMonth, 0, "this-" + (isYear ? "year" : "month"));
        }

        if (w.Equals("last", StringComparison.OrdinalIgnoreCase) && isYear)
        {
            return AddAnaphor(start, i + 1, DateAnchor.LastYear, 0, "last-year");
        }

        if (isYear && (w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("same", StringComparison.OrdinalIgnoreCase)))
        {
            return AddAnaphor(start, i + 1, DateAnchor.ThatYear, 0, "that-year");
        }

        if (w.Equals("the", StringComparison.OrdinalIgnoreCase) && isYear && start > 0
            && (Word(start - 1).Equals("throughout", StringComparison.OrdinalIgnoreCase) || Word(start - 1).Equals("during", StringComparison.OrdinalIgnoreCase)))
        {
            return AddAnaphor(start - 1, i + 1, DateAnchor.ThatYear, 0, "that-year");
        }

        if (w.Equals("the", StringComparison.OrdinalIgnoreCase) && i + 2 < _end && Word(i + 2).Equals("year", StringComparison.OrdinalIgnoreCase))
        {
            var which = Word(i + 1);
            var offset = which.Equals("following", StringComparison.OrdinalIgnoreCase) || which.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1
                : which.Equals("previous", StringComparison.OrdinalIgnoreCase) || which.Equals("preceding", StringComparison.OrdinalIgnoreCase) ? -1
                : which.Equals("same", StringComparison.OrdinalIgnoreCase) ? 0 : int.MinValue;
            return offset == int.MinValue ? start : AddAnaphor(start, i + 2, DateAnchor.ThatYear, offset, "that-year");
        }

        // "a year later", "two years after", "three years earlier"
        if (start != i || !(isYear || unit.Equals("years", StringComparison.OrdinalIgnoreCase)) || i + 2 >= _end)
        {
            return start;
        }

        int n;
        if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            n = 1;
        }
        else if (!lexicon.TryCardinal(w, out n) && !(TryInt(i, out n, out var d) && d <= 2))
        {
            return start;
        }

        var rel = Word(i + 2);
        if (rel.Equals("later", StringComparison.OrdinalIgnoreCase))
        {
            return AddAnaphor(start, i + 2, DateAnchor.ThatYear, n, "years-later");
        }

        if (rel.Equals("earlier", StringComparison.OrdinalIgnoreCase))
        {
            return AddAnaphor(start, i + 2, DateAnchor.ThatYear, -n, "years-earlier");
        }

        // "in 1993, a year after X": X happened a year before the date already given.
        if (rel.Equals("after", StringComparison.OrdinalIgnoreCase))
        {
            return AddAnaphor(start, i + 2, DateAnchor.SameSentence, -n, "years-after");
        }

        if (rel.Equals("before", StringComparison.OrdinalIgnoreCase))
        {
            return AddAnaphor(start, i + 2, DateAnchor.SameSentence, n, "years-before");
        }

        return start;
    }

    // ---- months --------------------------------------------------------------------------------

    /// <summary>
    /// The token is a month name, or ends with one glued to a label by the page layout
    /// ("FormedAugust" in a scraped table: the month starts at an inner lower-to-upper case change).
    /// </summary>
    private bool TryMonth(int i, out MonthName month, out int start)
    {
        var w = Word(i);
        start = tokens[i].Start;
        var bare = w.Length > 1 && w[^1] == '.' ? w[..^1] : w;
        if (lexicon.TryMonth(bare, out month))
        {
            return month.Kind != MonthNameKind.Abbreviation || char.IsUpper(bare[0]) || NumberBeside(i);
        }

        for (var p = w.Length - 3; p > 0; p--)
        {
            if (char.IsUpper(w[p]) && char.IsLower(w[p - 1]))
            {
                if (lexicon.TryMonth(w[p..], out month) && month.Kind != MonthNameKind.Abbreviation)
                {
                    start += p;
                    return true;
                }

                break;
            }
        }

        month = null!;
        return false;
    }

    private bool NumberBeside(int i) =>
        (i + 1 < _end && tokens[i + 1].Kind is TokenKind.Number or TokenKind.Ordinal)
        || (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Ordinal);

    // ---- output --------------------------------------------------------------------------------

    private void Add(TextSpan span, PartialDate date, string rule, double confidence) =>
        _found.Add(DateCandidate.Explicit(span, _sentence, date, rule, confidence));

    private bool AddDay(TextSpan span, int year, int month, int day, string rule, double confidence)
    {
        if (day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        Add(span, PartialDate.OfDay(year, month, day), rule, confidence);
        return true;
    }

    private void AddNeedsYear(TextSpan span, int month, int day, string rule) =>
        _found.Add(new DateCandidate(span, _sentence, day > 0 ? DatePrecision.Day : DatePrecision.Month, 0, month, day, 0,
            DateAnchor.NeedsYear, 0, rule, 0.8));

    private int AddAnaphor(int first, int last, DateAnchor anchor, int offset, string rule)
    {
        _found.Add(new DateCandidate(new TextSpan(tokens[first].Start, tokens[last].End), _sentence,
            anchor == DateAnchor.ThisMonth ? DatePrecision.Month : DatePrecision.Year, 0, 0, 0, 0, anchor, offset, rule, 0.6));
        return last + 1;
    }
}
