using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// A document as the store keeps it, with its extraction rebuilt from the tables in extraction order.
/// Entities are the shared, stored entities (so their aliases include those other documents added);
/// each carries the evidence this document gave for it. <see cref="ExtractedAt"/> is when its facts were
/// last replaced by a re-extraction (null when they are those of the ingest).
/// </summary>
public sealed record StoredDocument(
    Document Document,
    DocumentExtraction Extraction,
    DateTimeOffset IngestedAt,
    int WordCount,
    DateTimeOffset? ExtractedAt = null);
