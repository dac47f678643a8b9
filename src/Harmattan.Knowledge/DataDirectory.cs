namespace Harmattan.Knowledge;

/// <summary>
/// The folder of region and language data (schema, registries, gazetteer, lexicons, pipelines) that
/// every loader reads. <see cref="Locate"/> guarantees the folder exists; the loaders check its files.
/// </summary>
public sealed class DataDirectory
{
    private DataDirectory(string root) => Root = root;

    /// <summary>The absolute path of the data folder.</summary>
    public string Root { get; }

    /// <summary><c>schema/</c>: entity, relation and event types.</summary>
    public string SchemaPath => Path.Combine(Root, "schema");

    /// <summary><c>registries/</c>: one subfolder per region (<c>global</c>, <c>sahel</c>, ...).</summary>
    public string RegistriesPath => Path.Combine(Root, "registries");

    /// <summary><c>gazetteer/</c>: populated places with coordinates.</summary>
    public string GazetteerPath => Path.Combine(Root, "gazetteer");

    /// <summary><c>lexicons/</c>: one subfolder per language code.</summary>
    public string LexiconsPath => Path.Combine(Root, "lexicons");

    /// <summary><c>pipelines/</c>: pipeline definitions.</summary>
    public string PipelinesPath => Path.Combine(Root, "pipelines");

    /// <summary>
    /// The folder given with <c>--data</c> when there is one (it must exist), otherwise the
    /// <c>data</c> folder copied next to the running binary.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0301 when the folder does not exist.</exception>
    public static DataDirectory Locate(string? explicitPath)
    {
        var path = string.IsNullOrWhiteSpace(explicitPath)
            ? Path.Combine(AppContext.BaseDirectory, "data")
            : Path.GetFullPath(explicitPath);
        if (!Directory.Exists(path))
        {
            throw HarmattanError.BadDataFile.At(path, "the data folder does not exist");
        }

        return new DataDirectory(path);
    }

    /// <summary>A path inside the data folder, e.g. <c>Combine("lexicons", "en", "months.tsv")</c>.</summary>
    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The language folder under <c>lexicons/</c>, e.g. <c>Lexicon("en")</c>.</summary>
    public string Lexicon(string language) => Path.Combine(LexiconsPath, language);

    /// <summary>The region folders under <c>registries/</c>, sorted by name (ordinal).</summary>
    public IReadOnlyList<string> Regions()
    {
        if (!Directory.Exists(RegistriesPath))
        {
            return [];
        }

        var names = Directory.GetDirectories(RegistriesPath).Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
