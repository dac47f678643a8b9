using System.Text;

namespace Harmattan.Exchange.Csv;

/// <summary>
/// RFC 4180 CSV, both ways, small enough to read in one sitting. Our own rather than CsvHelper: the
/// importers must report a bad row by the line it starts on (a quoted field may span lines) and go on with
/// the next, and the writers need nothing but correct quoting.
/// </summary>
internal static class CsvFile
{
    /// <summary>Writes one record: a field with a comma, a quote, CR or LF is quoted, its quotes doubled; CRLF ends it.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var value = field ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }

    /// <summary>
    /// The records of a CSV text with the line each starts on (1-based). A record with a quote in the middle
    /// of an unquoted field, text after a closing quote, or a quote never closed comes back with
    /// <see cref="CsvRecord.Problem"/> set; reading resumes at the next line.
    /// </summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = 1;
        string? problem = null;
        int c;
        var atRecordStart = true;
        while ((c = reader.Read()) >= 0)
        {
            if (atRecordStart)
            {
                start = line;
                atRecordStart = false;
            }

            if (c == '"' && field.Length == 0 && problem is null)
            {
                // A quoted field: up to the closing quote, "" standing for one quote.
                var closed = false;
                while ((c = reader.Read()) >= 0)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                            continue;
                        }

                        closed = true;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                if (!closed)
                {
                    yield return new CsvRecord(start, [.. fields, field.ToString()], $"a quoted field opened on line {start} is never closed");
                    yield break;
                }

                var next = reader.Peek();
                if (next is not (',' or '\r' or '\n' or -1))
                {
                    problem = "text after a closing quote";
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new CsvRecord(start, [.. fields], problem);
                    fields.Clear();
                    problem = null;
                    line++;
                    atRecordStart = true;
                    break;
                case '"':
                    problem ??= "a quote inside an unquoted field";
                    field.Append('"');
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (!atRecordStart)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(start, [.. fields], problem);
        }
    }
}

/// <summary>One CSV record and the line it starts on; <see cref="Problem"/> says why it is malformed, or is null.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem)
{
    /// <summary>A blank line: one empty field.</summary>
    public bool IsBlank => Fields.Count == 1 && Fields[0].Length == 0;
}
