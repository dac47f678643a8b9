namespace Harmattan.Store;

/// <summary>Whether a search hit is a whole document or one claim in it.</summary>
public enum SearchHitKind
{
    Document,
    Claim,
}

/// <summary>
/// One search result. <see cref="Score"/> is the negated bm25 rank, so higher is better; it orders hits
/// within one search and means nothing across searches. <see cref="Snippet"/> is a short excerpt with
/// each matched term between <c>[[</c> and <c>]]</c>, which hosts turn into emphasis.
/// </summary>
public sealed record SearchHit(
    SearchHitKind Kind,
    string DocumentId,
    string Title,
    string? ClaimId,
    double Score,
    string Snippet);
