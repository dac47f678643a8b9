using Harmattan.Extraction.Output;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// The built, immutable pipeline. <see cref="Extract"/> is thread-safe: run it on many documents in
/// parallel. Failures are reported with the component and the document that caused them.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly IComponent[] _components;

    internal ExtractionPipeline(IComponent[] components) => _components = components;

    public IReadOnlyList<IComponent> Components => _components;

    /// <summary>
    /// Runs the components over the text and returns the analysed document with their layers: all of them,
    /// or, with <paramref name="upTo"/> (a <see cref="Layers"/> name), only as far as the first component that
    /// writes that layer, for a caller that needs one early layer (the dates of a document being read).
    /// </summary>
    public AnalyzedDocument Analyze(string documentId, string text, PartialDate? published, string? upTo = null)
    {
        var document = new AnalyzedDocument(documentId, text, published);
        foreach (var component in _components)
        {
            try
            {
                component.Process(document);
            }
            catch (Exception e) when (e is not HarmattanException and not OutOfMemoryException)
            {
                // The one error handler of the pipeline: name the component and the document.
                throw new ExtractionException(component.Name, documentId, e);
            }

            if (upTo is not null && component.Assigns.Contains(upTo))
            {
                break;
            }
        }

        return document;
    }

    /// <summary>Analyses the text and assembles the knowledge records with stable ids and evidence.</summary>
    public DocumentExtraction Extract(string documentId, string text, PartialDate? published) =>
        ExtractionAssembler.Assemble(Analyze(documentId, text, published));

    /// <summary>
    /// <see cref="Extract"/>, and the publication date to keep for the document: the one given, else the
    /// one its text states at the top (<see cref="AnalyzedDocument.PublishedInText"/>).
    /// </summary>
    public (DocumentExtraction Extraction, PartialDate? Published) ExtractDated(string documentId, string text, PartialDate? published)
    {
        var analyzed = Analyze(documentId, text, published);
        return (ExtractionAssembler.Assemble(analyzed), published ?? analyzed.PublishedInText);
    }
}

/// <summary>A component failed on a document: a bug in that component, reported with both names.</summary>
public sealed class ExtractionException(string component, string documentId, Exception inner)
    : Exception($"component {component} failed on document {documentId}: {inner.Message}", inner)
{
    public string Component { get; } = component;

    public string DocumentId { get; } = documentId;
}
