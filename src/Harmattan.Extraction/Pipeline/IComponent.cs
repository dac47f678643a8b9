namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// One step of the extraction pipeline. A component says which layers of the
/// <see cref="AnalyzedDocument"/> it reads (<see cref="Requires"/>) and which it writes
/// (<see cref="Assigns"/>); <see cref="PipelineBuilder"/> refuses an order in which something is read
/// before it is written. Components are immutable after construction and safe to share across threads:
/// all per-document state lives in the document.
/// </summary>
/// <remarks>
/// Components compute first and annotate second: they find candidates with their evidence (rule,
/// lexicon entry, score), then write them to the document in one step, so a test or the review UI can
/// ask for the candidates without running the rest of the pipeline.
/// </remarks>
public interface IComponent
{
    /// <summary>Versioned name, e.g. <c>claims.cue-verb/1</c>; recorded as provenance on every fact it produces.</summary>
    string Name { get; }

    IReadOnlyList<string> Requires { get; }

    IReadOnlyList<string> Assigns { get; }

    void Process(AnalyzedDocument document);
}
