using Harmattan.Exchange.Acled;
using Harmattan.Exchange.Stix;
using Harmattan.Exchange.Ucdp;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Import;

/// <summary>The one entry point of the CLI and the API for imports: picks the format (given, or from the file) and runs its importer.</summary>
public sealed class Importer(ExchangeContext context)
{
    public static readonly IReadOnlyList<string> Formats = ["acled", "ucdp", "stix"];

    /// <summary>Imports a file, recording each stored record in the audit log as done by <paramref name="by"/>; <paramref name="format"/> null means: a JSON file is STIX, a CSV is ACLED or UCDP by its header.</summary>
    public ImportResult Import(KnowledgeStore store, string path, string? format = null, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HarmattanError.Unreadable.At(path, e.Message, e);
        }

        return Import(store, path, text, format, by);
    }

    /// <summary>Imports text read elsewhere (an upload); <paramref name="name"/> is how problems name it.</summary>
    public ImportResult Import(KnowledgeStore store, string name, string text, string? format, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chosen = format?.Trim().ToLowerInvariant() ?? Detect(name, text);
        using var reader = new StringReader(text);
        return chosen switch
        {
            "acled" => new AcledImporter(context).Import(store, name, reader, by),
            "ucdp" => new UcdpImporter(context).Import(store, name, reader, by),
            "stix" => new StixImporter(context).Import(store, name, reader, by),
            _ => throw HarmattanError.BadArgument.At("format", $"'{format}' is not an import format; one of {string.Join(", ", Formats)}"),
        };
    }

    private static string Detect(string name, string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('{'))
        {
            return "stix";
        }

        var header = start.Split('\n', 2)[0].ToLowerInvariant();
        if (header.Contains("event_id_cnty", StringComparison.Ordinal))
        {
            return "acled";
        }

        if (header.Contains("type_of_violence", StringComparison.Ordinal) && header.Contains("side_a", StringComparison.Ordinal))
        {
            return "ucdp";
        }

        throw HarmattanError.BadImportFile.At(name, "neither a STIX bundle nor an ACLED or UCDP CSV (give --format to say which)");
    }
}
