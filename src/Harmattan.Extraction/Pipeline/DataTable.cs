using Harmattan.Knowledge;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// Reads the tab-separated vocabulary files of <c>data/lexicons/</c>: <c>#</c> starts a comment line,
/// blank lines are skipped, and a row with the wrong number of fields fails with <c>file:line</c>.
/// </summary>
public static class DataTable
{
    public sealed record Row(string File, int Line, string[] Fields)
    {
        public string this[int index] => Fields[index];

        public HarmattanException Error(string problem) =>
            HarmattanError.BadDataFile.At($"{File}:{Line}", problem);
    }

    public static IEnumerable<Row> Read(string path, int minFields, int maxFields)
    {
        if (!File.Exists(path))
        {
            throw HarmattanError.BadDataFile.At(path, "the data file is missing");
        }

        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            if (fields.Length < minFields || fields.Length > maxFields)
            {
                var expected = minFields == maxFields ? $"{minFields}" : $"{minFields} to {maxFields}";
                throw HarmattanError.BadDataFile.At($"{path}:{number}", $"expected {expected} tab-separated fields, found {fields.Length}");
            }

            if (fields[0].Length == 0)
            {
                throw HarmattanError.BadDataFile.At($"{path}:{number}", "the first field is empty");
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
}
