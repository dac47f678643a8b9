using Harmattan.Knowledge;

namespace Harmattan.Corpus;

/// <summary>
/// The generator's vocabulary, read from <c>data/corpus/</c>: sentence templates by kind
/// (<c>templates.tsv</c>) and the values of the slots the registries do not fill (<c>fillers.tsv</c>).
/// </summary>
internal sealed class CorpusTemplates
{
    private CorpusTemplates(Dictionary<string, string[]> templates, Dictionary<string, string[]> fillers)
    {
        Templates = templates;
        Fillers = fillers;
    }

    /// <summary>Kinds every template file must provide.</summary>
    public static readonly string[] Kinds = ["title", "body", "quote"];

    /// <summary>Filler slots the generator fills from <c>fillers.tsv</c>.</summary>
    public static readonly string[] FillerSlots = ["role", "say", "event", "unit", "scale", "currency", "weapon", "topic", "month", "given", "family"];

    /// <summary>Slots filled from the registries or computed (dates and numbers).</summary>
    public static readonly string[] CastSlots = ["group", "org", "person", "surname", "country", "demonym", "place", "date", "daymonth", "year", "n", "amount", "big"];

    public IReadOnlyDictionary<string, string[]> Templates { get; }

    public IReadOnlyDictionary<string, string[]> Fillers { get; }

    /// <exception cref="HarmattanException">HRM0301 naming the file and line of the first problem.</exception>
    public static CorpusTemplates Load(DataDirectory data)
    {
        var templatesPath = data.Combine("corpus", "templates.tsv");
        var fillersPath = data.Combine("corpus", "fillers.tsv");
        var fillers = ReadPairs(fillersPath, "slot", "value");
        foreach (var slot in FillerSlots)
        {
            if (!fillers.ContainsKey(slot))
            {
                throw HarmattanError.BadDataFile.At(fillersPath, $"no values for slot '{slot}'");
            }
        }

        var templates = ReadPairs(templatesPath, "kind", "template", (line, kind, template) => CheckTemplate(templatesPath, line, kind, template));
        foreach (var kind in Kinds)
        {
            if (!templates.ContainsKey(kind))
            {
                throw HarmattanError.BadDataFile.At(templatesPath, $"no templates of kind '{kind}'");
            }
        }

        return new CorpusTemplates(
            templates.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            fillers.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The slot name of a <c>{slot}</c> or <c>{slot2}</c> reference, without the digit.</summary>
    public static string SlotName(ReadOnlySpan<char> reference) => reference.TrimEnd("0123456789").ToString();

    private static void CheckTemplate(string path, int line, string kind, string template)
    {
        if (Array.IndexOf(Kinds, kind) < 0)
        {
            throw HarmattanError.BadDataFile.At($"{path}:{line}", $"unknown kind '{kind}' (expected {string.Join(", ", Kinds)})");
        }

        for (var i = template.IndexOf('{', StringComparison.Ordinal); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                throw HarmattanError.BadDataFile.At($"{path}:{line}", "a '{' is never closed");
            }

            var slot = SlotName(template.AsSpan(i + 1, end - i - 1));
            if (Array.IndexOf(FillerSlots, slot) < 0 && Array.IndexOf(CastSlots, slot) < 0)
            {
                throw HarmattanError.BadDataFile.At($"{path}:{line}", $"unknown slot '{{{slot}}}'");
            }
        }
    }

    private static Dictionary<string, List<string>> ReadPairs(string path, string keyColumn, string valueColumn, Action<int, string, string>? check = null)
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

        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var header = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0 || cells[1].Length == 0)
            {
                throw HarmattanError.BadDataFile.At($"{path}:{i + 1}", $"expected two non-empty tab-separated columns ({keyColumn}, {valueColumn})");
            }

            if (!header)
            {
                if (cells[0] != keyColumn || cells[1] != valueColumn)
                {
                    throw HarmattanError.BadDataFile.At($"{path}:{i + 1}", $"expected the header '{keyColumn}\t{valueColumn}'");
                }

                header = true;
                continue;
            }

            check?.Invoke(i + 1, cells[0], cells[1]);
            if (!result.TryGetValue(cells[0], out var values))
            {
                result[cells[0]] = values = [];
            }

            values.Add(cells[1]);
        }

        return result;
    }
}
