using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Harmattan.Server.Tests;

/// <summary>
/// The real server in process over a real SQLite file in a temporary folder, with the repository's data
/// folder. <see cref="SampleStore"/> first ingests samples/reports through the real pipeline.
/// </summary>
public class ServerHost : IDisposable
{
    /// <summary>The upload limit the tests run with: above every sample report, small enough to exceed cheaply.</summary>
    public const long UploadLimit = 256 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("harmattan-server-").FullName;

    /// <param name="database">The knowledge base to serve; a new SQLite file in a temporary folder unless given.</param>
    public ServerHost(string? database = null)
    {
        DatabasePath = database ?? Path.Combine(_folder, "kb.db");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Harmattan:Database", DatabasePath)
            .UseSetting("Harmattan:Data", DataPath)
            .UseSetting("Harmattan:MaxUploadBytes", UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static string DataPath => Path.Combine(RepositoryRoot.Path, "data");

    /// <summary>The knowledge base's location: a file path, or a PostgreSQL location.</summary>
    public string DatabasePath { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client() => Factory.CreateClient();

    public void Dispose()
    {
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A host whose store holds every sample report, ingested through the real pipeline.</summary>
public class SampleStore : ServerHost
{
    public SampleStore()
        : this([])
    {
    }

    /// <param name="reports">Report files (or folders) to ingest with the samples.</param>
    protected SampleStore(IEnumerable<string> reports)
    {
        using var store = KnowledgeStore.Open(DatabasePath);
        var ingestor = new Ingestor(new DocumentReader(), PipelineFactory.FromData(DataDirectory.Locate(DataPath)), store);
        var (results, _) = ingestor.RunAll(IngestInputs.Expand([RepositoryRoot.SampleReports, .. reports], () => []), new ReadOptions());
        SampleCount = results.Count;
        if (results.Any(r => r.Status != IngestStatus.Added))
        {
            throw new InvalidOperationException("a sample report did not ingest: " + string.Join("; ", results.Select(r => r.Message)));
        }
    }

    public int SampleCount { get; }
}

/// <summary>
/// The samples and tests/Shared/Reports, a report we wrote in which a town and a commander named after it are both
/// "Tadjmart": the real pipeline makes a place and a person of that name, so the name is ambiguous.
/// </summary>
public sealed class SharedNameStore() : SampleStore([SharedReports])
{
    public const string SharedName = "Tadjmart";

    public static string SharedReports => Path.Combine(AppContext.BaseDirectory, "Reports");
}
