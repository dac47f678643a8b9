using System.Text;
using Harmattan.Exchange.Acled;
using Harmattan.Exchange.GeoJson;
using Harmattan.Exchange.GraphMl;
using Harmattan.Exchange.JsonLines;
using Harmattan.Exchange.Stix;
using Harmattan.Knowledge;

namespace Harmattan.Exchange;

/// <summary>An export format: its name on the command line and in the API, its media type and file extension.</summary>
public sealed record ExportFormat(string Name, string ContentType, string Extension)
{
    public static readonly ExportFormat Stix = new("stix", "application/stix+json;version=2.1", ".stix.json");
    public static readonly ExportFormat Acled = new("acled", "text/csv; charset=utf-8", ".acled.csv");
    public static readonly ExportFormat GraphMl = new("graphml", "application/graphml+xml", ".graphml");
    public static readonly ExportFormat GeoJson = new("geojson", "application/geo+json", ".geojson");
    public static readonly ExportFormat JsonLines = new("jsonl", "application/jsonl", ".jsonl");

    public static IReadOnlyList<ExportFormat> All { get; } = [Stix, Acled, GraphMl, GeoJson, JsonLines];

    /// <summary>The format of a name (any case); HRM0401 naming <paramref name="option"/> and the choices otherwise.</summary>
    public static ExportFormat Parse(string? name, string option)
    {
        var wanted = name?.Trim() ?? "";
        return All.FirstOrDefault(f => string.Equals(f.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw HarmattanError.BadArgument.At(option, $"'{name}' is not an export format; one of {string.Join(", ", All.Select(f => f.Name))}");
    }

    /// <summary>A file name for an export of the knowledge base: harmattan-export plus the extension.</summary>
    public string FileName => "harmattan-export" + Extension;
}

/// <summary>Writes a selection in one of the export formats; the one entry point the CLI and the API share.</summary>
public sealed class Exporter(ExchangeContext context)
{
    public void Write(ExportFormat format, ExportSelection selection, Stream output)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        switch (format.Name)
        {
            case "stix":
                new StixExporter(context).Write(selection, output);
                break;
            case "acled":
                using (var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true))
                {
                    new AcledExporter(context).Write(selection, writer);
                }

                break;
            case "graphml":
                new GraphMlExporter(context).Write(selection, output);
                break;
            case "geojson":
                new GeoJsonExporter(context).Write(selection, output);
                break;
            case "jsonl":
                JsonLinesExporter.Write(selection, output);
                break;
            default:
                throw HarmattanError.BadArgument.At("format", $"'{format.Name}' is not an export format");
        }
    }
}
