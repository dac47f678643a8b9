using System.Globalization;

namespace Harmattan.Knowledge;

/// <summary>How much of a date the source actually gave.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
    /// <summary>A range of whole years, "between 1992 and 1994": <c>1992/1994</c>.</summary>
    YearRange,
    /// <summary>A decade, "the 1990s": stored as <c>1990/1999</c> but remembered as a decade.</summary>
    Decade,
}

/// <summary>
/// A date known only to the precision the text gives ("2012", "March 2012", "22 March 2012",
/// "1992 to 1994"). Its ISO 8601 form is the one the extraction contract uses:
/// <c>2012</c>, <c>2012-03</c>, <c>2012-03-22</c>, <c>1992/1994</c>.
/// </summary>
public readonly record struct PartialDate
{
    private PartialDate(DatePrecision precision, int year, int month, int day, int endYear)
    {
        if (year is < 1 or > 9999 || endYear < 0 || endYear > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), "year out of range");
        }

        if (month is < 0 or > 12 || day < 0 || day > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(month), "month or day out of range");
        }

        if (day > 0 && day > DateTime.DaysInMonth(year, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), "no such day in that month");
        }

        Precision = precision;
        Year = year;
        Month = month;
        Day = day;
        EndYear = endYear;
    }

    public DatePrecision Precision { get; }

    public int Year { get; }

    /// <summary>1–12, or 0 when not known.</summary>
    public int Month { get; }

    /// <summary>1–31, or 0 when not known.</summary>
    public int Day { get; }

    /// <summary>The last year of a range or decade; 0 otherwise.</summary>
    public int EndYear { get; }

    public static PartialDate OfYear(int year) => new(DatePrecision.Year, year, 0, 0, 0);

    public static PartialDate OfMonth(int year, int month) =>
        month is >= 1 and <= 12 ? new(DatePrecision.Month, year, month, 0, 0) : throw new ArgumentOutOfRangeException(nameof(month));

    public static PartialDate OfDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 ? new(DatePrecision.Day, year, month, day, 0) : throw new ArgumentOutOfRangeException(nameof(day));

    public static PartialDate OfYears(int first, int last) =>
        last > first ? new(DatePrecision.YearRange, first, 0, 0, last) : throw new ArgumentOutOfRangeException(nameof(last));

    public static PartialDate OfDecade(int firstYear) =>
        firstYear % 10 == 0 ? new(DatePrecision.Decade, firstYear, 0, 0, firstYear + 9) : throw new ArgumentOutOfRangeException(nameof(firstYear));

    /// <summary>The first calendar day the date may denote.</summary>
    public DateOnly Earliest => new(Year, Math.Max(Month, 1), Math.Max(Day, 1));

    /// <summary>The last calendar day the date may denote.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month, Day),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        _ => new DateOnly(EndYear, 12, 31),
    };

    public string ToIso() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}/{EndYear:D4}"),
    };

    public override string ToString() => ToIso();

    /// <summary>
    /// Reads <c>2012</c>, <c>2012-03</c>, <c>2012-03-22</c>, <c>1992/1994</c>; a range covering a whole
    /// decade that starts on a multiple of ten reads as a decade.
    /// </summary>
    public static bool TryParse(string? iso, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(iso))
        {
            return false;
        }

        var s = iso.Trim();
        try
        {
            var slash = s.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                if (!TryYear(s[..slash], out var a) || !TryYear(s[(slash + 1)..], out var b) || b <= a)
                {
                    return false;
                }

                date = a % 10 == 0 && b == a + 9 ? OfDecade(a) : OfYears(a, b);
                return true;
            }

            var parts = s.Split('-');
            if (!TryYear(parts[0], out var year))
            {
                return false;
            }

            switch (parts.Length)
            {
                case 1:
                    date = OfYear(year);
                    return true;
                case 2 when TryPart(parts[1], out var m):
                    date = OfMonth(year, m);
                    return true;
                case 3 when TryPart(parts[1], out var m) && TryPart(parts[2], out var d):
                    date = OfDay(year, m, d);
                    return true;
                default:
                    return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static PartialDate Parse(string iso) =>
        TryParse(iso, out var d) ? d : throw new FormatException($"not an ISO 8601 partial date: '{iso}'");

    private static bool TryYear(string s, out int year) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && s.Length == 4 && year >= 1;

    private static bool TryPart(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && s.Length == 2;
}
