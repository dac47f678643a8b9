using System.Runtime.CompilerServices;
using Harmattan.Extraction.Output;
using Harmattan.Extraction.Tests.Invariants;
using Harmattan.Extraction.Tests.Specs;
using Xunit.Abstractions;

namespace Harmattan.Extraction.Tests.Golden;

/// <summary>
/// Golden JSON for the sample reports: <c>Golden/&lt;report&gt;.json</c> holds what <c>extract --format json</c>
/// gives for <c>samples/reports/&lt;report&gt;.&lt;ext&gt;</c> (contract shape, offsets, confidence,
/// component), compared byte for byte on every run, with the first differing JSON path on failure.
/// </summary>
/// <remarks>
/// When extraction changes on purpose, rewrite the files and review the diff before committing:
/// <code>HARMATTAN_UPDATE_GOLDEN=1 dotnet test tests/Harmattan.Extraction.Tests --filter FullyQualifiedName~GoldenTests</code>
/// With the variable set the tests write the files (into the source tree) instead of comparing.
/// </remarks>
public sealed class GoldenTests(ITestOutputHelper output)
{
    private const string UpdateVariable = "HARMATTAN_UPDATE_GOLDEN";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static TheoryData<string> Reports() => SampleReports.Rows();

    [Theory]
    [MemberData(nameof(Reports))]
    public void Sample_report_extracts_to_its_golden_json(string name)
    {
        var source = SampleReports.Read(name);
        var extraction = SpecFile.Pipeline.Extract(source.ContentHash, source.Text, source.Published);
        var actual = GuidelinesJson.ToUtf8Bytes(source.ContentHash, source.Title, source.Published, extraction);
        var path = GoldenPath(name);
        if (Updating)
        {
            var changed = !File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(actual);
            File.WriteAllBytes(path, actual);
            output.WriteLine($"{(changed ? "rewrote" : "unchanged")} {path}");
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; create it with {UpdateVariable}=1");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var diff = JsonDiff.First(expected, actual);
            Assert.Fail($"{name} no longer extracts to {Path.GetFileName(path)}: "
                + (diff.Length > 0 ? diff : "same values, different bytes (formatting)")
                + $"\nIf the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_sample_report()
    {
        var reports = SampleReports.Names().Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(reports.Count, reports.Distinct(StringComparer.Ordinal).Count());
        var stale = Directory.GetFiles(GoldenDirectory(), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(g => !reports.Contains(g, StringComparer.Ordinal));
        Assert.Empty(stale);
    }

    [Fact]
    public void The_diff_names_the_first_differing_path()
    {
        var expected = """{"entities":[{"id":"E1","name":"Gao","aliases":[]},{"id":"E2","name":"Kidal"}],"claims":[]}"""u8.ToArray();
        var actual = """{"entities":[{"id":"E1","name":"Gao","aliases":["Gao town"]},{"id":"E2","name":"Kidal"}],"claims":[{"cue":"said"}]}"""u8.ToArray();
        var diff = JsonDiff.First(expected, actual);
        Assert.StartsWith("first difference at $.entities[0].aliases: expected 0 items, actual 1; first extra: \"Gao town\"", diff, StringComparison.Ordinal);
        Assert.Contains("2 differing paths in all", diff, StringComparison.Ordinal);
        Assert.Equal("", JsonDiff.First(expected, expected));
    }

    private static string GoldenPath(string report) =>
        Path.Combine(GoldenDirectory(), Path.GetFileNameWithoutExtension(report) + ".json");

    private static string GoldenDirectory([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
