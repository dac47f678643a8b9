using System.Globalization;
using System.Text.Json;
using Harmattan.Exchange.Csv;
using Harmattan.Knowledge;

namespace Harmattan.Exchange.Import;

/// <summary>
/// The rows of a dataset CSV read by column name, for the ACLED and UCDP importers: the header must have
/// the required columns (HRM0112 naming the file otherwise); a malformed row (broken quoting, or not as
/// many fields as the header) becomes a problem with the line it starts on and the reading goes on.
/// </summary>
internal sealed class CsvRecords
{
    private readonly Dictionary<string, int> _columns;

    private CsvRecords(string path, Dictionary<string, int> columns, IEnumerable<CsvRecord> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    public string Path { get; }

    public IEnumerable<CsvRecord> Rows { get; }

    public static CsvRecords Open(string path, TextReader reader, IReadOnlyList<string> required)
    {
        var records = CsvDialect.Read(reader);
        using var enumerator = records.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current.Problem is not null)
        {
            throw HarmattanError.BadImportFile.At(path + ":1", "no CSV header");
        }

        var header = enumerator.Current.Fields.Select((name, i) => (Name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), i))
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var missing = required.Where(r => !header.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw HarmattanError.BadImportFile.At(path + ":1", "the header lacks " + string.Join(", ", missing));
        }

        var width = enumerator.Current.Fields.Count;
        var rest = new List<CsvRecord>();
        while (enumerator.MoveNext())
        {
            var row = enumerator.Current;
            rest.Add(row.Problem is null && !row.IsBlank && row.Fields.Count != width
                ? row with { Problem = $"the row has {row.Fields.Count} fields where the header has {width}" }
                : row);
        }

        return new CsvRecords(path, header, rest);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>A row read into a record document, or why it cannot be.</summary>
    public delegate string? RowReader(CsvRecords rows, CsvRecord row, out (Document Document, DocumentExtraction Extraction) built, out double? lat, out double? lon);

    /// <summary>
    /// Stores every row <paramref name="read"/> makes a document of, keyed by <paramref name="idColumn"/>;
    /// a malformed row (broken CSV, or a problem <paramref name="read"/> names) is listed with its line and skipped.
    /// </summary>
    public ImportResult StoreAll(Harmattan.Store.KnowledgeStore store, string source, string idColumn, RowReader read, string? by = null)
    {
        var file = System.IO.Path.GetFileName(Path);
        var tally = new ImportTally(Path, source);
        foreach (var row in Rows.Where(r => !r.IsBlank))
        {
            var id = Get(row, idColumn);
            (Document Document, DocumentExtraction Extraction) built = default;
            double? lat = null, lon = null;
            var problem = row.Problem ?? read(this, row, out built, out lat, out lon);
            if (problem is not null)
            {
                tally.Malformed.Add(new ImportProblem(row.Line, id.Length == 0 ? null : id, problem));
                continue;
            }

            var record = new Harmattan.Store.ImportedRecord(source, id, file, row.Line, Json(row), lat, lon);
            // A reader that names no problem has built the document.
            tally.Count(store.StoreImported(record, built.Document!, built.Extraction!, by));
        }

        return tally.Result();
    }

    /// <summary>A row's value of a column, trimmed; empty when the column is absent or the row short.</summary>
    public string Get(CsvRecord row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";

    /// <summary>The row as a JSON object of its columns, as the source gave them: kept as the record's provenance.</summary>
    public string Json(CsvRecord row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ExchangeJson.CompactWriter))
        {
            json.WriteStartObject();
            foreach (var (name, i) in _columns.OrderBy(c => c.Value))
            {
                json.WriteString(name, i < row.Fields.Count ? row.Fields[i] : "");
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A day as the datasets write it: ISO (ACLED, UCDP), "21 February 2013" (older ACLED), or ISO with a time (UCDP).</summary>
    public static bool TryDay(string text, out DateOnly day)
    {
        var date = text.Length > 10 && text[10] == ' ' ? text[..10] : text;
        return DateOnly.TryParseExact(date, ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy", "d-MMMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Coordinates when both are given and on the globe; a problem message when they are not usable.</summary>
    public static (double? Lat, double? Lon, string? Problem) Coordinates(string lat, string lon)
    {
        if (lat.Length == 0 && lon.Length == 0)
        {
            return (null, null, null);
        }

        if (!TryNumber(lat, out var y) || !TryNumber(lon, out var x) || y is < -90 or > 90 || x is < -180 or > 180)
        {
            return (null, null, $"latitude '{lat}' and longitude '{lon}' are not coordinates");
        }

        return (y, x, null);
    }
}
