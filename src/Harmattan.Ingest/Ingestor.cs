using System.Diagnostics;
using Harmattan.Documents;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Ingest;

public enum IngestStatus
{
    Added,
    Unchanged,
    Failed,
}

/// <summary>What happened to one input.</summary>
public sealed record IngestResult(
    IngestInput Input,
    IngestStatus Status,
    string? DocumentId,
    string? Title,
    HarmattanError? Error,
    string? Message,
    int Entities,
    int Claims,
    int Events);

/// <summary>Totals of a run, for the summary line.</summary>
public sealed record IngestSummary(int Added, int Unchanged, int Failed, TimeSpan Elapsed)
{
    public int Total => Added + Unchanged + Failed;

    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Total / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Read, extract, store: the one place where the document readers, the extraction pipeline and the
/// store meet. Reading and extraction run on all cores (<see cref="OrderedPipeline{TInput,TResult}"/>)
/// while the store writes on one: the writer takes whatever documents are ready, in input order, up to
/// <see cref="MaximumBatch"/>, and stores them in one transaction (<see cref="KnowledgeStore.UpsertMany"/>),
/// so it keeps pace with extraction and a crash loses at most the batch being written. The readers run at
/// most two batches ahead of the writer, so memory stays flat however many inputs there are. A document
/// already in the store is recognised by its content hash before extraction (through a second connection,
/// which does not wait for the writer), so re-ingesting costs a read and a lookup and changes nothing. A
/// failure on one input is reported and the run goes on. Every stored document is recorded in the audit
/// log as done by <c>by</c> (<see cref="KnowledgeStore.LocalUser"/> when null).
/// </summary>
public sealed class Ingestor(DocumentReader reader, ExtractionPipeline pipeline, KnowledgeStore store, string? by = null)
{
    /// <summary>
    /// The most documents written in one transaction. Larger batches pay for fewer commits but hold the
    /// write lock longer (other writers, such as an analyst's review, wait for it): 64 documents take a
    /// fraction of a second.
    /// </summary>
    public const int MaximumBatch = 64;

    // The store holds one connection; re-extraction and the writer take turns on it.
    private readonly Lock _storeLock = new();

    private long _storingTicks;

    /// <summary>
    /// How long the writer has spent storing batches (<see cref="KnowledgeStore.UpsertMany"/>) in this ingestor's
    /// runs. The rest of a run's time the writer waited for documents to be read and extracted: a writer busy
    /// most of the run is what limits the rate.
    /// </summary>
    public TimeSpan StoringTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storingTicks));

    public IEnumerable<IngestResult> Run(IEnumerable<IngestInput> inputs, ReadOptions options, int? parallelism = null)
    {
        using var probe = new KnownDocuments(store);
        var threads = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        // Two batches in flight besides those being extracted: the writer always finds a full batch ready
        // when it keeps up, and the readers wait when it does not, so memory stays flat.
        using var prepared = new OrderedPipeline<IngestInput, Prepared>(inputs, input => Prepare(input, options, probe), threads, (2 * MaximumBatch) + threads);
        while (prepared.Take(MaximumBatch) is { Count: > 0 } batch)
        {
            foreach (var result in Store(batch))
            {
                yield return result;
            }
        }
    }

    /// <summary>Ingests the inputs and returns every result with the run's totals.</summary>
    public (IReadOnlyList<IngestResult> Results, IngestSummary Summary) RunAll(IEnumerable<IngestInput> inputs, ReadOptions options)
    {
        var clock = Stopwatch.StartNew();
        var results = Run(inputs, options).ToList();
        return (results, Summarize(results, clock.Elapsed));
    }

    /// <summary>
    /// Extracts a stored document again with the current pipeline (after the lexicons, registries or
    /// components changed) and replaces its facts in the store, keeping every fact an analyst reviewed
    /// (<see cref="KnowledgeStore.Reextract"/>). HRM0204/0205 for an unknown or ambiguous id, HRM0303 when
    /// a component fails on it.
    /// </summary>
    public ReextractOutcome Reextract(string documentIdOrPrefix)
    {
        lock (_storeLock)
        {
            var document = store.GetDocument(documentIdOrPrefix).Document;
            DocumentExtraction extraction;
            try
            {
                extraction = pipeline.Extract(document.Id, document.Text, document.Published);
            }
            catch (ExtractionException e)
            {
                throw HarmattanError.ExtractionFailed.At(document.Id, e.Message, e);
            }

            return store.Reextract(document, extraction, by);
        }
    }

    public static IngestSummary Summarize(IReadOnlyCollection<IngestResult> results, TimeSpan elapsed) => new(
        results.Count(r => r.Status == IngestStatus.Added),
        results.Count(r => r.Status == IngestStatus.Unchanged),
        results.Count(r => r.Status == IngestStatus.Failed),
        elapsed);

    private sealed record Prepared(IngestInput Input, Document? Document, DocumentExtraction? Extraction, HarmattanException? Error);

    private Prepared Prepare(IngestInput input, ReadOptions options, KnownDocuments probe)
    {
        try
        {
            var source = input.Read(reader, options);
            var document = new Document(source.ContentHash, source.Title, source.Published, source.Source, source.Url, source.Format, source.Text);
            // Known content is not extracted again: the store would keep nothing of it anyway.
            if (probe.Contains(document.Id))
            {
                return new Prepared(input, document, null, null);
            }

            var (extraction, published) = pipeline.ExtractDated(document.Id, document.Text, document.Published);
            return new Prepared(input, document with { Published = published }, extraction, null);
        }
        catch (HarmattanException e)
        {
            return new Prepared(input, null, null, e);
        }
        catch (ExtractionException e)
        {
            // One document that trips a component must not stop the others.
            return new Prepared(input, null, null, HarmattanError.ExtractionFailed.At(input.Name, e.Message, e));
        }
    }

    /// <summary>Stores the extracted documents of a batch in one transaction; results in batch order.</summary>
    private List<IngestResult> Store(IReadOnlyList<Prepared> batch)
    {
        var toStore = batch.Where(item => item is { Error: null, Extraction: not null })
            .Select(item => new DocumentToStore(item.Document!, item.Extraction!))
            .ToList();
        IReadOnlyList<StoreResult> stored;
        var started = Stopwatch.GetTimestamp();
        lock (_storeLock)
        {
            stored = store.UpsertMany(toStore, by);
        }

        Interlocked.Add(ref _storingTicks, Stopwatch.GetTimestamp() - started);

        var results = new List<IngestResult>(batch.Count);
        var next = 0;
        foreach (var item in batch)
        {
            if (item.Error is { } error)
            {
                results.Add(new IngestResult(item.Input, IngestStatus.Failed, null, null, error.Error, error.Message, 0, 0, 0));
                continue;
            }

            var document = item.Document!;
            if (item.Extraction is not { } extraction)
            {
                results.Add(new IngestResult(item.Input, IngestStatus.Unchanged, document.Id, document.Title, null, null, 0, 0, 0));
                continue;
            }

            var (outcome, refused) = stored[next++];
            results.Add(refused is not null
                ? new IngestResult(item.Input, IngestStatus.Failed, document.Id, document.Title, refused.Error, refused.Message, 0, 0, 0)
                : new IngestResult(item.Input, outcome == IngestOutcome.Added ? IngestStatus.Added : IngestStatus.Unchanged,
                    document.Id, document.Title, null, null, extraction.Entities.Count, extraction.Claims.Count, extraction.Events.Count));
        }

        return results;
    }

    /// <summary>
    /// Asks a second connection to the store whether a document is known, so that the readers never wait
    /// for the writer's transaction (SQLite's write-ahead log and PostgreSQL both let a reader run beside
    /// a writer). A document of the batch being written is not seen yet: the writer finds it and reports
    /// it unchanged.
    /// </summary>
    private sealed class KnownDocuments(KnowledgeStore store) : IDisposable
    {
        private readonly Lock _lock = new();
        private KnowledgeStore? _reader;

        public bool Contains(string documentId)
        {
            lock (_lock)
            {
                _reader ??= store.OpenAnother();
                return _reader.Contains(documentId);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _reader?.Dispose();
            }
        }
    }
}
