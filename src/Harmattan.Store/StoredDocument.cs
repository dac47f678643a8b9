using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// A document as the store keeps it, with its extraction rebuilt from the tables in extraction order.
/// Entities are the shared, stored entities (so their aliases include those other documents added);
/// each carries the evidence this document gave for it.
/// </summary>
public sealed record StoredDocument(
    Document Document,
    DocumentExtraction Extraction,
    DateTimeOffset IngestedAt,
    int WordCount);
