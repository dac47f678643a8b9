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

/// <summary>
/// The hits of one search. <see cref="Ranked"/>: best first by relevance, when the query matches at most
/// <see cref="KnowledgeStore.SearchWindow"/> documents and as many claims (on PostgreSQL, when at most that many
/// hold every word of its phrases, as ranking there tests each of them); otherwise newest first (by when the
/// documents were stored) with a score of 0, so that a broad query costs what it returns, not every match.
/// </summary>
public sealed class SearchResults(IReadOnlyList<SearchHit> hits, bool ranked) : IReadOnlyList<SearchHit>
{
    public bool Ranked { get; } = ranked;

    public int Count => hits.Count;

    public SearchHit this[int index] => hits[index];

    public IEnumerator<SearchHit> GetEnumerator() => hits.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
