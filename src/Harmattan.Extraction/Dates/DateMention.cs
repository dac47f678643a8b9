using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Dates;

/// <summary>
/// A date expression and the date it denotes. <see cref="YearInferred"/> is true when the text gave no
/// year and it was taken from the publication date or the nearest explicit year.
/// </summary>
public sealed record DateMention(
    TextSpan Span,
    PartialDate Date,
    bool YearInferred,
    string Component,
    string Rule,
    double Confidence);
