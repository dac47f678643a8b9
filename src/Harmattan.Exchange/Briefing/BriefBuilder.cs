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
public sealed class BriefBuilder(ExchangeContext context, BriefPhrases phrases, StanceLexicon stance)
{
    /// <summary>How many actors get a subsection, how many sentences each, and how many claims a section lists.</summary>
    private const int MaxActors = 8;
    private const int MaxActorSentences = 10;
    private const int MaxClaims = 8;
    private const int MaxNotesPerSentence = 4;

    private static readonly HashSet<string> Wants = new(StringComparer.Ordinal) { "goal", "ideology" };

    public Brief Build(KnowledgeStore store, BriefSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        var period = subject.Period ?? DatePeriod.Always;
        var snapshot = store.ReadSnapshot();
        var all = ExportSelection.From(snapshot, filter: new ExportFilter(period), includeAcled: true);
        var scoped = ExportSelection.From(snapshot, filter: new ExportFilter(period, subject.Actor, subject.Place), includeAcled: true);
        var documents = snapshot.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var notes = new BriefNotes(documents);
        var title = subject.Actor is { } a ? phrases.Fill("title.actor", ("name", a.Name))
            : subject.Place is { } p ? phrases.Fill("title.place", ("name", p.Name))
            : phrases.Fill("title.period", ("period", period.ToString()));

        var sections = new List<BriefSection>();
        var overview = Overview(subject, period, all, scoped, documents, notes);
        if (overview.Count == 0)
        {
            var name = subject.Actor?.Name ?? subject.Place?.Name ?? "the period";
            var empty = new BriefSentence(phrases.Fill("empty", ("subject", name), ("period", period.ToString())), []);
            return new Brief(title, Generated(0, now), [new BriefSection(phrases.Fill("heading.overview"), 2, [empty], false)], [], phrases.Fill("heading.sources"));
        }

        sections.Add(new BriefSection(phrases.Fill("heading.overview"), 2, overview, false));
        var actors = Actors(subject, all, scoped, notes);
        if (actors.Count > 0)
        {
            sections.Add(new BriefSection(phrases.Fill("heading.actors"), 2, [], false));
            sections.AddRange(actors);
        }

        var timeline = Timeline(scoped, notes);
        if (timeline.Count > 0)
        {
            sections.Add(new BriefSection(phrases.Fill("heading.timeline"), 2, timeline, true));
        }

        var claims = Claims(scoped, notes);
        foreach (var section in new[] { "causes", "outlook", "other" })
        {
            if (claims.TryGetValue(section, out var list) && list.Count > 0)
            {
                sections.Add(new BriefSection(phrases.Fill("heading." + section), 2, list, true));
            }
        }

        var disputes = Disagreements(store, subject, period, notes);
        if (disputes.Count > 0)
        {
            sections.Add(new BriefSection(phrases.Fill("heading.disagreements"), 2, disputes, true));
        }

        var cited = notes.All;
        return new Brief(title, Generated(cited.Select(n => n.DocumentId).Distinct(StringComparer.Ordinal).Count(), now), sections, cited, phrases.Fill("heading.sources"));
    }

    private string Generated(int documents, DateTimeOffset now) =>
        phrases.Fill("generated", ("documents", Count(documents, "document")), ("date", now.UtcDateTime.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture)));

    private List<BriefSentence> Overview(BriefSubject subject, DatePeriod period, ExportSelection all, ExportSelection scoped, Dictionary<string, KnowledgeDocument> documents, BriefNotes notes)
    {
        var sentences = new List<BriefSentence>();
        if (subject.Actor is { } actor)
        {
            if (!all.EntityById.TryGetValue(actor.Id, out var entity))
            {
                return sentences;
            }

            var listed = entity.From.Where(f => all.DocumentById.ContainsKey(f.DocumentId))
                .OrderBy(f => all.DocumentById[f.DocumentId].Date.Earliest).ToList();
            if (listed.Count == 0)
            {
                return sentences;
            }

            var first = all.DocumentById[listed[0].DocumentId].Date;
            var last = all.DocumentById[listed[^1].DocumentId].Date;
            sentences.Add(new BriefSentence(
                phrases.Fill("overview.actor", ("name", entity.Name), ("type", Label(entity.Type)), ("count", Count(listed.Select(l => l.DocumentId).Distinct().Count(), "document")),
                    ("first", first.ToIso()), ("last", last.ToIso())),
                [notes.Cite(listed[0]), notes.Cite(listed[^1])]));
            var aliases = entity.Aliases.Where(x => !string.Equals(x, entity.Name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(6).ToList();
            if (aliases.Count > 0)
            {
                sentences.Add(new BriefSentence(phrases.Fill("overview.aliases", ("name", entity.Name), ("aliases", Join(aliases))), notes.Cite(listed, MaxNotesPerSentence)));
            }
        }
        else if (subject.Place is { } place)
        {
            if (scoped.Events.Count == 0 || !all.EntityById.TryGetValue(place.Id, out var entity))
            {
                return sentences;
            }

            var events = scoped.Events.OrderBy(e => e.Date.Earliest).ToList();
            sentences.Add(new BriefSentence(
                phrases.Fill("overview.place", ("name", entity.Name), ("type", Label(entity.Type)), ("events", Count(events.Count, "event")),
                    ("first", events[0].Date.ToIso()), ("last", events[^1].Date.ToIso())),
                [notes.Cite(events[0].From), notes.Cite(events[^1].From)]));
        }
        else
        {
            var facts = scoped.Events.Select(e => e.From).Concat(scoped.Relations.Select(r => r.From)).Concat(scoped.Claims.Select(c => c.From)).ToList();
            if (facts.Count == 0)
            {
                return sentences;
            }

            var cited = facts.Select(f => documents[f.DocumentId]).DistinctBy(d => d.Id).OrderBy(d => d.Date.Earliest).ToList();
            var days = scoped.Events.Select(e => e.Date).Concat(cited.Select(d => d.Date)).ToList();
            sentences.Add(new BriefSentence(
                phrases.Fill("overview.period",
                    ("since", period.Since?.ToIso() ?? days.MinBy(d => d.Earliest).ToIso()),
                    ("until", period.Until?.ToIso() ?? days.MaxBy(d => d.Latest).ToIso()),
                    ("events", Count(scoped.Events.Count, "event")),
                    ("relations", Count(scoped.Relations.Count, "relation")),
                    ("claims", Count(scoped.Claims.Count, "claim")),
                    ("documents", Count(cited.Count, "document"))),
                cited.Select(d => notes.CiteDocument(d.Id)).ToList()));
            return sentences;
        }

        var used = scoped.Relations.Select(r => r.From.DocumentId).Concat(scoped.Events.Select(e => e.From.DocumentId)).Concat(scoped.Claims.Select(c => c.From.DocumentId))
            .Distinct(StringComparer.Ordinal).ToList();
        if (used.Count > 0)
        {
            sentences.Add(new BriefSentence(
                phrases.Fill("overview.facts", ("events", Count(scoped.Events.Count, "event")), ("relations", Count(scoped.Relations.Count, "relation")), ("claims", Count(scoped.Claims.Count, "claim"))),
                used.Select(notes.CiteDocument).ToList()));
        }

        return sentences;
    }

    private List<BriefSection> Actors(BriefSubject subject, ExportSelection all, ExportSelection scoped, BriefNotes notes)
    {
        static bool IsActor(KnowledgeEntity e) => e.Type is EntityType.ArmedGroup or EntityType.Organization or EntityType.Person or EntityType.Country or EntityType.PeopleGroup;

        // The subject first, then the actors the scoped facts name most.
        var weight = scoped.Relations.SelectMany(r => new[] { r.SourceId, r.TargetId })
            .Concat(scoped.Events.SelectMany(e => e.ActorIds))
            .Concat(scoped.Claims.Select(c => c.SpeakerId))
            .Concat(scoped.Claims.SelectMany(c => c.AboutIds))
            .CountBy(id => id)
            .ToDictionary(StringComparer.Ordinal);
        var ranked = scoped.Entities.Where(IsActor)
            .Where(e => weight.ContainsKey(e.Id))
            .OrderByDescending(e => e.Id == subject.Actor?.Id)
            .ThenByDescending(e => weight[e.Id])
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(MaxActors)
            .ToList();

        var sections = new List<BriefSection>();
        foreach (var actor in ranked)
        {
            var sentences = new List<BriefSentence>();

            // A leader the relations already name ("X leads Y") is not said twice.
            var leaders = all.Relations.Where(r => r.Type == "leads" && r.TargetId == actor.Id)
                .Select(r => all.EntityById[r.SourceId])
                .SelectMany(leader => leader.Aliases.Append(leader.Name))
                .Select(NameKey.Fold)
                .ToHashSet(StringComparer.Ordinal);
            var properties = all.Properties.Where(p => p.EntityId == actor.Id)
                .Where(p => !(p.Name == "leader" && leaders.Contains(NameKey.Fold(p.Value))))
                .OrderByDescending(p => Wants.Contains(p.Name))
                .GroupBy(p => (p.Name, Value: p.Value.ToLowerInvariant(), p.SpeakerId));
            foreach (var group in properties)
            {
                var p = group.First();
                var key = phrases.Has("attribute." + p.Name) ? "attribute." + p.Name : "attribute.default";

                // A date reads best normalised ("2011-10", not "formed"); other values as the report worded them.
                var value = p.Name == "founded" ? p.Value : p.Surface;
                var text = p.SpeakerId is null
                    ? phrases.Fill(key, ("entity", actor.Name), ("name", p.Name), ("value", value))
                    : phrases.Fill("attribute.by", ("entity", actor.Name), ("name", p.Name), ("value", value), ("speaker", all.EntityName(p.SpeakerId)));
                sentences.Add(new BriefSentence(text, notes.Cite(group.Select(g => g.From), MaxNotesPerSentence)));
            }

            var relations = all.Relations.Where(r => r.SourceId == actor.Id || r.TargetId == actor.Id)
                .GroupBy(r => (r.Type, r.SourceId, r.TargetId))
                .OrderByDescending(g => g.Count());
            foreach (var group in relations)
            {
                var r = group.FirstOrDefault(x => x.Role is not null) ?? group.First();
                var key = r.Role is not null && phrases.Has($"relation.{r.Type}.role") ? $"relation.{r.Type}.role"
                    : phrases.Has("relation." + r.Type) ? "relation." + r.Type : "relation.default";
                var label = context.Schema.TryGetRelation(r.Type, out var schema) ? schema.Label : r.Type;
                sentences.Add(new BriefSentence(
                    phrases.Fill(key, ("source", all.EntityName(r.SourceId)), ("target", all.EntityName(r.TargetId)), ("label", label), ("role", r.Role ?? "")),
                    notes.Cite(group.Select(g => g.From), MaxNotesPerSentence)));
            }

            if (sentences.Count > 0)
            {
                sections.Add(new BriefSection($"{actor.Name} ({Label(actor.Type)})", 3, sentences.Take(MaxActorSentences).ToList(), true));
            }
        }

        return sections;
    }

    private List<BriefSentence> Timeline(ExportSelection scoped, BriefNotes notes) =>
        scoped.Events
            .GroupBy(e => (e.Type, Date: e.Date.ToIso(), Places: string.Join("|", e.PlaceIds.Order(StringComparer.Ordinal))))
            .OrderBy(g => g.First().Date.Earliest)
            .ThenBy(g => g.Key.Date, StringComparer.Ordinal)
            .Select(g =>
            {
                var e = g.First();
                var places = e.PlaceIds.Select(scoped.EntityName).ToList();
                var actors = g.SelectMany(x => x.ActorIds).Distinct(StringComparer.Ordinal).Select(scoped.EntityName).ToList();
                var label = context.Schema.TryGetEvent(e.Type, out var schema) ? schema.Label : e.Type;
                return new BriefSentence(
                    phrases.Fill("event",
                        ("date", e.Date.ToIso()),
                        ("event", label),
                        ("places", places.Count == 0 ? "" : " " + phrases.Fill("event.places", ("places", Join(places)))),
                        ("actors", actors.Count == 0 ? "" : phrases.Fill("event.actors", ("actors", Join(actors))))),
                    notes.Cite(g.Select(x => x.From), MaxNotesPerSentence));
            })
            .ToList();

    private Dictionary<string, List<BriefSentence>> Claims(ExportSelection scoped, BriefNotes notes) =>
        scoped.Claims
            .GroupBy(c => (c.SpeakerId, c.Text))
            .Select(g => (Claim: g.First(), From: g.Select(c => c.From)))
            .GroupBy(c => phrases.SectionOf(c.Claim.Cue, c.Claim.Text) ?? "other")
            .ToDictionary(
                g => g.Key,
                g => g.Take(MaxClaims)
                    .Select(c => new BriefSentence(
                        phrases.Fill("claim", ("speaker", scoped.EntityName(c.Claim.SpeakerId)), ("cue", c.Claim.Cue), ("text", c.Claim.Text)),
                        notes.Cite(c.From, MaxNotesPerSentence)))
                    .ToList(),
                StringComparer.Ordinal);

    private List<BriefSentence> Disagreements(KnowledgeStore store, BriefSubject subject, DatePeriod period, BriefNotes notes)
    {
        var finder = new DisputeFinder(stance);
        var disputes = finder.Find(
            store.FindRelations(new RelationFilter(period)),
            store.FindAttributes().Where(a => period.Overlaps(a.From.Date)),
            store.FindClaims(new ClaimFilter(Period: period)));
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

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Join(List<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
