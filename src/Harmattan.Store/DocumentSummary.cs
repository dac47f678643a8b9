using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>One line of a document listing; the counts are of what its extraction stored.</summary>
public sealed record DocumentSummary(
    string Id,
    string Title,
    PartialDate? Published,
    string Source,
    string Format,
    DateTimeOffset IngestedAt,
    int WordCount,
    int EntityCount,
    int ClaimCount,
    int EventCount);
