using Harmattan.Knowledge;

namespace Harmattan.Documents;

/// <summary>Reads the publication dates that file metadata carries (ISO dates, ISO timestamps).</summary>
internal static class MetadataDate
{
    /// <summary>
    /// Accepts <c>2013-01-11</c>, <c>2013-01-11T09:30:00+00:00</c> (the date part, as written, without
    /// converting time zones), <c>2013-01</c> and <c>2013</c>.
    /// </summary>
    public static PartialDate? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        if (s.Length > 10 && s[4] == '-' && s[7] == '-' && s[10] is 'T' or 't' or ' ')
        {
            s = s[..10];
        }

        return PartialDate.TryParse(s, out var date) ? date : null;
    }
}
