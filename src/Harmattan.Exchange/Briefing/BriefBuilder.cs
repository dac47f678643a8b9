using System.Globalization;
using Harmattan.Analysis.Disputes;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// Builds a briefing on an actor, a place or a period in the shape analysts use: overview, the actors (what
/// each wants, whom it works with or opposes), a timeline, root causes and outlook as claimed by named
/// sources, and open disagreements. Every sentence is a template of <see cref="BriefPhrases"/> filled from
/// facts, with a note for each document (and evidence sentence) that states them.
/// </summary>
/// <remarks>
/// A briefing reads pages of the store's indexed queries, never the whole knowledge base: the latest events,
/// relations and claims of its subject (<see cref="BriefFacts"/>), the latest relations and attributes of each
/// actor it describes, and counts (<see cref="BriefLimits"/>). So it costs the same on a knowledge base of a
/// hundred documents or a million, and says what it left out.
/// </remarks>
public sealed partial class BriefBuilder(ExchangeContext context, BriefPhrases phrases, StanceLexicon stance, BriefLimits? limits = null)
{
    private readonly BriefLimits _limits = limits ?? new BriefLimits();

    /// <summary>How many actors get a subsection, how many sentences each, and how many claims a section lists.</summary>
    private const int MaxActors = 8;
    private const int MaxActorSentences = 10;
    private const int MaxClaims = 8;
    private const int MaxNotesPerSentence = 4;

    public Brief Build(KnowledgeStore store, BriefSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        var period = subject.Period ?? DatePeriod.Always;
        var facts = BriefFacts.Read(store, subject, period, _limits.FactsPerKind);
        var notes = new BriefNotes();
        var title = subject.Actor is { } a ? phrases.Fill("title.actor", ("name", a.Name))
            : subject.Place is { } p ? phrases.Fill("title.place", ("name", p.Name))
            : phrases.Fill("title.period", ("period", period.ToString()));

        var sections = new List<BriefSection>();
        var overview = Overview(store, subject, period, facts, notes);
        if (overview.Count == 0)
        {
            var when = Period(period);
            var empty = new BriefSentence(
                (subject.Actor ?? subject.Place) is { } about ? phrases.Fill("empty", ("subject", about.Name), ("period", when)) : phrases.Fill("empty.period", ("period", when)),
                []);
            return new Brief(title, Generated(0, now), [new BriefSection(phrases.Fill("heading.overview"), 2, [empty], false)], [], phrases.Fill("heading.sources"));
        }

        var read = facts.Cut ? phrases.Fill("read", ("count", _limits.FactsPerKind.ToString(CultureInfo.InvariantCulture))) : null;
        sections.Add(new BriefSection(phrases.Fill("heading.overview"), 2, overview, false, read));
        var described = new List<AttributeFact>(facts.Attributes);
        var actors = Actors(store, subject, period, facts, described, notes);
        if (actors.Count > 0)
        {
            sections.Add(new BriefSection(phrases.Fill("heading.actors"), 2, [], false));
            sections.AddRange(actors);
        }

        if (Timeline(facts, notes) is { } timeline)
        {
            sections.Add(timeline);
        }

        var claims = Claims(facts, notes);
        foreach (var section in new[] { "causes", "outlook", "other" })
        {
            if (claims.TryGetValue(section, out var list) && list.Count > 0)
            {
                sections.Add(new BriefSection(phrases.Fill("heading." + section), 2, list, true));
            }
        }

        var disputes = Disagreements(subject, facts, described, notes);
        if (disputes.Count > 0)
        {
            sections.Add(new BriefSection(phrases.Fill("heading.disagreements"), 2, disputes, true));
        }

        var cited = notes.All(store);
        return new Brief(title, Generated(cited.Select(n => n.DocumentId).Distinct(StringComparer.Ordinal).Count(), now), sections, cited, phrases.Fill("heading.sources"));
    }

    private string Generated(int documents, DateTimeOffset now)
    {
        var date = now.UtcDateTime.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        return documents == 0 ? phrases.Fill("generated.none", ("date", date)) : phrases.Fill("generated", ("documents", Count(documents, "document")), ("date", date));
    }

    /// <summary>A period as words after a noun ("from 2012 to 2013", "since 2015"), with its leading space; empty for all time.</summary>
    private string Period(DatePeriod period) => (period.Since, period.Until) switch
    {
        (null, null) => "",
        ({ } since, null) => " " + phrases.Fill("period.since", ("since", since.ToIso())),
        (null, { } until) => " " + phrases.Fill("period.until", ("until", until.ToIso())),
        ({ } since, { } until) => " " + phrases.Fill("period.span", ("since", since.ToIso()), ("until", until.ToIso())),
    };

    private List<BriefSentence> Overview(KnowledgeStore store, BriefSubject subject, DatePeriod period, BriefFacts facts, BriefNotes notes)
    {
        var sentences = new List<BriefSentence>();
        var events = new Tally("event", facts.Events.Total, facts.Events.TotalIsLowerBound, SayNone: true);
        var claims = new Tally("claim", facts.ClaimsTotal, facts.ClaimsTotalIsLowerBound, SayNone: false);
        if (subject.Actor is { } actor)
        {
            var span = store.DocumentsNamingIn(actor, period);
            if (span is not { First: { } first, Last: { } last })
            {
                return sentences;
            }

            var cites = new[] { notes.CiteDocument(first), notes.CiteDocument(last) }.Distinct().ToList();
            sentences.Add(new BriefSentence(
                phrases.Fill("overview.actor", ("name", actor.Name), ("type", Label(actor.Type)), ("count", Count(span.Documents, "document", span.DocumentsIsLowerBound)),
                    ("when", When(first, last))),
                cites));
            var aliases = store.EntityAliases(actor)
                .Where(x => !string.Equals(x, actor.Name, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Take(6)
                .ToList();
            if (aliases.Count > 0)
            {
                sentences.Add(new BriefSentence(phrases.Fill("overview.aliases", ("name", actor.Name), ("aliases", Join(aliases))), cites));
            }

            // Whom an actor works with or fights is what its briefing is for: no relation is said as plainly as no event.
            var relations = new Tally("relation", facts.Relations.Total, facts.Relations.TotalIsLowerBound, SayNone: true);
            sentences.Add(Tallies(relations, events, claims) is { } held
                ? new BriefSentence(phrases.Fill("overview.facts", ("name", actor.Name), ("facts", held)), Latest(Sources(facts), notes))
                : new BriefSentence(phrases.Fill("overview.facts.none", ("name", actor.Name)), []));
            return sentences;
        }

        if (subject.Place is { } place)
        {
            // The events are the first sentence's; the rest tells what else names the place.
            var rest = Tallies(new Tally("relation", facts.Relations.Total, facts.Relations.TotalIsLowerBound, SayNone: false), claims);
            if (facts.Events.Items.Count > 0)
            {
                var last = facts.Events.Items[0];
                var first = facts.Events.More
                    ? store.TimelinePage(new EventFilter(Place: place, Period: period), 0, 1).Items[0]
                    : facts.Events.Items[^1];
                sentences.Add(new BriefSentence(
                    phrases.Fill("overview.place", ("name", place.Name), ("type", Label(place.Type)), ("events", Count(facts.Events.Total, "event", facts.Events.TotalIsLowerBound)),
                        ("when", When(first.Date, last.Date))),
                    new[] { notes.Cite(first.From), notes.Cite(last.From) }.Distinct().ToList()));
            }
            else if (rest is not null)
            {
                sentences.Add(new BriefSentence(phrases.Fill("overview.place.none", ("name", place.Name)), []));
            }

            if (rest is not null)
            {
                var stated = facts.Relations.Items.Select(r => r.From).Concat(facts.Claims.Select(c => c.From)).DistinctBy(s => s.DocumentId, StringComparer.Ordinal);
                sentences.Add(new BriefSentence(phrases.Fill("overview.facts", ("name", place.Name), ("facts", rest)), Latest(stated, notes)));
            }

            return sentences;
        }

        var sources = Sources(facts).ToList();
        var tally = Tallies(events, new Tally("relation", facts.Relations.Total, facts.Relations.TotalIsLowerBound, SayNone: false), claims);
        if (sources.Count == 0 || tally is null)
        {
            return sentences;
        }

        // The period's own ends, else the dates of what it holds: an open end is the first (or the last) event
        // or statement stated.
        var earliest = facts.Events.More ? store.TimelinePage(new EventFilter(Period: period), 0, 1).Items : [];
        var days = sources.Select(s => s.Date).Concat(facts.Events.Items.Concat(earliest).Select(e => e.Date)).ToList();
        sentences.Add(new BriefSentence(
            phrases.Fill("overview.period",
                ("since", period.Since?.ToIso() ?? days.MinBy(d => d.Earliest)!.ToIso()),
                ("until", period.Until?.ToIso() ?? days.MaxBy(d => d.Latest)!.ToIso()),
                ("facts", tally)),
            Latest(sources, notes)));
        return sentences;
    }

    /// <summary>
    /// A count of one kind of fact in an overview; <see cref="SayNone"/>: when there is none, the sentence says so
    /// (its absence tells the reader something), else it leaves the kind out.
    /// </summary>
    private readonly record struct Tally(string Noun, long Total, bool AtLeast, bool SayNone);

    /// <summary>"3 relations, 10 events and no claims": each kind there is, counted, then each absent kind that is said; null when there is none of any.</summary>
    private string? Tallies(params Tally[] kinds) =>
        kinds.Any(k => k.Total > 0)
            ? Join(kinds.Where(k => k.Total > 0).Select(k => Count(k.Total, k.Noun, k.AtLeast))
                .Concat(kinds.Where(k => k.Total == 0 && k.SayNone).Select(k => phrases.Fill($"count.{k.Noun}.none")))
                .ToList())
            : null;

    /// <summary>
    /// <see cref="When(PartialDate, PartialDate)"/> of the first and the last document naming an actor, by date. A
    /// document that gave no date is dated by the day it was ingested, which is no date of the report: undated ones
    /// are said to be undated, not placed on the calendar.
    /// </summary>
    private string When(NamingDocument first, NamingDocument last) => (first.DateIsPublished, last.DateIsPublished) switch
    {
        (true, true) => When(first.Date, last.Date),
        (false, false) => phrases.Fill("when.undated"),
        (true, false) => phrases.Fill("when.since.undated", ("first", first.Date.ToIso())),
        (false, true) => phrases.Fill("when.until.undated", ("last", last.Date.ToIso())),
    };

    /// <summary>"from 2012-04-10 to 2017-03-06", or one date when both are the same ("on 2012-04-10", "in 2012").</summary>
    private string When(PartialDate first, PartialDate last)
    {
        var (from, to) = (first.ToIso(), last.ToIso());
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            return phrases.Fill("when.span", ("first", from), ("last", to));
        }

        return phrases.Fill(first.Precision == DatePrecision.Day ? "when.day" : "when.period", ("date", from));
    }

    /// <summary>Where the facts read come from, each once.</summary>
    private static IEnumerable<FactSource> Sources(BriefFacts facts) =>
        facts.Relations.Items.Select(r => r.From)
            .Concat(facts.Events.Items.Select(e => e.From))
            .Concat(facts.Claims.Select(c => c.From))
            .DistinctBy(s => s.DocumentId, StringComparer.Ordinal);

    /// <summary>A count's notes: the latest documents among its sources.</summary>
    private static List<int> Latest(IEnumerable<FactSource> sources, BriefNotes notes) =>
        sources.OrderByDescending(s => s.Date.Latest).Take(MaxNotesPerSentence).Select(notes.CiteDocument).ToList();

    /// <summary>
    /// The latest entries in date order. The same event on the same date at the same places is one entry, its type
    /// taken through the schema ("bombing" is an attack); an event a sentence also dates more vaguely ("in May 2014
    /// ... on 21 May") is one entry at its precise date; a country that is both a place and an actor of it is named
    /// once, as its place ("independence in Mali", not "in Mali, involving Mali").
    /// </summary>
    private BriefSection? Timeline(BriefFacts facts, BriefNotes notes)
    {
        var entries = facts.Events.Items
            .GroupBy(e => (Type: EventType(e.Type), Date: e.Date.ToIso(), Places: PlacesKey(e)))
            .Select(g => g.ToList())
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        foreach (var same in entries.GroupBy(g => (EventType(g[0].Type), PlacesKey(g[0]))))
        {
            FoldVaguer(same.OrderBy(g => Days(g[0].Date)).ToList());
        }

        var shown = entries
            .Where(g => g.Count > 0)
            .OrderBy(g => g[0].Date.Earliest)
            .ThenBy(g => g[0].Date.ToIso(), StringComparer.Ordinal)
            .TakeLast(_limits.TimelineEntries)
            .ToList();
        var sentences = shown.Select(g =>
            {
                var e = g[0];
                var places = e.Places.ToList();
                var actors = g.SelectMany(x => x.Actors)
                    .Where(a => !places.Exists(p => p.Id == a.Id))
                    .DistinctBy(x => x.Id, StringComparer.Ordinal)
                    .ToList();
                var label = context.Schema.TryGetEvent(e.Type, out var schema) ? schema.Label : e.Type;
                return new BriefSentence(
                    phrases.Fill("event",
                        ("date", e.Date.ToIso()),
                        ("event", label),
                        ("places", places.Count == 0 ? "" : " " + phrases.Fill("event.places", ("places", Join(places.ConvertAll(p => p.Name))))),
                        ("actors", actors.Count == 0 ? "" : phrases.Fill("event.actors", ("actors", Join(actors.ConvertAll(a => a.Name)))))),
                    notes.Cite(g.Select(x => x.From), MaxNotesPerSentence));
            })
            .ToList();
        var listed = shown.Sum(g => g.Count);
        var remark = listed < facts.Events.Total
            ? phrases.Fill("listed", ("shown", Count(listed, "event")), ("total", Number(facts.Events.Total, facts.Events.TotalIsLowerBound)))
            : null;
        return new BriefSection(phrases.Fill("heading.timeline"), 2, sentences, true, remark);
    }

    /// <summary>An event type as the schema names it, aliases included; a type the schema does not know as it is.</summary>
    private string EventType(string type) => context.Schema.TryGetEvent(type, out var schema) ? schema.Name : type;

    private static string PlacesKey(EventFact e) => string.Join("|", e.Places.Select(p => p.Id).Order(StringComparer.Ordinal));

    /// <summary>
    /// Moves each entry of <paramref name="byWidth"/> (one event type at the same places, narrowest date first) into a
    /// narrower one dated within it that one of its sentences also states, leaving it empty: the sentence dated the
    /// event twice ("in May 2014 ... on 21 May").
    /// </summary>
    private static void FoldVaguer(List<List<EventFact>> byWidth)
    {
        for (var i = byWidth.Count - 1; i > 0; i--)
        {
            var vague = byWidth[i];
            var date = vague[0].Date;
            var precise = byWidth.Take(i).FirstOrDefault(g =>
                Days(g[0].Date) < Days(date) && g[0].Date.Earliest >= date.Earliest && g[0].Date.Latest <= date.Latest
                && g.Exists(e => vague.Exists(v => SameSentence(e.From, v.From))));
            if (precise is not null)
            {
                precise.AddRange(vague);
                vague.Clear();
            }
        }
    }

    private static int Days(PartialDate date) => date.Latest.DayNumber - date.Earliest.DayNumber;

    /// <summary>Whether two facts were read from the same sentence of the same document.</summary>
    private static bool SameSentence(FactSource a, FactSource b) =>
        string.Equals(a.DocumentId, b.DocumentId, StringComparison.Ordinal) && string.Equals(a.Evidence, b.Evidence, StringComparison.Ordinal);

    /// <summary>The latest claims of each section (causes, outlook, other), the same words by the same speaker once.</summary>
    private Dictionary<string, List<BriefSentence>> Claims(BriefFacts facts, BriefNotes notes) =>
        facts.Claims
            .GroupBy(c => (SpeakerId: c.Speaker.Id, c.Text))
            .Select(g => (Claim: g.First(), From: g.Select(c => c.From)))
            .GroupBy(c => phrases.SectionOf(c.Claim.Cue, c.Claim.Text) ?? "other")
            .ToDictionary(
                g => g.Key,
                g => g.Take(MaxClaims)
                    .Select(c => new BriefSentence(
                        phrases.Fill("claim", ("speaker", c.Claim.Speaker.Name), ("cue", c.Claim.Cue), ("text", c.Claim.Text)),
                        notes.Cite(c.From, MaxNotesPerSentence)))
                    .ToList(),
                StringComparer.Ordinal);

    /// <summary>
    /// Disagreements among the facts the briefing read (the subject's, and the attributes of the actors it
    /// describes), oldest statement first; with a subject, those about it.
    /// </summary>
    private List<BriefSentence> Disagreements(BriefSubject subject, BriefFacts facts, IReadOnlyList<AttributeFact> attributes, BriefNotes notes)
    {
        var finder = new DisputeFinder(stance);
        var disputes = finder.Find(
            facts.Relations.Items.Reverse(),
            attributes.DistinctBy(x => (x.From.DocumentId, x.Id)).Reverse(),
            facts.Claims.Reverse());
        var focus = subject.Actor?.Id ?? subject.Place?.Id;
        var sentences = new List<BriefSentence>();
        foreach (var dispute in disputes.Where(d => focus is null || d.Subject.Id == focus || d.Other?.Id == focus))
        {
            var a = dispute.SideA.Select(s => notes.Cite(s.Source)).Distinct().Take(MaxNotesPerSentence);
            var b = dispute.SideB.Select(s => notes.Cite(s.Source)).Distinct().Take(MaxNotesPerSentence);
            sentences.Add(new BriefSentence(phrases.Fill("dispute", ("reason", dispute.Reason.TrimEnd('.'))), [.. a, .. b]));
            foreach (var side in new[] { dispute.SideA, dispute.SideB })
            {
                var statement = side[0];
                sentences.Add(new BriefSentence(
                    phrases.Fill("dispute.side", ("who", statement.Speaker?.Name ?? statement.Source.Title), ("text", statement.Text)),
                    [notes.Cite(statement.Source)]));
            }
        }

        return sentences;
    }

    private string Label(EntityType type) => context.Schema.Entity(type).Label.ToLowerInvariant();

    /// <summary>"1 event", "12 events", "at least 10000 events", from the count phrases of <paramref name="noun"/>.</summary>
    private string Count(long n, string noun, bool atLeast = false) =>
        phrases.Fill($"count.{noun}.{(n == 1 && !atLeast ? "one" : "other")}", ("count", Number(n, atLeast)));

    private string Number(long n, bool atLeast)
    {
        var number = n.ToString(CultureInfo.InvariantCulture);
        return atLeast ? phrases.Fill("count.at-least", ("count", number)) : number;
    }

    private static string Join(List<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
