using System.Globalization;

namespace Harmattan.Knowledge.Registries;

/// <summary>
/// A tab-separated data file: lines starting with <c>#</c> and blank lines are comments, the first
/// other line is the header, and every row has exactly the header's number of cells.
/// </summary>
internal sealed class TsvFile
{
    private TsvFile(string path, string[] header, int headerLine, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Header = header;
        HeaderLine = headerLine;
        Rows = rows;
    }

    public string Path { get; }

    public string[] Header { get; }

    public int HeaderLine { get; }

    public List<(int Line, string[] Cells)> Rows { get; }

    public static TsvFile Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }

        string[]? header = null;
        var headerLine = 0;
        var rows = new List<(int, string[])>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                headerLine = i + 1;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw Error(path, i + 1, $"expected {header.Length} tab-separated columns ({string.Join(", ", header)}), found {cells.Length}");
            }

            rows.Add((i + 1, cells));
        }

        return header is null
            ? throw Error(path, 1, "no header line")
            : new TsvFile(path, header, headerLine, rows);
    }

    public int Column(string name) => Array.IndexOf(Header, name);

    public static HarmattanException Error(string path, int line, string detail) =>
        HarmattanError.BadDataFile.At(path + ":" + line.ToString(CultureInfo.InvariantCulture), detail);
}
