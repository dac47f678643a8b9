using Harmattan.Store;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// The facts a briefing is written from: within its subject and period, the latest of each kind (newest
/// first), each a page of the store's own indexed queries, with how many the knowledge base holds. A briefing
/// costs these pages, whatever the size of the knowledge base.
/// </summary>
internal sealed record BriefFacts(
    FactPage<EventFact> Events,
    FactPage<RelationFact> Relations,
    IReadOnlyList<ClaimFact> Claims,
    long ClaimsTotal,
    bool ClaimsTotalIsLowerBound,
    bool MoreClaims,
    IReadOnlyList<AttributeFact> Attributes)
{
    /// <summary>Whether the knowledge base holds facts of the subject that were left unread.</summary>
    public bool Cut => Events.More || Relations.More || MoreClaims;

    /// <summary>
    /// Reads <paramref name="perKind"/> events, relations and claims at most of each: an actor's (the claims it
    /// made and those about it), a place's (the claims about it), or with neither the whole period's.
    /// </summary>
    public static BriefFacts Read(KnowledgeStore store, BriefSubject subject, DatePeriod period, int perKind)
    {
        var focus = subject.Actor ?? subject.Place;
        var events = store.TimelinePage(new EventFilter(subject.Actor, subject.Place, period), 0, perKind, latestFirst: true);
        var relations = store.RelationsPage(new RelationFilter(period), focus, 0, perKind);
        FactPage<ClaimFact>[] pages = subject.Actor is { } actor
            ? [store.ClaimsPage(new ClaimFilter(Speaker: actor, Period: period), 0, perKind), store.ClaimsPage(new ClaimFilter(About: actor, Period: period), 0, perKind)]
            : [store.ClaimsPage(new ClaimFilter(About: subject.Place, Period: period), 0, perKind)];
        var claims = pages.SelectMany(p => p.Items)
            .DistinctBy(c => (c.From.DocumentId, c.Id))
            .OrderByDescending(c => c.From.Date.Earliest)
            .ToList();
        var more = pages.Any(p => p.More);

        // An actor's claims about itself are in both lists: counted once, from the list of those it made about itself.
        var (total, atLeast) = (pages.Sum(p => p.Total), pages.Any(p => p.TotalIsLowerBound));
        if (subject.Actor is { } both)
        {
            var own = store.ClaimsPage(new ClaimFilter(Speaker: both, About: both, Period: period), 0, 1);
            (total, atLeast) = atLeast || own.TotalIsLowerBound ? (pages.Max(p => p.Total), true) : (total - own.Total, false);
        }

        var attributes = focus is null
            ? []
            : store.ActorAttributes(focus, 0, perKind).Items.Where(a => period.Overlaps(a.From.Date)).ToList();
        return new BriefFacts(events, relations, claims, total, atLeast, more, attributes);
    }
}
