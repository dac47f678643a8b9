using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Specs;

/// <summary>
/// One example of a Markdown spec: the passage of a <c>```text</c> block, its options, and the fenced
/// blocks that follow it up to the next <c>```text</c> block, by kind (<c>claims</c>, <c>dates</c>,
/// <c>entities</c> ...), each a list of expected lines. An empty block expects nothing of its kind; a
/// kind with no block is not checked for this example.
/// </summary>
/// <param name="Section">The nearest Markdown heading above the example.</param>
/// <param name="Published">The <c>published=DATE</c> option: the report's publication date.</param>
/// <param name="KnownGap">
/// The <c>known-gap</c> option: the extractor is known to fail this example although the GUIDELINES
/// require the expected annotations. The spec tests list it without failing, and fail as soon as the
/// example passes, so that the tag is removed.
/// </param>
/// <param name="Issue">The <c>issue=N</c> option: the issue whose bug the example was written for.</param>
public sealed record SpecExample(
    string File,
    int Line,
    string Section,
    string Text,
    PartialDate? Published,
    bool KnownGap,
    int? Issue,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Blocks)
{
    public override string ToString() =>
        $"{System.IO.Path.GetFileName(File)}:{Line} ({Section}{(Issue is { } n ? $", issue {n}" : "")})";
}

/// <summary>
/// The one reader of the Markdown specs of <c>Specs/</c> (Markdig's spec-file idea, without code
/// generation), used by the spec tests of every layer.
/// </summary>
/// <remarks>
/// Format: a fenced block whose info string is <c>text</c> starts an example; the info string may add
/// options separated by spaces: <c>published=2012-08-08</c>, <c>issue=12</c> and <c>known-gap</c>. Every other fenced
/// block belongs to the example before it and is named by its info string; its non-blank lines,
/// trimmed, are the expected annotations. Headings outside blocks name the section; everything else,
/// including indented blocks, is commentary. A block never closed, a block before any text, an
/// unknown option, two blocks of one kind for one example and an example with no block at all fail
/// with the file and line.
/// </remarks>
public static class SpecFile
{
    private const string KnownGapOption = "known-gap";
    private const string PublishedOption = "published=";
    private const string IssueOption = "issue=";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<SpecExample>> Cache = new(StringComparer.Ordinal);

    /// <summary>The real default pipeline on the real <c>data/</c>, shared by every spec test.</summary>
    public static ExtractionPipeline Pipeline => LazyPipeline.Value;

    private static readonly Lazy<ExtractionPipeline> LazyPipeline = new(() => PipelineFactory.FromData(DataDirectory.Locate(null)));

    /// <summary>The <c>Specs/</c> folder of this test project's sources.</summary>
    public static string Directory => System.IO.Path.GetDirectoryName(SourceFile())!;

    /// <summary>Every spec file of <see cref="Directory"/>, by file name, sorted.</summary>
    public static IReadOnlyList<string> All() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.md").Select(p => System.IO.Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    /// <summary>The examples of <c>Specs/<paramref name="name"/></c>, read once per test run.</summary>
    public static IReadOnlyList<SpecExample> Read(string name) =>
        Cache.GetOrAdd(name, n => Parse(System.IO.Path.Combine(Directory, n), File.ReadAllLines(System.IO.Path.Combine(Directory, n))));

    /// <summary>The example of <paramref name="name"/> whose text block opens on <paramref name="line"/>.</summary>
    public static SpecExample Example(string name, int line) => Read(name).Single(e => e.Line == line);

    /// <summary>The examples of <paramref name="name"/> that have a block of <paramref name="kind"/>.</summary>
    public static IEnumerable<SpecExample> WithBlock(string name, string kind) =>
        Read(name).Where(e => e.Blocks.ContainsKey(kind));

    /// <summary>Theory rows: the line of every example of <paramref name="name"/> with a <paramref name="kind"/> block.</summary>
    public static TheoryData<int> Lines(string name, string kind)
    {
        var data = new TheoryData<int>();
        foreach (var e in WithBlock(name, kind))
        {
            data.Add(e.Line);
        }

        return data;
    }

    /// <summary>Theory rows: every example of every spec file, as file name and line.</summary>
    public static TheoryData<string, int> AllExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in All())
        {
            foreach (var e in Read(file))
            {
                data.Add(file, e.Line);
            }
        }

        return data;
    }

    /// <summary>Runs the example's text through <see cref="Pipeline"/> with its publication date.</summary>
    public static AnalyzedDocument Analyze(SpecExample example) =>
        Pipeline.Analyze("spec", example.Text, example.Published);

    /// <summary>
    /// The differences between expected and actual lines compared as multisets: <c>missed:</c> for an
    /// expected line not produced, <c>spurious:</c> for a produced line not expected.
    /// </summary>
    public static List<string> Differences(IEnumerable<string> expected, IEnumerable<string> actual)
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

        return [.. missing.Select(m => "missed:   " + m).Concat(spurious.Select(s => "spurious: " + s))];
    }

    /// <summary>
    /// The verdict on one example: passes when there are no problems, except that a <c>known-gap</c>
    /// example passes only while it still has problems (they are written to <paramref name="output"/>),
    /// and fails once it has none, asking for the tag to be removed.
    /// </summary>
    public static void Verdict(SpecExample example, IReadOnlyCollection<string> problems, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(problems);
        if (example.KnownGap)
        {
            Assert.True(problems.Count > 0,
                $"{example}: this known gap now passes; remove its '{KnownGapOption}' option\n{example.Text}");
            output?.WriteLine($"known gap {example}\n{example.Text}\n" + string.Join("\n", problems));
            return;
        }

        Assert.True(problems.Count == 0, $"{example}\n{example.Text}\n" + string.Join("\n", problems));
    }

    /// <summary><see cref="Differences"/> then <see cref="Verdict"/>.</summary>
    public static void AssertSame(SpecExample example, IEnumerable<string> expected, IEnumerable<string> actual, ITestOutputHelper? output = null) =>
        Verdict(example, Differences(expected, actual), output);

    /// <summary>Parses a spec file's lines; <paramref name="path"/> names it in errors and in the examples.</summary>
    public static IReadOnlyList<SpecExample> Parse(string path, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var examples = new List<SpecExample>();
        var section = "";
        var textSection = "";
        string? text = null;
        var textLine = 0;
        PartialDate? published = null;
        var knownGap = false;
        int? issue = null;
        var blocks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        void Flush()
        {
            if (text is not null)
            {
                if (blocks.Count == 0)
                {
                    throw new InvalidDataException($"{path}:{textLine}: the ```text block has no expectation block after it");
                }

                examples.Add(new SpecExample(path, textLine, textSection, text, published, knownGap, issue, blocks));
            }

            text = null;
            blocks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        }

        for (var i = 0; i < lines.Count; i++)
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

            var open = i + 1;
            var info = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (info.Length == 0)
            {
                throw new InvalidDataException($"{path}:{open}: a fenced block needs a kind (text, claims, dates ...)");
            }

            var body = new List<string>();
            for (i++; i < lines.Count && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i]);
            }

            if (i >= lines.Count)
            {
                throw new InvalidDataException($"{path}:{open}: the ```{info[0]} block is never closed");
            }

            var kind = info[0];
            if (kind == "text")
            {
                Flush();
                text = string.Join("\n", body);
                textLine = open;
                textSection = section;
                (published, knownGap, issue) = Options(path, open, info.Skip(1));
            }
            else if (text is null)
            {
                throw new InvalidDataException($"{path}:{open}: a ```{kind} block must follow a ```text block");
            }
            else if (info.Length > 1)
            {
                throw new InvalidDataException($"{path}:{open}: options go on the ```text block, not on ```{kind}");
            }
            else if (!blocks.TryAdd(kind, [.. body.Select(l => l.Trim()).Where(l => l.Length > 0)]))
            {
                throw new InvalidDataException($"{path}:{open}: a second ```{kind} block for the example at line {textLine}");
            }
        }

        Flush();
        return examples;
    }

    private static (PartialDate? Published, bool KnownGap, int? Issue) Options(string path, int line, IEnumerable<string> options)
    {
        PartialDate? published = null;
        var knownGap = false;
        int? issue = null;
        foreach (var option in options)
        {
            if (option == KnownGapOption)
            {
                knownGap = true;
            }
            else if (option.StartsWith(PublishedOption, StringComparison.Ordinal))
            {
                published = PartialDate.Parse(option[PublishedOption.Length..]);
            }
            else if (option.StartsWith(IssueOption, StringComparison.Ordinal)
                && int.TryParse(option[IssueOption.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                issue = n;
            }
            else
            {
                throw new InvalidDataException($"{path}:{line}: unknown option '{option}' (known: {PublishedOption}DATE, {IssueOption}N, {KnownGapOption})");
            }
        }

        return (published, knownGap, issue);
    }

    private static string SourceFile([CallerFilePath] string here = "") => here;
}
