using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Tests.Data;

/// <summary>
/// Every lexicon and pipeline file of <c>data/</c> is read by the default pipeline: without it the
/// pipeline does not build, and the error (HRM0301 for a lexicon, HRM0302 for the pipeline definition)
/// names the missing file. A file nobody reads would
/// be vocabulary that silently does nothing.
/// </summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "harmattan-data-" + Guid.NewGuid().ToString("N"));

    public DataFileTests() => Copy(DataDirectory.Locate(null).Root, _root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_default_pipeline_needs_every_lexicon_and_pipeline_file()
    {
        var files = Directory.GetFiles(Path.Combine(_root, "lexicons"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(_root, "pipelines", "default.yaml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 10);
        Assert.NotNull(PipelineFactory.FromData(DataDirectory.Locate(_root)));

        var problems = new List<string>();
        var gaps = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
            if (ReadOutsideThePipeline.Contains(relative))
            {
                continue;
            }

            var aside = file + ".aside";
            File.Move(file, aside);
            string? problem;
            try
            {
                _ = PipelineFactory.FromData(DataDirectory.Locate(_root));
                problem = "the pipeline builds without it";
            }
            catch (HarmattanException e)
            {
                var expected = file.EndsWith(".yaml", StringComparison.Ordinal) ? HarmattanError.BadPipeline : HarmattanError.BadDataFile;
                problem = e.Error != expected || !e.Message.Contains(Path.GetFileName(file), StringComparison.Ordinal)
                    ? $"fails with '{e.Message}'"
                    : null;
            }
            catch (IOException e)
            {
                problem = $"fails with a bare {e.GetType().Name}, not a catalogued error";
            }
            finally
            {
                File.Move(aside, file);
            }

            if (KnownGaps.Contains(relative))
            {
                gaps.Add(relative);
                Assert.True(problem is not null, $"{relative} is now reported properly; remove it from {nameof(KnownGaps)}");
            }
            else if (problem is not null)
            {
                problems.Add($"{relative}: {problem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(KnownGaps.Order(StringComparer.Ordinal), gaps.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Files whose absence is not reported as it should be yet; the test fails once one is, so that it
    /// leaves this list.
    /// </summary>
    private static readonly string[] KnownGaps = [];

    /// <summary>
    /// Lexicons that the analysis over the knowledge base reads, not the extraction pipeline; each has a
    /// test of its own that its absence is HRM0301 naming it (Harmattan.Analysis.Tests: StanceTests;
    /// Harmattan.Exchange.Tests: BriefTests for the briefing phrases, cues and plurals).
    /// </summary>
    private static readonly string[] ReadOutsideThePipeline =
        ["lexicons/en/stance-words.tsv", "lexicons/en/brief-phrases.tsv", "lexicons/en/brief-cues.tsv", "lexicons/en/brief-plurals.tsv"];

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
