using Harmattan.Extraction.Dates;
using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Events;

/// <summary>
/// <c>events.trigger/1</c>: dated events from a trigger lexicon, sentence by sentence. A trigger
/// becomes an event only with a date of its own sentence (the contract wants dated events only):
/// <list type="number">
/// <item>each trigger takes its nearest date, unless that date is bound to another, strong trigger
/// ("the 2012 coup"), and each date its nearest trigger, so "in Gao in June, and in Ménaka in November" gives
/// two attacks and "a rebellion, which was followed by a coup" two events of one year;</item>
/// <item>the triggers sharing a date are one event when the date gives a month or a day (one day, one
/// happening told from several sides); a year is too coarse for that, so each type stays its own
/// event; weak triggers give way to strong ones;</item>
/// <item>"the attack" after an attack was told is that attack again: it keeps only a date of its own
/// ("the 2012 coup") and never borrows one from its sentence;</item>
/// <item>places are the Place and Country entities of the sentence (those after "in/at/near" first),
/// actors its Person, ArmedGroup, Organization, PeopleGroup and Country entities; a sentence whose
/// only person is "he"/"she" takes the last named person of the three sentences before;</item>
/// <item>one event per type and date in a document: repeats merge their places and actors.</item>
/// </list>
/// </summary>
public sealed class EventRecognizer(EventTriggerLexicon lexicon) : IComponent
{
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "around", "across", "into", "from", "to", "inside", "towards", "toward",
    };

    public string Name => "events.trigger/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Dates];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Events];

    public void Process(AnalyzedDocument document) => document.Events.AddRange(Find(document));

    private const string PublicationType = "publication";

    /// <summary>Sentences at the top of a report where its own dateline may stand.</summary>
    private const int HeaderSentences = 5;

    /// <summary>A short heading at the top of the report that gives a full date: the report's dateline.</summary>
    private static bool IsDateline(AnalyzedDocument document, int sentence, List<DateMention> dates) =>
        sentence < HeaderSentences
        && document.Sentences[sentence].Kind == SentenceKind.Heading
        && dates.Any(d => d.Date.Precision == DatePrecision.Day && !d.YearInferred);

    /// <summary>The document's events in text order, deduplicated, without writing them.</summary>
    public IReadOnlyList<EventDraft> Find(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Tokens;
        var mentions = document.Entities
            .SelectMany(e => e.Mentions.Select(m => (Entity: e, m.Span)))
            .OrderBy(m => m.Span.Start)
            .ToArray();
        var names = mentions.Select(m => m.Span).ToArray();
        var finder = new TriggerFinder(lexicon, text, tokens, names);
        var dates = document.Dates.OrderBy(d => d.Span.Start).ToArray();
        var events = new List<EventDraft>();
        var byKey = new Dictionary<(string, string), int>();
        var seenTypes = new HashSet<string>(StringComparer.Ordinal);
        var nextDate = 0;
        var nextMention = 0;
        var lastPerson = (Entity: (EntityDraft?)null, Sentence: -1);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            var sentenceDates = new List<DateMention>();
            while (nextDate < dates.Length && dates[nextDate].Span.Start < sentence.Span.End)
            {
                if (dates[nextDate].Span.Start >= sentence.Span.Start)
                {
                    sentenceDates.Add(dates[nextDate]);
                }

                nextDate++;
            }

            var sentenceMentions = new List<(EntityDraft Entity, TextSpan Span)>();
            while (nextMention < mentions.Length && mentions[nextMention].Span.Start < sentence.Span.End)
            {
                if (mentions[nextMention].Span.Start >= sentence.Span.Start)
                {
                    sentenceMentions.Add(mentions[nextMention]);
                }

                nextMention++;
            }

            var hits = finder.Find(sentence);
            if (IsDateline(document, s, sentenceDates))
            {
                // "Published 10 April 2012" at the top is the report's own metadata, not a happening it reports.
                hits.RemoveAll(h => h.Trigger.Type == PublicationType);
            }

            if (sentenceDates.Count > 0)
            {
                // "the attack" when an attack was told before is that attack: it keeps only a date of its own.
                // Its side details ("was killed in the air strike") go with it.
                var anaphoric = hits.Where(h => h.Definite && seenTypes.Contains(h.Trigger.Type)
                    && !sentenceDates.Any(d => Bound(text, tokens, h, TokenAt(tokens, sentence, d.Span.Start), TokenAt(tokens, sentence, d.Span.End - 1)))).ToList();
                hits.RemoveAll(anaphoric.Contains);
                if (anaphoric.Any(h => h.Trigger.Strong))
                {
                    hits.RemoveAll(h => !h.Strong);
                }
                if (hits.Count > 0)
                {
                    var fallback = lastPerson.Entity is not null && s - lastPerson.Sentence <= 3 ? lastPerson.Entity : null;
                    foreach (var draft in Attach(text, tokens, sentence, hits, sentenceDates))
                    {
                        var withParticipants = Participants(document, sentence, sentenceMentions, draft, fallback);
                        Add(events, byKey, withParticipants);
                    }
                }
            }

            foreach (var hit in hits)
            {
                seenTypes.Add(hit.Trigger.Type);
            }

            foreach (var (entity, _) in sentenceMentions)
            {
                if (entity.Type == EntityType.Person)
                {
                    lastPerson = (entity, s);
                }
            }
        }

        return events;
    }

    private IEnumerable<EventDraft> Attach(string text, Token[] tokens, Sentence sentence, List<TriggerHit> hits, List<DateMention> dates)
    {
        var datePositions = dates.Select(d => TokenAt(tokens, sentence, d.Span.Start)).ToArray();
        var dateEnds = dates.Select(d => TokenAt(tokens, sentence, d.Span.End - 1)).ToArray();

        // A date right next to a trigger ("the 2012 coup", "attack of June 2012") belongs to it alone.
        var boundTo = new int[dates.Count];
        for (var d = 0; d < dates.Count; d++)
        {
            boundTo[d] = -1;
            for (var h = 0; h < hits.Count; h++)
            {
                if (hits[h].Strong && Bound(text, tokens, hits[h], datePositions[d], dateEnds[d], strict: true))
                {
                    boundTo[d] = h;
                    break;
                }
            }
        }

        var pairs = new HashSet<(int Hit, int Date)>();
        for (var h = 0; h < hits.Count; h++)
        {
            var best = -1;
            var bestDistance = int.MaxValue;
            for (var d = 0; d < dates.Count; d++)
            {
                if (boundTo[d] >= 0 && boundTo[d] != h)
                {
                    continue;
                }

                var distance = Distance(text, tokens, hits[h], datePositions[d], dateEnds[d]);
                if (distance < bestDistance)
                {
                    best = d;
                    bestDistance = distance;
                }
            }

            if (best >= 0)
            {
                pairs.Add((h, best));
            }
        }

        for (var d = 0; d < dates.Count; d++)
        {
            var best = boundTo[d];
            if (best < 0)
            {
                var bestDistance = int.MaxValue;
                for (var h = 0; h < hits.Count; h++)
                {
                    var distance = Distance(text, tokens, hits[h], datePositions[d], dateEnds[d]);
                    if (distance < bestDistance)
                    {
                        best = h;
                        bestDistance = distance;
                    }
                }
            }

            pairs.Add((best, d));
        }

        for (var d = 0; d < dates.Count; d++)
        {
            var group = pairs.Where(p => p.Date == d).Select(p => hits[p.Hit]).OrderBy(h => h.FirstToken).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            if (group.Any(h => h.Strong))
            {
                group.RemoveAll(h => !h.Strong);
            }

            var date = dates[d];
            var fine = date.Date.Precision is DatePrecision.Day or DatePrecision.Month;
            var clusters = new List<List<TriggerHit>> { new() { group[0] } };
            for (var k = 1; k < group.Count; k++)
            {
                if (fine)
                {
                    clusters[^1].Add(group[k]);
                }
                else
                {
                    clusters.Add([group[k]]);
                }
            }

            foreach (var cluster in clusters)
            {
                // The first strong trigger is usually the main verb or the head noun: "ambushed ... and kidnapped".
                var head = cluster.FirstOrDefault(h => h.Strong) ?? cluster[0];
                var confidence = (head.Strong ? 0.7 : 0.5) * date.Confidence;
                yield return new EventDraft(head.Trigger.Type, head.Span, date, [], [], sentence.Span, Name,
                    $"{head.Rule}:{head.Trigger.Source}", Math.Round(confidence, 3));
            }
        }
    }

    private static int TokenAt(Token[] tokens, Sentence sentence, int position)
    {
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (tokens[i].End > position)
            {
                return i;
            }
        }

        return sentence.EndToken - 1;
    }

    /// <summary>Tokens between trigger and date, with a semicolon counting as a clause away.</summary>
    private static int Distance(string text, Token[] tokens, TriggerHit hit, int dateFirst, int dateLast)
    {
        int from, to;
        if (dateLast < hit.FirstToken)
        {
            (from, to) = (dateLast, hit.FirstToken);
        }
        else if (dateFirst > hit.LastToken)
        {
            (from, to) = (hit.LastToken, dateFirst);
        }
        else
        {
            return 0; // a label glued to its date
        }

        var distance = to - from;
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].IsPunctuation(text, ';'))
            {
                distance += 20;
            }
        }

        // Reading direction: a trigger is more often dated after it ("attacked ... on 7 August").
        return (distance * 2) + (dateLast < hit.FirstToken ? 1 : 0);
    }

    /// <summary>
    /// The date belongs to the trigger: "the 2012 coup", "the January 2013 attack", "the coup of 2012"
    /// (<paramref name="strict"/>: nothing else may take it), or also "died June 14th", "attacked in 2012",
    /// "panels February 6, 2013" (the date is the trigger's own, but a later trigger may share it).
    /// </summary>
    private static bool Bound(string text, Token[] tokens, TriggerHit hit, int dateFirst, int dateLast, bool strict = false)
    {
        if (dateLast + 1 == hit.FirstToken)
        {
            return true;
        }

        var of = dateFirst == hit.LastToken + 2 && tokens[hit.LastToken + 1].IsIgnoreCase(text, "of");
        if (strict)
        {
            return of;
        }

        return of || dateFirst == hit.LastToken + 1
            || (dateFirst == hit.LastToken + 2 && (tokens[hit.LastToken + 1].IsIgnoreCase(text, "in") || tokens[hit.LastToken + 1].IsIgnoreCase(text, "on")));
    }

    private static EventDraft Participants(
        AnalyzedDocument document, Sentence sentence, List<(EntityDraft Entity, TextSpan Span)> mentions, EventDraft draft, EntityDraft? lastPerson)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var placesFirst = new List<EntityDraft>();
        var placesLater = new List<EntityDraft>();
        var actors = new List<EntityDraft>();
        foreach (var (entity, span) in mentions)
        {
            var locative = LocativeBefore(text, tokens, sentence, span.Start);
            switch (entity.Type)
            {
                case EntityType.Place:
                    (locative ? placesFirst : placesLater).Add(entity);
                    break;
                case EntityType.Country:
                    (locative ? placesFirst : placesLater).Add(entity);
                    if (!locative)
                    {
                        actors.Add(entity);
                    }

                    break;
                default:
                    actors.Add(entity);
                    break;
            }
        }

        if (lastPerson is not null && !actors.Any(a => a.Type == EntityType.Person) && HasPersonalPronoun(text, tokens, sentence))
        {
            actors.Add(lastPerson);
        }

        var places = placesFirst.Concat(placesLater).Distinct(ReferenceEqualityComparer.Instance).Cast<EntityDraft>().ToList();
        return draft with { Places = places, Actors = actors.Distinct(ReferenceEqualityComparer.Instance).Cast<EntityDraft>().ToList() };
    }

    private static bool LocativeBefore(string text, Token[] tokens, Sentence sentence, int position)
    {
        var i = TokenAt(tokens, sentence, position);
        for (var k = i - 1; k >= sentence.FirstToken && k >= i - 3; k--)
        {
            var w = tokens[k].Span.SliceOf(text);
            if (Locatives.Contains(w))
            {
                return true;
            }

            if (tokens[k].Kind != TokenKind.Word || !(w.Equals("the", StringComparison.OrdinalIgnoreCase) || tokens[k].IsCapitalized(text)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool HasPersonalPronoun(string text, Token[] tokens, Sentence sentence)
    {
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (tokens[i].IsIgnoreCase(text, "he") || tokens[i].IsIgnoreCase(text, "she"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same type and date is one event in a document: merge its places and actors.</summary>
    private static void Add(List<EventDraft> events, Dictionary<(string, string), int> byKey, EventDraft draft)
    {
        var key = (draft.Type, draft.Date.Date.ToIso());
        if (!byKey.TryGetValue(key, out var index))
        {
            byKey[key] = events.Count;
            events.Add(draft);
            return;
        }

        var first = events[index];
        events[index] = first with
        {
            Places = first.Places.Concat(draft.Places).Distinct(ReferenceEqualityComparer.Instance).Cast<EntityDraft>().ToList(),
            Actors = first.Actors.Concat(draft.Actors).Distinct(ReferenceEqualityComparer.Instance).Cast<EntityDraft>().ToList(),
            Confidence = Math.Max(first.Confidence, draft.Confidence),
        };
    }
}
