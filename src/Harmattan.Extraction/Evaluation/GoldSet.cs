using System.Text;
using System.Text.Json;
using Harmattan.Extraction.Output;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Evaluation;

/// <summary>What NN.meta.json says about a gold document; any field may be missing.</summary>
public sealed record GoldMetadata(string? Url, string? Title, string? Genre, PartialDate? Published);

/// <summary>One annotated document: <see cref="Name"/> is the NN of its files.</summary>
public sealed record GoldDocument(string Name, string Text, GuidelinesDocument Gold, GoldMetadata? Metadata);

/// <summary>
/// A folder of gold annotations (NN.gold.json beside NN.txt, and optionally NN.meta.json), in the order
/// score.py scores them. Unlike score.py, which warns and scores a broken gold file as empty, loading
/// fails on one: a gold set is curated data.
/// </summary>
public sealed class GoldSet
{
    private const string GoldSuffix = ".gold.json";

    private GoldSet(string directory, IReadOnlyList<GoldDocument> documents)
    {
        Directory = directory;
        Documents = documents;
    }

    public string Directory { get; }

    /// <summary>Sorted by name, ordinally, as score.py sorts them.</summary>
    public IReadOnlyList<GoldDocument> Documents { get; }

    /// <summary>
    /// Throws <see cref="HarmattanError.BadArgument"/> when the folder is missing or holds no gold file,
    /// and <see cref="HarmattanError.BadDataFile"/> naming the file that cannot be read.
    /// </summary>
    public static GoldSet Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw HarmattanError.BadArgument.At(directory, "no such folder");
        }

        var names = System.IO.Directory.EnumerateFiles(directory, "*" + GoldSuffix)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f.EndsWith(GoldSuffix, StringComparison.Ordinal))
            .Select(f => f[..^GoldSuffix.Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw HarmattanError.BadArgument.At(directory, "no gold documents found (NN.gold.json)");
        }

        return new GoldSet(directory, [.. names.Select(n => LoadDocument(directory, n))]);
    }

    /// <summary>The documents named in <paramref name="names"/> (score.py's --only); all of them when it is empty.</summary>
    public GoldSet Only(IEnumerable<string> names)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        return wanted.Count == 0 ? this : new GoldSet(Directory, [.. Documents.Where(d => wanted.Contains(d.Name))]);
    }

    private static GoldDocument LoadDocument(string directory, string name)
    {
        var goldPath = Path.Combine(directory, name + GoldSuffix);
        var problems = new List<string>();
        GuidelinesDocument gold;
        using (var json = ReadJson(goldPath))
        {
            gold = GuidelinesDocument.Parse(json.RootElement, goldPath, problems);
        }

        if (problems.Count > 0)
        {
            throw HarmattanError.BadDataFile.At(goldPath, string.Join("; ", problems.Select(p => p[(goldPath.Length + 2)..])));
        }

        var textPath = Path.Combine(directory, name + ".txt");
        if (!File.Exists(textPath))
        {
            throw HarmattanError.BadDataFile.At(goldPath, $"the document text {name}.txt is missing");
        }

        var text = ReadText(textPath);
        var metaPath = Path.Combine(directory, name + ".meta.json");
        var meta = File.Exists(metaPath) ? ReadMetadata(metaPath) : null;
        return new GoldDocument(name, text, gold, meta);
    }

    private static GoldMetadata ReadMetadata(string path)
    {
        using var json = ReadJson(path);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw HarmattanError.BadDataFile.At(path, "top level is not an object");
        }

        PartialDate? published = null;
        if (root.TryGetProperty("published", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            // "2012-03-22T10:00:00Z" and "2012-03-22" both read as the day; "2012" as the year.
            var iso = p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
            if (!PartialDate.TryParse(iso[..Math.Min(iso.Length, 10)], out var date))
            {
                throw HarmattanError.BadDataFile.At(path, $"'published' is not null or a date: {p.GetRawText()}");
            }

            published = date;
        }

        return new GoldMetadata(Field(root, "url", path), Field(root, "title", path), Field(root, "genre", path), published);
    }

    private static string? Field(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : throw HarmattanError.BadDataFile.At(path, $"'{key}' is not a string");
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw HarmattanError.BadDataFile.At(path, "not valid JSON: " + e.Message, e);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException e)
        {
            throw HarmattanError.BadDataFile.At(path, "not valid UTF-8", e);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }
    }
}
