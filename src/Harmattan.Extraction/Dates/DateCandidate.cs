using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Dates;

/// <summary>What a date expression still needs before it denotes a date.</summary>
internal enum DateAnchor
{
    /// <summary>The text gave the whole date.</summary>
    None,

    /// <summary>A month (and day) without a year: "on 7 August", "in late June".</summary>
    NeedsYear,

    /// <summary>"this year": the publication year, else the nearest earlier year.</summary>
    ThisYear,

    /// <summary>"this month", "earlier this month": the publication month, else the nearest earlier month.</summary>
    ThisMonth,

    /// <summary>"last year": the publication year minus one; nothing without a publication date.</summary>
    LastYear,

    /// <summary>"that year", "a year later": the nearest earlier year in the last sentences, plus <c>Offset</c>.</summary>
    ThatYear,

    /// <summary>"a year after (something)": the earlier date of the same sentence, plus <c>Offset</c>.</summary>
    SameSentence,
}

/// <summary>
/// A date expression as found in one sentence, before the year of the expressions that lack one is
/// decided from the rest of the document (<see cref="YearResolver"/>).
/// </summary>
internal sealed record DateCandidate(
    TextSpan Span,
    int Sentence,
    DatePrecision Precision,
    int Year,
    int Month,
    int Day,
    int EndYear,
    DateAnchor Anchor,
    int Offset,
    string Rule,
    double Confidence)
{
    public static DateCandidate Explicit(TextSpan span, int sentence, PartialDate date, string rule, double confidence) =>
        new(span, sentence, date.Precision, date.Year, date.Month, date.Day, date.EndYear, DateAnchor.None, 0, rule, confidence);
}
