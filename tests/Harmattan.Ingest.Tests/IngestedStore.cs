using System.Runtime.CompilerServices;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Ingest.Tests;

/// <summary>
/// A real SQLite file in a temporary folder, filled through the real pipeline (bundled data/, document
/// readers, extraction, store), deleted afterwards.
/// </summary>
internal sealed class IngestedStore : IDisposable
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => PipelineFactory.FromData(DataDirectory.Locate(null)));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "harmattan-ingest-tests", Guid.NewGuid().ToString("N"));

    public IngestedStore(params string[] paths)
    {
        Directory.CreateDirectory(_folder);
        Store = KnowledgeStore.Open(Path.Combine(_folder, "kb.db"));
        Results = Ingest(paths);
    }

    public KnowledgeStore Store { get; }

    /// <summary>What the ingest of the constructor's paths did.</summary>
    public IReadOnlyList<IngestResult> Results { get; }

    /// <summary>Ingests more paths (files, folders) into the same store, as the CLI's ingest does.</summary>
    public IReadOnlyList<IngestResult> Ingest(params string[] paths) =>
        new Ingestor(new DocumentReader(), Pipeline.Value, Store).RunAll(IngestInputs.Expand(paths, () => []), new ReadOptions()).Results;

    /// <summary>The distinct entities the given spellings name (each spelling that names none is skipped).</summary>
    public IReadOnlySet<string> EntitiesNamed(params string[] spellings)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spelling in spellings)
        {
            try
            {
                ids.Add(Store.LookUpEntity(spelling).Id);
            }
            catch (HarmattanException e) when (e.Error == HarmattanError.EntityNotFound)
            {
            }
        }

        return ids;
    }

    /// <summary>
    /// The repository this test was compiled from, found from this source file's path: the test binaries
    /// may live anywhere (builds use a private --artifacts-path), the sources do not move.
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harmattan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Harmattan.slnx) was not found above " + sourceFile);
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
