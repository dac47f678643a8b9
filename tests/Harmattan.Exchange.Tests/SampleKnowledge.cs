using Harmattan.Documents;
using Harmattan.Exchange;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Tests;

namespace Harmattan.Exchange.Tests;

/// <summary>
/// A real knowledge base in a temporary file, built once per test class from samples/reports through the
/// real reader, pipeline and Ingestor, with the exchange context of the repository's data folder.
/// </summary>
public sealed class SampleKnowledge : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harmattan-exchange-").FullName;

    public SampleKnowledge()
    {
        Data = DataDirectory.Locate(Path.Combine(RepositoryRoot.Path, "data"));
        Context = ExchangeContext.Load(Data);
        Pipeline = PipelineFactory.FromData(Data);
        DatabasePath = Path.Combine(_directory, "samples.db");
        Store = KnowledgeStore.Open(DatabasePath);
        var inputs = IngestInputs.Expand([RepositoryRoot.SampleReports], () => []).ToList();
        var (results, summary) = new Ingestor(new DocumentReader(), Pipeline, Store).RunAll(inputs, new ReadOptions());
        if (summary.Failed > 0 || summary.Added == 0)
        {
            throw new InvalidOperationException("the sample reports did not ingest: " + string.Join("; ", results.Select(r => r.Message)));
        }

        Snapshot = Store.ReadSnapshot();
    }

    public DataDirectory Data { get; }

    public ExchangeContext Context { get; }

    public ExtractionPipeline Pipeline { get; }

    public string DatabasePath { get; }

    public KnowledgeStore Store { get; }

    public KnowledgeSnapshot Snapshot { get; }

    /// <summary>A new empty store in this fixture's folder (round trips import into one).</summary>
    public KnowledgeStore EmptyStore(string name) => KnowledgeStore.Open(Path.Combine(_directory, name + ".db"));

    public string Folder => _directory;

    public byte[] Export(ExportFormat format, ExportFilter? filter = null)
    {
        using var buffer = new MemoryStream();
        using var selection = ExportSelection.From(Store, filter);
        new Exporter(Context).Write(format, selection, buffer);
        return buffer.ToArray();
    }

    /// <summary>The sizes of the writes an export makes to its stream, in order.</summary>
    public IReadOnlyList<int> ExportWrites(ExportFormat format)
    {
        using var stream = new RecordingStream();
        using var selection = ExportSelection.From(Store, null);
        new Exporter(Context).Write(format, selection, stream);
        return stream.Writes;
    }

    private sealed class RecordingStream : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes.Add(buffer.Length);
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Writes.Add(1);
            base.WriteByte(value);
        }
    }

    /// <summary>The stored text of a document, to check that evidence really comes from it.</summary>
    public string Text(string documentId) => Store.GetDocument(documentId).Document.Text;

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
