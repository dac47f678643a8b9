using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Harmattan.Exchange.Csv;

/// <summary>
/// Our CSV, RFC 4180 both ways, through CsvHelper: how it is configured, and the one thing we need that it
/// does not give as such, the line a record starts on (a quoted field may span lines).
/// </summary>
internal static class CsvDialect
{
    /// <summary>
    /// Writing: a field with a comma, a quote, CR or LF is quoted, its quotes doubled, and no other field is
    /// (CsvHelper's default would also quote a leading or trailing space); CRLF ends a record; no
    /// spreadsheet-injection escaping, which would change the values.
    /// </summary>
    private static readonly CsvConfiguration WriterConfiguration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { } field && field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
        InjectionOptions = InjectionOptions.None,
        TrimOptions = TrimOptions.None,
    };

    /// <summary>A writer in our dialect; it leaves <paramref name="writer"/> open and flushes into it when disposed.</summary>
    public static CsvWriter Writer(TextWriter writer) => new(writer, WriterConfiguration, leaveOpen: true);

    /// <summary>Writes one record (a null field as an empty one) and ends it.</summary>
    public static void WriteRecord(CsvWriter csv, IEnumerable<string?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field ?? "");
        }

        csv.NextRecord();
    }

    /// <summary>
    /// The records of a CSV text with the line each starts on (1-based). A record with a quote in the middle
    /// of an unquoted field or text after a closing quote comes back with <see cref="CsvRecord.Problem"/> set,
    /// and reading goes on with the next record; a quote never closed takes the rest of the text (as RFC 4180
    /// reads it), so its record is the last.
    /// </summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        string? bad = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            Mode = CsvMode.RFC4180,
            TrimOptions = TrimOptions.None,
            // A blank line comes through as a record of one empty field. Every line is then in some record,
            // so a record starts on the line after the one the record before it ended on.
            IgnoreBlankLines = false,
            // CsvHelper would throw: we keep the first bad field of the record and go on.
            BadDataFound = args => bad ??= args.Field,
        };
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        var start = 1;
        while (true)
        {
            bad = null;
            if (!parser.Read())
            {
                yield break;
            }

            // CsvHelper unescapes the fields, and reports bad data, as they are read: read them before asking.
            string[] fields = parser.Record ?? [""];
            yield return new CsvRecord(start, fields, bad is null ? null : Problem(bad, start));

            // RawRow is the line the record ended on.
            start = parser.RawRow + 1;
        }
    }

    /// <summary>Why a field CsvHelper found bad is bad; a quoted one with an odd number of quotes was never closed.</summary>
    private static string Problem(string field, int start)
    {
        if (!field.StartsWith('"'))
        {
            return "a quote inside an unquoted field";
        }

        return field.Count(c => c == '"') % 2 == 1
            ? $"a quoted field opened on line {start} is never closed"
            : "text after a closing quote";
    }
}

/// <summary>One CSV record and the line it starts on; <see cref="Problem"/> says why it is malformed, or is null.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem)
{
    /// <summary>A blank line: one empty field.</summary>
    public bool IsBlank => Fields.Count == 1 && Fields[0].Length == 0;
}
