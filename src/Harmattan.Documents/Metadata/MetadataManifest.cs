using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Metadata;

/// <summary>
/// A folder's manifest: <see cref="FileName"/>, a CSV table (RFC 4180, UTF-8) with a header line and one row a
/// report, for datasets that ship their metadata as one table. The columns are <c>file</c> (required: the
/// report's path relative to the manifest's folder, inside it) and any of <c>title</c>, <c>published</c> (or
/// <c>date</c>), <c>url</c>, in any order; an empty cell gives nothing. A manifest that cannot be read as such (not UTF-8
/// text, no header, a header without <c>file</c> or with a column it does not know) is refused whole; a bad row
/// is kept with its <see cref="ManifestRow.Problem"/>, so that it fails only the report it names.
/// </summary>
public sealed class MetadataManifest
{
    public const string FileName = "harmattan-manifest.csv";

    /// <summary>A manifest of a million reports is about 100 MB; a larger file is refused before it is read.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private MetadataManifest(string path, string folder, IReadOnlyList<ManifestRow> rows)
    {
        Path = path;
        Folder = folder;
        Rows = rows;
    }

    /// <summary>The manifest's path as it was given to <see cref="Read"/>; errors name it.</summary>
    public string Path { get; }

    /// <summary>The full path of the folder the manifest describes (the one it is in).</summary>
    public string Folder { get; }

    /// <summary>Every row but blank ones, in file order.</summary>
    public IReadOnlyList<ManifestRow> Rows { get; }

    /// <exception cref="HarmattanException">
    /// HRM0111 at <c>path:line</c> when the manifest as a whole is not usable; HRM0102/0103 when it is not UTF-8
    /// text; HRM0106 when it cannot be read.
    /// </exception>
    public static MetadataManifest Read(string path)
    {
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw HarmattanError.BadMetadata.At(path, string.Create(CultureInfo.InvariantCulture, $"{length} bytes, a manifest may have at most {MaxBytes}"));
            }

            text = Utf8Text.Decode(File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HarmattanError.Unreadable.At(path, e.Message, e);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return new MetadataManifest(path, folder, Parse(text.TrimStart('\uFEFF'), path, folder));
    }

    private static List<ManifestRow> Parse(string text, string path, string folder)
    {
        string? bad = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            Mode = CsvMode.RFC4180,
            // Blank lines come through as records of one empty field, so that each record's first line is
            // the line after the one the record before it ended on.
            IgnoreBlankLines = false,
            BadDataFound = args => bad ??= args.Field,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var rows = new List<ManifestRow>();
        Dictionary<string, int>? header = null;
        var line = 1;
        for (; parser.Read(); line = parser.RawRow + 1, bad = null)
        {
            var fields = parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = Header(fields, bad, $"{path}:{line}");
                continue;
            }

            rows.Add(Row(fields, header, bad, $"{path}:{line}", folder));
        }

        return header is null
            ? throw HarmattanError.BadMetadata.At(path, "no header: a manifest starts with a line such as file,title,published,url")
            : rows;
    }

    private static Dictionary<string, int> Header(string[] fields, string? bad, string where)
    {
        if (bad is not null)
        {
            throw HarmattanError.BadMetadata.At(where, $"the header is not valid CSV near {Shorten(bad)}");
        }

        if (fields is [var only] && only.Contains(';', StringComparison.Ordinal))
        {
            throw HarmattanError.BadMetadata.At(where, $"the header '{Shorten(only)}' has no comma: a manifest's values are separated by commas, not semicolons");
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (ReportMetadata.IsUnstored(fields[i]))
            {
                continue;
            }

            var column = fields[i].Trim().Equals("file", StringComparison.OrdinalIgnoreCase) ? "file" : ReportMetadata.FieldOf(fields[i])
                ?? throw HarmattanError.BadMetadata.At(where, $"unknown column '{fields[i].Trim()}': a manifest has the columns file, {ReportMetadata.FieldNames}");
            if (!header.TryAdd(column, i))
            {
                throw HarmattanError.BadMetadata.At(where, ReportMetadata.Twice(column));
            }
        }

        return header.ContainsKey("file")
            ? header
            : throw HarmattanError.BadMetadata.At(where, "the header has no 'file' column, the path of each report");
    }

    private static ManifestRow Row(string[] fields, Dictionary<string, int> header, string? bad, string where, string folder)
    {
        string? Cell(string column) =>
            header.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim() is { Length: > 0 } value ? value : null;

        var file = Cell("file");
        var full = file is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, file));
        var metadata = ReportMetadata.FromValues(Cell("title"), Cell("published"), Cell("url"), out var problem);
        if (bad is not null)
        {
            problem = $"not valid CSV near {Shorten(bad)}";
        }
        else if (fields.Length != header.Count)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Length} fields where the header has {header.Count}");
        }
        else if (file is null)
        {
            problem = "the 'file' cell is empty";
        }
        else if (!full!.StartsWith(System.IO.Path.TrimEndingDirectorySeparator(folder) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = $"'{file}' is outside the manifest's folder: a manifest describes the reports in its folder and below";
            full = null;
        }

        return new ManifestRow(where, file, full, metadata, problem);
    }

    private static string Shorten(string field) => field.Length <= 40 ? field : field[..40] + "...";
}

/// <summary>
/// One row of a manifest. <see cref="Where"/> is <c>manifest:line</c>; <see cref="FullPath"/> is the report it
/// names, resolved against the manifest's folder (null when the cell is empty or leads outside the folder).
/// A row with a <see cref="Problem"/> gives no metadata: the report it names fails with <see cref="Error"/>.
/// </summary>
public sealed record ManifestRow(string Where, string? File, string? FullPath, ReportMetadata Metadata, string? Problem)
{
    /// <summary>The row's problem as the error its report fails with (HRM0111 at <c>manifest:line</c>); null for a good row.</summary>
    public HarmattanException? Error => Problem is null ? null : HarmattanError.BadMetadata.At(Where, Problem);
}
