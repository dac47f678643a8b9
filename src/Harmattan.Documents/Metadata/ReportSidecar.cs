using System.Globalization;
using System.Text.Json;
using Harmattan.Knowledge;

namespace Harmattan.Documents.Metadata;

/// <summary>
/// A report's sidecar: the file named as the report plus <see cref="Suffix"/> (<c>report.txt.meta.json</c>
/// beside <c>report.txt</c>), a JSON object with any of <c>title</c>, <c>published</c> (or <c>date</c>) and <c>url</c>. It is
/// for files that carry no metadata of their own (plain text, PDFs with empty properties). The name keeps
/// the report's whole name, extension included, so <c>a.txt</c> and <c>a.pdf</c> each have their own, and
/// its <c>.json</c> ending is no report format, so a folder walk never takes it for a report. Corpora that name
/// the sidecar after the report's name without its extension (<c>01.meta.json</c> beside <c>01.txt</c>) are read
/// too: such a sidecar describes every report of that name, and one named with the extension wins over it.
/// </summary>
public static class ReportSidecar
{
    public const string Suffix = ".meta.json";

    /// <summary>A sidecar holds a few short values; anything larger is a mistake, refused before it is read.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The sidecar path of the report at <paramref name="reportPath"/>.</summary>
    public static string PathOf(string reportPath) => reportPath + Suffix;

    /// <summary>Whether the file is named as a sidecar (the check is on the name only).</summary>
    public static bool IsSidecar(string path) =>
        path.EndsWith(Suffix, StringComparison.Ordinal) && Path.GetFileName(path).Length > Suffix.Length;

    /// <summary>The report a sidecar describes: its path without <see cref="Suffix"/>.</summary>
    public static string ReportOf(string sidecarPath) => sidecarPath[..^Suffix.Length];

    /// <summary>The sidecar named after the report's name without its extension (<c>01.meta.json</c> beside <c>01.txt</c>).</summary>
    public static string StemPathOf(string reportPath) =>
        Path.Combine(Path.GetDirectoryName(reportPath) ?? "", Path.GetFileNameWithoutExtension(reportPath) + Suffix);

    /// <summary>Whether <paramref name="sidecarPath"/> describes the report at <paramref name="reportPath"/>, named either way.</summary>
    public static bool Describes(string sidecarPath, string reportPath) =>
        string.Equals(sidecarPath, PathOf(reportPath), StringComparison.Ordinal)
        || string.Equals(sidecarPath, StemPathOf(reportPath), StringComparison.Ordinal);

    /// <summary>The metadata of the sidecar beside <paramref name="reportPath"/> (named either way), or null when it has none.</summary>
    /// <exception cref="HarmattanException">HRM0111 naming the sidecar and its problem; HRM0106 when it cannot be read.</exception>
    public static ReportMetadata? ReadBeside(string reportPath)
    {
        var path = File.Exists(PathOf(reportPath)) ? PathOf(reportPath) : StemPathOf(reportPath);
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaxBytes)
            {
                throw HarmattanError.BadMetadata.At(path, string.Create(CultureInfo.InvariantCulture,
                    $"{info.Length} bytes: a sidecar holds a title, a date and a URL, and may have at most {MaxBytes}"));
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HarmattanError.Unreadable.At(path, e.Message, e);
        }

        return Parse(content, path);
    }

    /// <summary>Reads a sidecar's JSON; <paramref name="subject"/> names it in errors.</summary>
    /// <exception cref="HarmattanException">HRM0111 naming the problem: not JSON, not an object, an unknown or repeated field, a value of the wrong kind or not a date or URL.</exception>
    public static ReportMetadata Parse(ReadOnlyMemory<byte> json, string subject)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Problem(subject, $"the content is a JSON {Kind(document.RootElement)}, not an object such as {{\"title\": \"...\", \"published\": \"2012-03-22\"}}");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (ReportMetadata.IsUnstored(property.Name))
                {
                    continue;
                }

                var field = ReportMetadata.FieldOf(property.Name)
                    ?? throw Problem(subject, $"unknown field '{property.Name}': a sidecar gives {ReportMetadata.FieldNames}");
                if (!values.TryAdd(field, Value(field, property.Value, subject)))
                {
                    throw Problem(subject, ReportMetadata.Twice(field));
                }
            }
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw HarmattanError.BadMetadata.At(subject, $"not valid JSON, line {line}: {WithoutPosition(e.Message)}", e);
        }

        var metadata = ReportMetadata.FromValues(values.GetValueOrDefault("title"), values.GetValueOrDefault("published"), values.GetValueOrDefault("url"), out var problem);
        return problem is null ? metadata : throw Problem(subject, problem);
    }

    /// <summary>A string, null, or (for <c>published</c>) a bare year written as a number.</summary>
    private static string? Value(string name, JsonElement value, string subject) =>
        value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number when name == "published" && value.TryGetInt32(out var year) =>
                year.ToString(CultureInfo.InvariantCulture),
            _ => throw Problem(subject, $"'{name}' must be a string, not a JSON {Kind(value)}"),
        };

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    /// <summary>System.Text.Json ends its messages with a zero-based position; the line is given one-based instead.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static HarmattanException Problem(string subject, string detail) => HarmattanError.BadMetadata.At(subject, detail);
}
