using Harmattan.Extraction.Dates;
using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Extraction.Relations;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Attributes;

/// <summary>
/// An attribute of an actor the document states, before ids: <see cref="Name"/> is ideology, goal,
/// composition, strength, founded, leader or origin; <see cref="Value"/> the normalised value;
/// <see cref="Surface"/> the words that say it; <see cref="Speaker"/> who said it, when a claim holds it.
/// </summary>
public sealed record AttributeDraft(
    EntityDraft Entity,
    string Name,
    string Value,
    TextSpan Surface,
    EntityDraft? Speaker,
    PartialDate? AsOf,
    TextSpan Evidence,
    string Component,
    string Rule,
    double Confidence);

/// <summary>
/// Reads the attributes of armed groups and organisations a document states: ideology adjectives next
/// to a group's name ("the Salafi-jihadist Al Murabitoun", "MNLA, a grouping of Tuareg separatist
/// rebels"), goals after a goal verb whose subject is the group ("the group sought independence";
/// a negated goal is not one), composition after a composition cue ("made up of Arab fighters"),
/// strength from a count of fighters in the group's sentence, and, from the layers before it, the
/// founding date (founding events), leaders (leads relations) and origin (originated_in relations).
/// Each statement keeps its sentence, the speaker of the claim that holds it and the sentence's date.
/// </summary>
public sealed class AttributeRecognizer(AttributeLexicon lexicon, RelationWords words) : IComponent
{
    private const int IdeologyReach = 6;
    private const int SubjectReach = 12;

    public string Name => "attributes.cues/1";

    public IReadOnlyList<string> Requires { get; } =
        [Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Dates, Layers.Quantities, Layers.Claims, Layers.Events, Layers.Relations];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Attributes];

    public void Process(AnalyzedDocument document) => document.Attributes.AddRange(Find(document));

    public IReadOnlyList<AttributeDraft> Find(AnalyzedDocument document)
    {
        var found = new List<AttributeDraft>();
        var sentences = document.Scratch.TryGetValue(SentenceItems.ScratchKey, out var built)
            ? (List<SentenceItem>[])built
            : SentenceItems.Build(document, SentenceItems.MentionsInOrder(document), new Dictionary<string, EntityDraft>(StringComparer.Ordinal), words);
        for (var s = 0; s < sentences.Length; s++)
        {
            var items = sentences[s];
            var sentence = document.Sentences[s].Span;
            var lower = items.Select(i => i.IsName ? null : i.Word).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var cue = lexicon.At(lower, i);
                if (cue is null)
                {
                    continue;
                }

                var cueSpan = new TextSpan(items[i].Span.Start, items[i + cue.Words.Length - 1].Span.End);
                switch (cue.Kind)
                {
                    case AttributeLexicon.Ideology when AttachedGroup(items, i, cue.Words.Length) is { } group:
                        found.Add(Draft(document, group, AttributeLexicon.Ideology, cue.Value!, cueSpan, sentence, "ideology-adjective", 0.7));
                        break;
                    case AttributeLexicon.GoalVerb when Subject(items, i) is { } subject && Goal(items, lower, i + cue.Words.Length) is var (goal, at) && goal is not null:
                        found.Add(Draft(document, subject, AttributeLexicon.Goal, goal.Value!, new TextSpan(cueSpan.Start, items[at + goal.Words.Length - 1].Span.End), sentence, "goal-verb", 0.7));
                        break;
                    case AttributeLexicon.CompositionCue when Subject(items, i) is { } subject && People(items, i + cue.Words.Length) is { } people:
                        found.Add(Draft(document, subject, "composition", people.Entity!.Name, new TextSpan(cueSpan.Start, people.Span.End), sentence, "composition-cue", 0.65));
                        break;
                }
            }
        }

        foreach (var q in document.Quantities)
        {
            if (q.Unit is { } unit && lexicon.StrengthUnits.Contains(unit) && q.Rule != Quantities.QuantityRecognizer.VagueCount
                && document.SentenceAt(q.Span.Start) is var s and >= 0 && document.Sentences[s].Span.Contains(q.Span)
                && !IsLoss(document, document.Sentences[s], q.Span)
                && NearestGroup(sentences[s], q.Span) is { } group)
            {
                found.Add(Draft(document, group, "strength", decimal.Truncate(q.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), q.Span, document.Sentences[s].Span, "strength-count", 0.6));
            }
        }

        foreach (var e in document.Events.Where(e => e.Type == "founding"))
        {
            // Only a founding with one group says which group was founded ("the merger of A, B and C in 2017" does not).
            if (e.Actors.Where(IsBody).ToList() is [var group])
            {
                found.Add(Draft(document, group, "founded", e.Date.Date.ToIso(), e.Trigger, e.Evidence, "founding-event", e.Confidence * 0.9));
            }
        }

        foreach (var r in document.Relations)
        {
            if (r.Type == "leads" && IsBody(r.Target))
            {
                found.Add(Draft(document, r.Target, "leader", r.Source.Name, MentionIn(r.Source, r.Evidence), r.Evidence, "leads-relation", r.Confidence));
            }
            else if (r.Type == "originated_in")
            {
                found.Add(Draft(document, r.Source, "origin", r.Target.Name, MentionIn(r.Target, r.Evidence), r.Evidence, "originated-in-relation", r.Confidence));
            }
        }

        // One statement per entity, attribute, value and sentence: "aims to establish sharia" is one goal.
        return [.. found.GroupBy(a => (a.Entity, a.Name, a.Value, a.Evidence)).Select(g => g.MaxBy(a => a.Confidence)!)];
    }

    private AttributeDraft Draft(AnalyzedDocument document, EntityDraft entity, string name, string value, TextSpan surface, TextSpan evidence, string rule, double confidence)
    {
        var speaker = document.Claims.FirstOrDefault(c => c.Content.Contains(surface))?.Speaker;
        var asOf = document.Dates.FirstOrDefault(d => evidence.Contains(d.Span))?.Date;
        return new AttributeDraft(entity, name, value, surface, speaker, asOf, evidence, Name, rule, confidence);
    }

    /// <summary>The words that name <paramref name="entity"/> in <paramref name="evidence"/> (the value's surface), or the evidence itself.</summary>
    private static TextSpan MentionIn(EntityDraft entity, TextSpan evidence) =>
        entity.Mentions.FirstOrDefault(m => evidence.Contains(m.Span))?.Span ?? evidence;

    private static bool IsBody(EntityDraft e) => e.Type is EntityType.ArmedGroup or EntityType.Organization;

    private static bool IsBodyItem(SentenceItem item) => item.Entity is { } e && IsBody(e);

    /// <summary>
    /// The group an ideology word qualifies: the next group name if only common words come between
    /// ("Salafi-jihadist militant organization Al Murabitoun", "the separatist MNLA"), else the group the
    /// word's phrase stands in apposition to ("MNLA, a grouping of Tuareg separatist rebels").
    /// </summary>
    private static EntityDraft? AttachedGroup(List<SentenceItem> items, int at, int length)
    {
        for (var k = at + length; k < items.Count && k <= at + 3; k++)
        {
            if (items[k].Break || items[k].Word == ",")
            {
                break;
            }

            if (items[k].IsName)
            {
                if (IsBodyItem(items[k]))
                {
                    return items[k].Entity;
                }

                if (items[k].Entity!.Type != EntityType.PeopleGroup)
                {
                    break;
                }
            }
        }

        var sawComma = false;
        for (var k = at - 1; k >= 0 && k >= at - IdeologyReach; k--)
        {
            if (items[k].Break)
            {
                break;
            }

            sawComma |= items[k].Word == ",";
            if (IsBodyItem(items[k]) && (sawComma || k + 1 < items.Count && items[k + 1].Word is "is" or "was" or "are" or "were"))
            {
                return items[k].Entity;
            }
        }

        return null;
    }

    /// <summary>The group a clause is about: the nearest group name or group reference before <paramref name="at"/> in it.</summary>
    private static EntityDraft? Subject(List<SentenceItem> items, int at)
    {
        for (var k = at - 1; k >= 0 && k >= at - SubjectReach; k--)
        {
            if (items[k].Break)
            {
                return null;
            }

            if (IsBodyItem(items[k]))
            {
                return items[k].Entity;
            }

            if (items[k].Entity?.Type == EntityType.Person || items[k].Word is "he" or "his" or "she" or "her" or "him")
            {
                // "the group rejected him because of his dedication to establishing Shariah": a person's goal.
                return null;
            }
        }

        return null;
    }

    /// <summary>The first goal within a few words after a goal verb, unless a negation comes first ("sought neither independence").</summary>
    private (AttributeCue? Goal, int At) Goal(List<SentenceItem> items, List<string?> lower, int from)
    {
        for (var k = from; k < items.Count && k <= from + 5; k++)
        {
            if (items[k].Break || lower[k] is "not" or "neither" or "nor" or "no" or "never")
            {
                return (null, -1);
            }

            if (lexicon.At(lower, k) is { Kind: AttributeLexicon.Goal } goal)
            {
                return (goal, k);
            }
        }

        return (null, -1);
    }

    /// <summary>The people group named within a few words after a composition cue.</summary>
    private static SentenceItem? People(List<SentenceItem> items, int from)
    {
        for (var k = from; k < items.Count && k <= from + 4; k++)
        {
            if (items[k].Break)
            {
                return null;
            }

            if (items[k].Entity?.Type == EntityType.PeopleGroup)
            {
                return items[k];
            }
        }

        return null;
    }

    /// <summary>Auxiliaries that may stand between a count and its loss word ("30 fighters were captured").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "were", "was", "are", "is", "had", "have", "has", "been", "being", "reportedly", "also",
    };

    /// <summary>Tokens before a count that a loss word may stand at ("killed at least 40 fighters").</summary>
    private const int LossReachBefore = 3;

    /// <summary>
    /// Whether a count of fighters is a loss rather than a strength: a loss word (killed, lost, captured, ...)
    /// at most three words before it, or right after it past auxiliaries ("12 militants were killed").
    /// </summary>
    private bool IsLoss(AnalyzedDocument document, Sentence sentence, TextSpan count)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var end = sentence.FirstToken + sentence.TokenCount;
        var first = sentence.FirstToken;
        while (first < end && tokens[first].Span.End <= count.Start)
        {
            first++;
        }

        for (var k = first - 1; k >= Math.Max(sentence.FirstToken, first - LossReachBefore); k--)
        {
            if (lexicon.LossWords.Contains(tokens[k].Span.Of(text)))
            {
                return true;
            }
        }

        var after = first;
        while (after < end && tokens[after].Span.Start < count.End)
        {
            after++;
        }

        while (after < end && Auxiliaries.Contains(tokens[after].Span.Of(text)))
        {
            after++;
        }

        return after < end && lexicon.LossWords.Contains(tokens[after].Span.Of(text));
    }

    /// <summary>The group nearest to a strength figure in its sentence, looking back first.</summary>
    private static EntityDraft? NearestGroup(List<SentenceItem> items, TextSpan figure)
    {
        var at = items.FindIndex(i => i.Span.Start >= figure.Start);
        if (at < 0)
        {
            return null;
        }

        return Subject(items, at) ?? items.Skip(at).Take(SubjectReach).FirstOrDefault(IsBodyItem).Entity;
    }
}
