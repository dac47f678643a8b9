using System.Globalization;
using System.Text.Json;

namespace Harmattan.Extraction.Tests;

/// <summary>
/// A readable difference between two JSON documents: the first path where they differ, what each holds
/// there, and how many paths differ in all, instead of a dump of both files.
/// </summary>
internal static class JsonDiff
{
    /// <summary>Empty when the two documents hold the same values (formatting aside).</summary>
    public static string First(byte[] expected, byte[] actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var differences = new List<string>();
        Compare("$", e.RootElement, a.RootElement, differences);
        return differences.Count == 0
            ? ""
            : $"first difference at {differences[0]}" + (differences.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"\n({differences.Count} differing paths in all; next: {string.Join("; ", differences.Skip(1).Take(4))})")
                : "");
    }

    private static void Compare(string path, JsonElement e, JsonElement a, List<string> differences)
    {
        if (e.ValueKind != a.ValueKind)
        {
            differences.Add($"{path}: expected {Show(e)}, actual {Show(a)}");
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var actualNames = a.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    if (a.TryGetProperty(p.Name, out var other))
                    {
                        Compare($"{path}.{p.Name}", p.Value, other, differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{p.Name}: expected {Show(p.Value)}, actual missing");
                    }

                    actualNames.Remove(p.Name);
                }

                differences.AddRange(actualNames.Select(n => $"{path}.{n}: expected missing, actual {Show(a.GetProperty(n))}"));
                break;
            case JsonValueKind.Array:
                var (el, al) = (e.GetArrayLength(), a.GetArrayLength());
                for (var i = 0; i < Math.Min(el, al); i++)
                {
                    Compare(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), e[i], a[i], differences);
                }

                if (el != al)
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{path}: expected {el} items, actual {al}; {(el > al ? "first missing" : "first extra")}: {Show(el > al ? e[al] : a[el])}"));
                }

                break;
            default:
                if (e.GetRawText() != a.GetRawText())
                {
                    differences.Add($"{path}: expected {Show(e)}, actual {Show(a)}");
                }

                break;
        }
    }

    private static string Show(JsonElement v)
    {
        var raw = v.ValueKind switch
        {
            JsonValueKind.Object => "{" + string.Join(", ", v.EnumerateObject().Take(4).Select(p => $"{p.Name}: {Scalar(p.Value)}")) + ", ...}",
            JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"[{v.GetArrayLength()} items]"),
            _ => v.GetRawText(),
        };
        return raw.Length <= 160 ? raw : raw[..157] + "...";
    }

    private static string Scalar(JsonElement v) => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? "..." : v.GetRawText();
}
