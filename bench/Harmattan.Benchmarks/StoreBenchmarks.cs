using BenchmarkDotNet.Attributes;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Benchmarks;

/// <summary>
/// The store's side of an ingest alone: the corpus, extracted once outside the timing, written into a new
/// knowledge base in batches as <c>Ingestor</c> writes them (entity resolution, row inserts, full-text index,
/// commit). SQLite always; PostgreSQL too when <c>HARMATTAN_BENCH_POSTGRES</c> names a server
/// (<c>postgres://user@host:port/</c>, where the benchmark may create and drop databases named
/// <c>harmattan_bench_*</c>). Documents per second = corpus documents / mean time.
/// </summary>
public class StoreBenchmarks
{
    private const int Batch = 64;

    private DocumentToStore[] _documents = [];
    private string _location = "";
    private string? _directory;

    public static IEnumerable<string> Backends() =>
        Environment.GetEnvironmentVariable("HARMATTAN_BENCH_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "sqlite";

    [GlobalSetup]
    public void Extract() => _documents = BenchCorpus.Reports
        .Select(r =>
        {
            var id = StableId.Sha256Hex(r.Text);
            return new DocumentToStore(
                new Document(id, $"report {r.Id}", r.Published, "bench", null, "text", r.Text),
                BenchCorpus.Pipeline.Extract(id, r.Text, r.Published));
        })
        .ToArray();

    [IterationSetup]
    public void NewStore()
    {
        if (Backend == "postgres")
        {
            _location = BenchPostgres.CreateDatabase();
        }
        else
        {
            _directory = Directory.CreateTempSubdirectory("harmattan-bench-store-").FullName;
            _location = Path.Combine(_directory, "bench.db");
        }

        using var store = KnowledgeStore.Open(_location);
    }

    [IterationCleanup]
    public void DropStore()
    {
        if (Backend == "postgres")
        {
            BenchPostgres.DropDatabase(_location);
        }
        else if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(Description = "store the corpus in batches of 64 (documents/op = corpus documents)")]
    public int Store()
    {
        using var store = KnowledgeStore.Open(_location);
        var added = 0;
        foreach (var batch in _documents.Chunk(Batch))
        {
            added += store.UpsertMany(batch).Count(r => r.Outcome == IngestOutcome.Added);
        }

        return added;
    }
}
