using System.Globalization;

namespace Harmattan.Knowledge;

/// <summary>
/// The one reader of the tab-separated files of <c>data/</c>: the lexicons (<see cref="Read"/>,
/// <see cref="ReadSet"/>: no header, cells trimmed, a range of field counts) and the registries
/// (<see cref="ReadWithHeader"/>: a header line, every row exactly as wide, cells as written). In both,
/// a line starting with <c>#</c> and a blank line are comments, and every problem is HRM0301 naming
/// <c>file:line</c>: a missing or unreadable file, a row of the wrong width, an empty first field.
/// </summary>
/// <remarks>
/// The gazetteer keeps its own column-wise reader: it holds tens of thousands of rows and is laid out
/// in parallel arrays, which a row-per-object reader would defeat.
/// </remarks>
public static class DataTable
{
    /// <summary>One data row: where it is written (for errors) and its cells.</summary>
    public sealed record Row(string File, int Line, string[] Fields)
    {
        public string this[int index] => Fields[index];

        /// <summary>HRM0301 at this row's <c>file:line</c>.</summary>
        public HarmattanException Error(string problem) => DataTable.Error(File, Line, problem);
    }

    /// <summary>A file read with its header: the column names and the line they are on, then the rows.</summary>
    public sealed record Table(string Path, string[] Header, int HeaderLine, IReadOnlyList<Row> Rows)
    {
        /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
        public int Column(string name) => Array.IndexOf(Header, name);
    }

    /// <summary>
    /// The rows of a headerless lexicon, cells trimmed. Each row has between <paramref name="minFields"/>
    /// and <paramref name="maxFields"/> fields and a non-empty first one.
    /// </summary>
    public static IEnumerable<Row> Read(string path, int minFields, int maxFields)
    {
        foreach (var (number, line) in DataLines(path))
        {
            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            if (fields.Length < minFields || fields.Length > maxFields)
            {
                var expected = minFields == maxFields ? $"{minFields}" : $"{minFields} to {maxFields}";
                throw Error(path, number, $"expected {expected} tab-separated fields, found {fields.Length}");
            }

            if (fields[0].Length == 0)
            {
                throw Error(path, number, "the first field is empty");
            }

            yield return new Row(path, number, fields);
        }
    }

    /// <summary>The first column of a one-word-per-line list, with duplicates rejected.</summary>
    public static HashSet<string> ReadSet(string path, StringComparer comparer)
    {
        var set = new HashSet<string>(comparer);
        foreach (var row in Read(path, 1, 1))
        {
            if (!set.Add(row[0]))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        return set;
    }

    /// <summary>
    /// A file whose first data line is its header; every later row has exactly the header's number of
    /// cells, kept as written (not trimmed) for the caller to interpret.
    /// </summary>
    public static Table ReadWithHeader(string path)
    {
        string[]? header = null;
        var headerLine = 0;
        var rows = new List<Row>();
        foreach (var (number, line) in DataLines(path))
        {
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                headerLine = number;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw Error(path, number, $"expected {header.Length} tab-separated columns ({string.Join(", ", header)}), found {cells.Length}");
            }

            rows.Add(new Row(path, number, cells));
        }

        return header is null
            ? throw Error(path, 1, "no header line")
            : new Table(path, header, headerLine, rows);
    }

    /// <summary>HRM0301 at <c>path:line</c>.</summary>
    public static HarmattanException Error(string path, int line, string detail) =>
        HarmattanError.BadDataFile.At(path + ":" + line.ToString(CultureInfo.InvariantCulture), detail);

    /// <summary>The lines that are neither blank nor comments, with their 1-based numbers.</summary>
    private static IEnumerable<(int Number, string Line)> DataLines(string path)
    {
        if (!File.Exists(path))
        {
            throw HarmattanError.BadDataFile.At(path, "the data file is missing");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }

        return Enumerate(lines);

        static IEnumerable<(int, string)> Enumerate(string[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return (i + 1, line);
            }
        }
    }
}
