using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>
/// A real knowledge base in a temporary file, built once per test class from samples/reports through
/// the real reader, pipeline and Ingestor. Tests only read it.
/// </summary>
public sealed class SampleStore : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "harmattan-analysis-tests", Guid.NewGuid().ToString("N"));

    public SampleStore()
    {
        Directory.CreateDirectory(_directory);
        Data = DataDirectory.Locate(null);
        Store = KnowledgeStore.Open(Path.Combine(_directory, "samples.db"));
        var reports = Harmattan.Tests.RepositoryRoot.SampleReports;
        var inputs = IngestInputs.Expand([reports], () => []).ToList();
        var (results, summary) = new Ingestor(new DocumentReader(), PipelineFactory.FromData(Data), Store).RunAll(inputs, new ReadOptions());
        if (summary.Failed > 0 || summary.Added == 0)
        {
            throw new InvalidOperationException("the sample reports did not ingest: " + string.Join("; ", results.Select(r => r.Message)));
        }

        Documents = summary.Added;
    }

    public DataDirectory Data { get; }

    public KnowledgeStore Store { get; }

    public int Documents { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
