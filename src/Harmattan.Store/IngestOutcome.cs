using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>What <see cref="KnowledgeStore.Upsert"/> did with a document.</summary>
public enum IngestOutcome
{
    /// <summary>The document and everything extracted from it were stored, in one transaction.</summary>
    Added,

    /// <summary>A document with the same id (the same text) was already stored; nothing was written.</summary>
    Unchanged,
}

/// <summary>One document for <see cref="KnowledgeStore.UpsertMany"/>: the document and what was extracted from it.</summary>
public sealed record DocumentToStore(Document Document, DocumentExtraction Extraction);

/// <summary>
/// What <see cref="KnowledgeStore.UpsertMany"/> did with one document: <see cref="Outcome"/>, or, when
/// <see cref="Error"/> is set, nothing (the document was refused and rolled back alone).
/// </summary>
public sealed record StoreResult(IngestOutcome Outcome, HarmattanException? Error);
