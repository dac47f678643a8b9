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
/// store meet. Reading and extraction run in parallel on all cores; writes go to the store one
/// document per transaction, in input order. A document already in the store is recognised by its
/// content hash before extraction, so re-ingesting costs a read and a lookup and changes nothing.
/// A failure on one input is reported and the run goes on. Every stored document is recorded in the
/// audit log as done by <c>by</c> (<see cref="KnowledgeStore.LocalUser"/> when null).
/// </summary>
public sealed class Ingestor(DocumentReader reader, ExtractionPipeline pipeline, KnowledgeStore store, string? by = null)
{
    // The store holds one connection; the parallel readers and the writer take turns on it.
    private readonly Lock _storeLock = new();

    public IEnumerable<IngestResult> Run(IEnumerable<IngestInput> inputs, ReadOptions options, int? parallelism = null)
    {
        var prepared = inputs
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(parallelism ?? Environment.ProcessorCount)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(input => Prepare(input, options));

        foreach (var item in prepared)
        {
            yield return Store(item);
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

    private Prepared Prepare(IngestInput input, ReadOptions options)
    {
        try
        {
            var own = input.Metadata is { } metadata ? metadata with { MaxBytes = options.MaxBytes } : options;
            var source = input.Content is { } bytes
                ? reader.Read(bytes, input.Name, own)
                : reader.ReadFile(input.Path!, own);
            var document = new Document(source.ContentHash, source.Title, source.Published, source.Source, source.Url, source.Format, source.Text);
            // Known content is not extracted again: the store would keep nothing of it anyway.
            bool known;
            lock (_storeLock)
            {
                known = store.Contains(document.Id);
            }

            if (known)
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

    private IngestResult Store(Prepared item)
    {
        if (item.Error is { } error)
        {
            return new IngestResult(item.Input, IngestStatus.Failed, null, null, error.Error, error.Message, 0, 0, 0);
        }

        var document = item.Document!;
        if (item.Extraction is null)
        {
            return new IngestResult(item.Input, IngestStatus.Unchanged, document.Id, document.Title, null, null, 0, 0, 0);
        }

        try
        {
            IngestOutcome outcome;
            lock (_storeLock)
            {
                outcome = store.Upsert(document, item.Extraction, by);
            }

            var status = outcome == IngestOutcome.Added ? IngestStatus.Added : IngestStatus.Unchanged;
            return new IngestResult(item.Input, status, document.Id, document.Title, null, null,
                item.Extraction.Entities.Count, item.Extraction.Claims.Count, item.Extraction.Events.Count);
        }
        catch (HarmattanException e)
        {
            return new IngestResult(item.Input, IngestStatus.Failed, document.Id, document.Title, e.Error, e.Message, 0, 0, 0);
        }
    }
}
