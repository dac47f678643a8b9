using System.Runtime.CompilerServices;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Tests.Dates;

/// <summary>One example of a layer spec: a text we wrote, its publication date, and the expected lines.</summary>
public sealed record LayerExample(string File, int Line, string Text, PartialDate? Published, IReadOnlyList<string> Expected)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Reads the date, quantity and event specs (<c>Specs/Dates.md</c> ...): each example is a
/// <c>```text</c> block (its info string may add <c>published=2012-08-08</c>) followed by a block named
/// after the layer whose lines are the expected annotations, one per line; an empty block expects none.
/// Everything outside the blocks is commentary. The shared pipeline is the real default one on the real
/// <c>data/</c>.
/// </summary>
public static class LayerSpec
{
    public static readonly Lazy<ExtractionPipeline> Pipeline = new(() => PipelineFactory.FromData(DataDirectory.Locate(null)));

    public static string Path(string name, [CallerFilePath] string here = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(here)!)!, "Specs", name);

    public static IReadOnlyList<LayerExample> Read(string name, string layer)
    {
        var path = Path(name);
        var lines = File.ReadAllLines(path);
        var examples = new List<LayerExample>();
        string? text = null;
        PartialDate? published = null;
        var textLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (!line.StartsWith("```", StringComparison.Ordinal) || line.Length == 3)
            {
                continue;
            }

            var info = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var body = new List<string>();
            var j = i + 1;
            while (j < lines.Length && lines[j].TrimEnd() != "```")
            {
                body.Add(lines[j]);
                j++;
            }

            if (j == lines.Length)
            {
                throw new InvalidDataException($"{name}:{i + 1}: block never closed");
            }

            if (info[0] == "text")
            {
                text = string.Join("\n", body);
                textLine = i + 1;
                published = null;
                foreach (var option in info.Skip(1))
                {
                    if (option.StartsWith("published=", StringComparison.Ordinal))
                    {
                        published = PartialDate.Parse(option["published=".Length..]);
                    }
                }
            }
            else if (info[0] == layer)
            {
                if (text is null)
                {
                    throw new InvalidDataException($"{name}:{i + 1}: a ```{layer} block without a ```text block before it");
                }

                examples.Add(new LayerExample(name, textLine, text, published,
                    [.. body.Select(b => b.Trim()).Where(b => b.Length > 0)]));
                text = null;
            }

            i = j;
        }

        return examples;
    }

    public static TheoryData<int> Lines(string name, string layer)
    {
        var data = new TheoryData<int>();
        foreach (var e in Read(name, layer))
        {
            data.Add(e.Line);
        }

        return data;
    }

    /// <summary>Expected and actual lines compared as multisets; the message lists both differences.</summary>
    public static void AssertSame(LayerExample example, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var missing = expected.ToList();
        var spurious = new List<string>();
        foreach (var a in actual)
        {
            if (!missing.Remove(a))
            {
                spurious.Add(a);
            }
        }

        Assert.True(missing.Count == 0 && spurious.Count == 0,
            $"{example}\n{example.Text}\n" + string.Join("\n", missing.Select(m => "missed:   " + m).Concat(spurious.Select(s => "spurious: " + s))));
    }
}
