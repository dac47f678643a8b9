using System.Collections.Concurrent;
using Harmattan.Documents;
using Harmattan.Tests;

namespace Harmattan.Extraction.Tests.Invariants;

/// <summary>
/// The sample reports of <c>samples/reports</c>, every format, read through the real
/// <see cref="DocumentReader"/> as <c>extract</c> and <c>ingest</c> read them.
/// </summary>
internal static class SampleReports
{
    private static readonly ConcurrentDictionary<string, SourceDocument> Cache = new(StringComparer.Ordinal);

    /// <summary>The file names of the sample reports, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetFiles(RepositoryRoot.SampleReports).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    public static SourceDocument Read(string name) =>
        Cache.GetOrAdd(name, n => new DocumentReader().ReadFile(Path.Combine(RepositoryRoot.SampleReports, n), new ReadOptions()));
}
