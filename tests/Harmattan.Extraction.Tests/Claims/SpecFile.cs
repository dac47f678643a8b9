using System.Runtime.CompilerServices;

namespace Harmattan.Extraction.Tests.Claims;

/// <summary>
/// One example of a Markdown spec: the passage of a <c>text</c> block and the blocks that follow it
/// (by kind: <c>claims</c>, and for other layers their own kinds), with where it is written.
/// </summary>
internal sealed record SpecExample(string File, int Line, string Section, string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Blocks)
{
    public override string ToString() => $"{Path.GetFileName(File)}:{Line} ({Section})";
}

/// <summary>
/// Reads the Markdown specs of <c>Specs/</c> (Markdig's spec-file idea, without code generation): a
/// fenced <c>text</c> block starts an example, and the fenced blocks after it, up to the next
/// <c>text</c> block, hold its expectations one per line. Indented blocks and prose are commentary.
/// A fence left open fails with the file and line.
/// </summary>
internal static class SpecFile
{
    public static string SpecsDirectory([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "Specs");

    public static IReadOnlyList<SpecExample> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var examples = new List<SpecExample>();
        var section = "";
        string? text = null;
        var textLine = 0;
        var blocks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        void Flush()
        {
            if (text is not null)
            {
                examples.Add(new SpecExample(path, textLine, section, text, blocks));
            }

            text = null;
            blocks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = line[3..].Trim();
            var open = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (i >= lines.Length)
            {
                throw new InvalidDataException($"{path}:{open}: the ```{kind} block is never closed");
            }

            if (kind == "text")
            {
                Flush();
                text = string.Join("\n", body);
                textLine = open;
            }
            else if (text is null)
            {
                throw new InvalidDataException($"{path}:{open}: a ```{kind} block must follow a ```text block");
            }
            else
            {
                blocks[kind] = body.Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
            }
        }

        Flush();
        return examples;
    }
}
