using Harmattan.Knowledge;

namespace Harmattan.Extraction.Dates;

/// <summary>
/// Gives a year to the date expressions that lack one, in text order, from the document itself:
/// <list type="number">
/// <item>the nearest earlier month-or-day date within <see cref="NearSentences"/> sentences whose year the
/// text gave (a narrative moves forward, so a month before that date's month is in the next year:
/// "October 2011 ... in March" is March 2012);</item>
/// <item>else the publication date (a month after the publication month is in the previous year);</item>
/// <item>else the nearest earlier month-or-day date anywhere, or the nearest explicit year of the same line.</item>
/// </list>
/// Anaphoric years ("that year", "a year later") count from the nearest earlier year within the same
/// window; "this year"/"this month" from the publication date, else the latest day the text names
/// before them (the closest the text comes to saying when it was written). An
/// expression nothing anchors is dropped: no date is better than a guessed one.
/// </summary>
internal static class YearResolver
{

    public const int NearSentences = 3;

    public static List<DateMention> Resolve(
        List<DateCandidate> candidates, PartialDate? published, string text, string component)
    {
        var resolved = new List<DateMention>(candidates.Count);
        var resolvedSentences = new List<int>(candidates.Count);
        var fromPublished = new List<bool>(candidates.Count);
        foreach (var c in candidates)
        {
            var byPublished = false;
            var date = c.Anchor switch
            {
                DateAnchor.None => Build(c.Precision, c.Year, c.Month, c.Day, c.EndYear),
                DateAnchor.NeedsYear => MonthDay(c, resolved, resolvedSentences, fromPublished, candidates, published, text, out byPublished),
                DateAnchor.ThisYear => published is { } p ? PartialDate.OfYear(p.Year)
                    : Latest(resolved) is { } e ? PartialDate.OfYear(e.Year) : null,
                DateAnchor.ThisMonth => published is { Month: > 0 } pm ? PartialDate.OfMonth(pm.Year, pm.Month)
                    : Latest(resolved) is { } em ? PartialDate.OfMonth(em.Year, em.Month) : null,
                DateAnchor.LastYear => published is { } lp ? PartialDate.OfYear(lp.Year - 1) : null,
                DateAnchor.ThatYear => Earlier(resolved, resolvedSentences, c.Sentence, NearSentences, monthOnly: false) is { } t
                    ? PartialDate.OfYear(t.Year + c.Offset) : null,
                DateAnchor.SameSentence => Earlier(resolved, resolvedSentences, c.Sentence, 0, monthOnly: false) is { } s
                    ? PartialDate.OfYear(s.Year + c.Offset) : null,
                _ => null,
            };
            if (date is not { } d)
            {
                continue;
            }

            resolved.Add(new DateMention(c.Span, d, c.Anchor != DateAnchor.None, component, c.Rule, c.Confidence));
            resolvedSentences.Add(c.Sentence);
            fromPublished.Add(c.Anchor is DateAnchor.ThisYear or DateAnchor.ThisMonth or DateAnchor.LastYear
                || byPublished);
        }

        return resolved;
    }

    private static PartialDate? MonthDay(
        DateCandidate c, List<DateMention> resolved, List<int> sentences, List<bool> fromPublished, List<DateCandidate> all, PartialDate? published, string text,
        out bool byPublished)
    {
        int year;
        byPublished = false;
        var near = Earlier(resolved, sentences, c.Sentence, NearSentences, monthOnly: true, fromPublished);
        if (near is not null && published is not null && near.Equals(published))
        {
            // The nearest date is the report's own dateline ("Published 10 April 2012"): a later month
            // without a year is last year's, as for the publication date itself.
            near = null;
        }

        if (near is { } n && !(published is { } pub && (c.Month < n.Month ? n.Year + 1 : n.Year) > pub.Year))
        {
            // Counting on from a nearby date, unless that would put the day after the report's own year:
            // "the election scheduled for 29 April 2012 ... On 21 March" is still 2012.
            year = c.Month < n.Month ? n.Year + 1 : n.Year;
        }
        else if (published is { } p)
        {
            year = p.Month > 0 && c.Month > p.Month ? p.Year - 1 : p.Year;
            byPublished = true;
        }
        else if (Earlier(resolved, sentences, c.Sentence, int.MaxValue, monthOnly: true) is { } far)
        {
            year = c.Month < far.Month ? far.Year + 1 : far.Year;
        }
        else if (SameLineYear(c, all, text) is { } line)
        {
            year = line;
        }
        else
        {
            return null;
        }

        return Build(c.Precision, year, c.Month, c.Day, 0);
    }

    /// <summary>
    /// The nearest earlier resolved date at most <paramref name="window"/> sentences back with a single
    /// year, skipping those whose year came from the publication date when <paramref name="fromPublished"/> is given.
    /// </summary>
    private static PartialDate? Earlier(List<DateMention> resolved, List<int> sentences, int sentence, int window, bool monthOnly, List<bool>? fromPublished = null)
    {
        for (var k = resolved.Count - 1; k >= 0; k--)
        {
            if (sentence - sentences[k] > window)
            {
                return null;
            }

            if (fromPublished is not null && fromPublished[k])
            {
                continue;
            }

            var d = resolved[k].Date;
            if (d.Precision is DatePrecision.Day or DatePrecision.Month || (!monthOnly && d.Precision == DatePrecision.Year))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The chronologically latest day (else month) named so far: the text's best guess at "now".</summary>
    private static PartialDate? Latest(List<DateMention> resolved)
    {
        PartialDate? best = null;
        foreach (var precision in (ReadOnlySpan<DatePrecision>)[DatePrecision.Day, DatePrecision.Month])
        {
            foreach (var m in resolved)
            {
                if (m.Date.Precision == precision && (best is null || m.Date.Earliest > best.Value.Earliest))
                {
                    best = m.Date;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>
    /// The nearest explicit single year on the same line, earlier ("In 2013 ... on 12 May") or later
    /// ("On October 14 ... the February 2020 accord").
    /// </summary>
    private static int? SameLineYear(DateCandidate c, List<DateCandidate> all, string text)
    {
        var lineEnd = text.IndexOf('\n', c.Span.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var lineStart = c.Span.Start == 0 ? 0 : text.LastIndexOf('\n', c.Span.Start - 1) + 1;
        int? best = null;
        var bestDistance = int.MaxValue;
        foreach (var other in all)
        {
            if (other.Span.Start >= lineStart && other.Span.End <= lineEnd && other.Anchor == DateAnchor.None
                && other.Precision is DatePrecision.Year or DatePrecision.Month or DatePrecision.Day)
            {
                var distance = other.Span.Start > c.Span.Start ? other.Span.Start - c.Span.End : c.Span.Start - other.Span.End;
                if (distance < bestDistance)
                {
                    best = other.Year;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    private static PartialDate? Build(DatePrecision precision, int year, int month, int day, int endYear)
    {
        if (year is < 1 or > 9999)
        {
            return null;
        }

        try
        {
            return precision switch
            {
                DatePrecision.Day => PartialDate.OfDay(year, month, day),
                DatePrecision.Month => PartialDate.OfMonth(year, month),
                DatePrecision.Year => PartialDate.OfYear(year),
                DatePrecision.YearRange => PartialDate.OfYears(year, endYear),
                _ => PartialDate.OfDecade(year),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // "29 February" in a year without one
        }
    }
}
