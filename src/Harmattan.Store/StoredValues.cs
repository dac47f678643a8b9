using System.Globalization;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>How values that SQL has no type for are written to columns and read back, both ways in one place.</summary>
internal static class StoredValues
{
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public const string Proposed = "proposed";

    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    public static string Day(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    /// <summary>
    /// The ISO text alone cannot tell a decade from the year range 1990/1999, so the precision is stored
    /// beside it and wins.
    /// </summary>
    public static PartialDate ParseDate(string iso, string precision)
    {
        var date = PartialDate.Parse(iso);
        return Enum.Parse<DatePrecision>(precision) == DatePrecision.YearRange && date.Precision == DatePrecision.Decade
            ? PartialDate.OfYears(date.Year, date.EndYear)
            : date;
    }

    public static PartialDate? ParseOptionalDate(string? iso, string? precision) =>
        iso is null || precision is null ? null : ParseDate(iso, precision);

    /// <summary>Runs of non-whitespace: what a reader would call words, good enough for sizes and speeds.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }
}
