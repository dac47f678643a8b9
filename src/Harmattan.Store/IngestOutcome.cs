namespace Harmattan.Store;

/// <summary>What <see cref="KnowledgeStore.Upsert"/> did with a document.</summary>
public enum IngestOutcome
{
    /// <summary>The document and everything extracted from it were stored, in one transaction.</summary>
    Added,

    /// <summary>A document with the same id (the same text) was already stored; nothing was written.</summary>
    Unchanged,
}
