using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harmattan.Knowledge;

/// <summary>
/// Reads one YAML data file into nodes that remember their line, and turns every shape problem into
/// HRM0301 with <c>file:line</c>. Shared by the schema and registry loaders.
/// </summary>
internal static class YamlFile
{
    public static YamlNode? Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw HarmattanError.BadDataFile.At(path, e.Message, e);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Error(path, (int)e.Start.Line, "YAML syntax: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some malformed input (an unclosed flow list) this way,
            // without a position: the line is where the last well-formed token ended.
            throw Error(path, LastGoodLine(text), "YAML syntax: the structure after this line is malformed", e);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static int LastGoodLine(string text)
    {
        var parser = new Parser(new StringReader(text));
        var line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = (int)parser.Current!.End.Line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: this walk stops where the document breaks.
        }

        return line;
    }

    public static HarmattanException Error(string path, int line, string detail, Exception? inner = null) =>
        HarmattanError.BadDataFile.At(path + ":" + line.ToString(CultureInfo.InvariantCulture), detail, inner);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlMap Map(string path, YamlNode node, string what) =>
        node is YamlMappingNode m
            ? new YamlMap(path, m)
            : throw Error(path, Line(node), what + " must be a mapping of keys to values");

    public static YamlSequenceNode Sequence(string path, YamlNode? node, string what) =>
        node as YamlSequenceNode
            ?? throw Error(path, node is null ? 1 : Line(node), what + " must be a list");
}

/// <summary>A YAML mapping with its file, read key by key with checks that name the line.</summary>
internal sealed class YamlMap(string path, YamlMappingNode node)
{
    public string Path { get; } = path;

    public int Line => YamlFile.Line(node);

    /// <summary>Fails on the first key not in <paramref name="allowed"/>, naming its line.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, name) < 0)
            {
                throw YamlFile.Error(Path, YamlFile.Line(key),
                    $"unknown key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public int LineOf(string key) => Node(key) is { } n ? YamlFile.Line(n) : Line;

    public string Required(string key)
    {
        var value = Optional(key);
        return string.IsNullOrWhiteSpace(value)
            ? throw YamlFile.Error(Path, LineOf(key), $"missing or empty '{key}'")
            : value;
    }

    public string? Optional(string key)
    {
        var n = Node(key);
        if (n is null)
        {
            return null;
        }

        if (n is not YamlScalarNode scalar)
        {
            throw YamlFile.Error(Path, YamlFile.Line(n), $"'{key}' must be a single value");
        }

        return scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" ? null : scalar.Value?.Trim();
    }

    public YamlMap? OptionalMap(string key) => Node(key) is { } n ? YamlFile.Map(Path, n, $"'{key}'") : null;

    /// <summary>A list of non-empty scalars; a single scalar counts as a list of one; absent is empty.</summary>
    public IReadOnlyList<string> List(string key)
    {
        var n = Node(key);
        switch (n)
        {
            case null:
                return [];
            case YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value):
                return [s.Value.Trim()];
            case YamlSequenceNode seq:
                var items = new List<string>(seq.Children.Count);
                foreach (var item in seq.Children)
                {
                    if (item is not YamlScalarNode { Value: { } v } || string.IsNullOrWhiteSpace(v))
                    {
                        throw YamlFile.Error(Path, YamlFile.Line(item), $"every item of '{key}' must be a non-empty value");
                    }

                    items.Add(v.Trim());
                }

                return items;
            default:
                throw YamlFile.Error(Path, YamlFile.Line(n), $"'{key}' must be a list of values");
        }
    }

    public bool? Bool(string key)
    {
        var value = Optional(key);
        return value switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw YamlFile.Error(Path, LineOf(key), $"'{key}' must be true or false, not '{value}'"),
        };
    }

    public double? Number(string key, double min, double max)
    {
        var value = Optional(key);
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < min || d > max)
        {
            throw YamlFile.Error(Path, LineOf(key), $"'{key}' must be a number from {min} to {max}, not '{value}'");
        }

        return d;
    }

    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries()
    {
        foreach (var (k, v) in node.Children)
        {
            yield return ((k as YamlScalarNode)?.Value ?? "", v, YamlFile.Line(k));
        }
    }
}
