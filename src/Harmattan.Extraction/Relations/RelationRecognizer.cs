using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Extraction.Relations;

/// <summary>
/// Finds relations between the named entities of a sentence by matching the patterns of
/// <c>relation-patterns.tsv</c> ("X split from Y", "X , * {role} of * Y") over the sentence read as
/// names and words (<see cref="SentenceItems"/>). A pattern's arguments extend over names coordinated
/// with them ("A, B and C attacked Y" gives three relations), a reference ("its leader", "the group")
/// stands for the last group named, and every relation is checked against the source and target
/// types of its schema. The rule recorded on each relation is the pattern that matched.
/// </summary>
public sealed class RelationRecognizer : IComponent
{
    private readonly RelationPatternLexicon _patterns;
    private readonly RelationWords _words;
    private readonly Schema _schema;
    private readonly ActorRegistry _registry;

    /// <summary>The rule recorded on a relation read from an event, one per event type of relation-words.tsv.</summary>
    private readonly Dictionary<string, RelationPattern> _eventRules;

    private const double EventConfidence = 0.55;
    private readonly Dictionary<string, (string[] Words, string Kind)[]> _rolesByFirst;

    public RelationRecognizer(RelationPatternLexicon patterns, RelationWords words, Schema schema, ActorRegistry registry, IReadOnlyDictionary<string, string> roles)
    {
        _eventRules = words.PresenceEvents.Union(words.ControlEvents)
            .ToDictionary(t => t, t => new RelationPattern($"event:{t}", [], "operates_in", EventConfidence, "relation-words.tsv"), StringComparer.Ordinal);
        _registry = registry;
        _patterns = patterns;
        _words = words;
        _schema = schema;
        _rolesByFirst = roles
            .Select(r => (Words: r.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries), Kind: r.Value == "leads" ? "leads" : "affiliated_with"))
            .GroupBy(r => r.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    public string Name => "relations.patterns/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Events];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Relations];

    public void Process(AnalyzedDocument document) => document.Relations.AddRange(Find(document));

    /// <summary>The relations of <paramref name="document"/>, without writing them (compute, then annotate).</summary>
    public IReadOnlyList<RelationDraft> Find(AnalyzedDocument document)
    {
        var mentions = SentenceItems.MentionsInOrder(document);
        var found = new Dictionary<(string, EntityDraft, EntityDraft), RelationDraft>();
        var countries = new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
        foreach (var entity in document.Entities)
        {
            if (entity.Type == EntityType.Country && entity.RegistryId is { } id && _registry.TryGet(id, out var entry))
            {
                foreach (var demonym in entry.Demonyms)
                {
                    countries.TryAdd(demonym, entity);
                }
            }
        }

        var sentences = SentenceItems.Build(document, mentions, countries, _words);
        document.Scratch[SentenceItems.ScratchKey] = sentences;
        var matches = new List<Match>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var slotFirst = new List<RelationPattern>();
        for (var s = 0; s < sentences.Length; s++)
        {
            var items = sentences[s];
            var names = 0;
            foreach (var item in items)
            {
                names += item.IsName ? 1 : 0;
            }

            if (names < 2)
            {
                continue; // a relation needs two parties
            }

            // Patterns whose anchor word is not in the sentence cannot match anywhere in it.
            present.Clear();
            var hasRole = false;
            foreach (var item in items)
            {
                if (!item.IsName)
                {
                    present.Add(item.Word);
                    hasRole |= _rolesByFirst.ContainsKey(item.Word);
                }
            }

            slotFirst.Clear();
            foreach (var pattern in _patterns.StartingWithSlot)
            {
                if (Applies(pattern, hasRole, present))
                {
                    slotFirst.Add(pattern);
                }
            }

            for (var i = 0; i < items.Count; i++)
            {
                IReadOnlyList<RelationPattern>? candidates = items[i].IsName
                    ? slotFirst
                    : _patterns.TryStartingWith(items[i].Word, out var byWord) ? byWord : null;
                if (candidates is null)
                {
                    continue;
                }

                foreach (var pattern in candidates)
                {
                    if ((!items[i].IsName && !Applies(pattern, hasRole, present))
                        || (pattern.Elements[0] is SlotElement { Types: { } types } && items[i].Entity is { } first && !types.Contains(first.Type)
                            && !(i + 2 < items.Count && items[i + 1].Word.StartsWith('-'))))
                    {
                        continue;
                    }

                    matches.Clear();
                    var match = new Match();
                    Matches(pattern, 0, items, i, ref match, matches);
                    foreach (var found1 in matches)
                    {
                        Record(document, s, items, pattern, found1, found);
                    }
                }
            }
        }

        FromEvents(document, found);
        return [.. found.Values];
    }

    /// <summary>An armed group acting in an attack, a takeover or a clash operates in the event's places.</summary>
    private void FromEvents(AnalyzedDocument document, Dictionary<(string, EntityDraft, EntityDraft), RelationDraft> found)
    {
        if (!_schema.TryGetRelation("operates_in", out var operatesIn))
        {
            return;
        }

        foreach (var e in document.Events)
        {
            var everyPlace = _words.ControlEvents.Contains(e.Type);
            if (!everyPlace && !_words.PresenceEvents.Contains(e.Type))
            {
                continue;
            }

            var rule = _eventRules[e.Type];
            foreach (var actor in e.Actors.Where(a => a.Type == EntityType.ArmedGroup))
            {
                // Of an attack, the countries named after the trigger: one named before it is the scene of
                // something else ("France announced ... attacks in Mali"). A takeover keeps every place: the
                // town taken is often named first ("Kidal ... was driven out of the town by the MNLA").
                foreach (var place in e.Places.Where(p => everyPlace
                    || (p.Type == EntityType.Country && p.Mentions.Exists(m => m.Span.Start > e.Trigger.Start && e.Evidence.Contains(m.Span)))))
                {
                    Add(found, operatesIn, actor, place, rule, e.Evidence, null, false);
                }
            }
        }
    }

    private void Record(AnalyzedDocument document, int s, List<SentenceItem> items, RelationPattern pattern, Match match, Dictionary<(string, EntityDraft, EntityDraft), RelationDraft> found)
    {
        var type = pattern.Type ?? match.RoleKind!;
        if (type == "leads" && pattern.Elements[^1] is SlotElement { IsSource: false }
            && match.Target + 1 < items.Count && items[match.Target + 1].Word == "'s")
        {
            // "emir of AQIM's Saharan battalions": the role is over a part of Y, so a membership of Y.
            type = "affiliated_with";
        }

        if (type == "leads" && match.End + 1 < items.Count && items[match.End].Word == "in" && items[match.End + 1].Entity?.Type == EntityType.Place)
        {
            // "the French Army head in Gao": a local command, a membership of the whole.
            type = "affiliated_with";
        }

        if (!_schema.TryGetRelation(type, out var schema))
        {
            return;
        }

        var sources = pattern.SourceApposed ? [match.Source] : Coordinated(items, match.Source, towardsEnd: match.Source > match.Target);
        var targets = pattern.TargetApposed ? [match.Target] : Coordinated(items, match.Target, towardsEnd: match.Target > match.Source);
        foreach (var source in sources)
        {
            foreach (var target in targets)
            {
                var throughReference = items[source].Anaphor || items[target].Anaphor;
                var evidence = document.Sentences[s].Span;
                if (throughReference && s > 0 && !(Named(items[source].Entity!, evidence) && Named(items[target].Entity!, evidence)))
                {
                    // The reference's antecedent is in the sentence before: the evidence takes both.
                    evidence = new TextSpan(document.Sentences[s - 1].Span.Start, evidence.End);
                }

                Add(found, schema, items[source].Entity!, items[target].Entity!, pattern, evidence, match.Role, throughReference);
            }
        }
    }

    private static bool Named(EntityDraft entity, TextSpan sentence) => entity.Mentions.Exists(m => sentence.Contains(m.Span));

    private static void Add(
        Dictionary<(string, EntityDraft, EntityDraft), RelationDraft> found,
        RelationTypeSchema schema,
        EntityDraft source,
        EntityDraft target,
        RelationPattern pattern,
        TextSpan evidence,
        string? role,
        bool throughReference)
    {
        if (source == target
            || !(schema.Source.Contains(source.Type) && schema.Target.Contains(target.Type)) && !(!schema.Directed && schema.Allows(source.Type, target.Type)))
        {
            return;
        }

        if (!schema.Directed && source.FirstPosition > target.FirstPosition)
        {
            (source, target) = (target, source);
        }

        var confidence = throughReference ? pattern.Confidence * 0.8 : pattern.Confidence;
        if (schema.Name is "leads" or "affiliated_with")
        {
            // A person leads a body or belongs to it: the surer reading of the two wins.
            var other = schema.Name == "leads" ? "affiliated_with" : "leads";
            if (found.TryGetValue((other, source, target), out var rival))
            {
                if (rival.Confidence >= confidence)
                {
                    return;
                }

                found.Remove((other, source, target));
            }
        }

        var key = (schema.Name, source, target);
        if (!found.TryGetValue(key, out var existing) || existing.Confidence < confidence)
        {
            found[key] = new RelationDraft(schema.Name, source, target, role, evidence, "relations.patterns/1", pattern.Text, confidence);
        }
    }

    /// <summary>What a pattern bound: the items of its source and target, and the role noun if it has one.</summary>
    private const int MaxMatches = 8;

    private struct Match
    {
        public int Source;
        public int Target;
        public string? Role;
        public string? RoleKind;
        public int End;
    }

    /// <summary>
    /// Backtracking match of <paramref name="pattern"/>'s elements from <paramref name="e"/> against items
    /// from <paramref name="i"/>; every complete match goes to <paramref name="results"/> (a filler may
    /// stop before or after a demonym: "controls the Malian city of Gao" names Mali and Gao).
    /// Returns true when at least one complete match was found.
    /// </summary>
    private bool Matches(RelationPattern pattern, int e, List<SentenceItem> items, int i, ref Match match, List<Match> results)
    {
        if (e == pattern.Elements.Count)
        {
            match.End = i;
            results.Add(match);
            return true;
        }

        if (results.Count >= MaxMatches)
        {
            return false;
        }

        switch (pattern.Elements[e])
        {
            case StartElement:
                return i == FirstWordOf(items) && Matches(pattern, e + 1, items, i, ref match, results);

            case SlotElement slot:
                if (i + 1 < items.Count && items[i].Word == "the" && items[i + 1].IsName)
                {
                    // "pushed out the MNLA": the article belongs to the name.
                    i++;
                }

                if (i >= items.Count || !items[i].IsName)
                {
                    return false;
                }

                if (i + 2 < items.Count && items[i + 2].IsName && !items[i + 1].IsName && items[i + 1].Word.StartsWith('-')
                    && Matches(pattern, e, items, i + 2, ref match, results))
                {
                    // A name's hyphenated modifier is not the name: "the Mali-based MUJAO" can be just "MUJAO".
                    return true;
                }

                if (slot.Types is not null && !slot.Types.Contains(items[i].Entity!.Type))
                {
                    return false;
                }

                if (slot.IsSource)
                {
                    match.Source = i;
                }
                else
                {
                    match.Target = i;
                }

                return Matches(pattern, e + 1, items, i + 1, ref match, results);

            case WordElement word:
                if (i < items.Count && !items[i].IsName && Contains(word.Words, items[i].Word) && Matches(pattern, e + 1, items, i + 1, ref match, results))
                {
                    return true;
                }

                return word.Optional && Matches(pattern, e + 1, items, i, ref match, results);

            case FillerElement filler:
                if (!filler.CrossesNames && i < items.Count && items[i].Word is "and" or "or")
                {
                    // ", and to the leader of Y" starts another member of a list, not an apposition.
                    return Matches(pattern, e + 1, items, i, ref match, results);
                }

                for (var n = 0; n <= filler.Max; n++)
                {
                    if (Matches(pattern, e + 1, items, i + n, ref match, results) && !BeforeDemonym(items, i + n))
                    {
                        return true;
                    }

                    if (i + n >= items.Count || items[i + n].Break
                        || (!filler.CrossesNames && ((items[i + n].IsName && !items[i + n].Demonym) || items[i + n].Word == ",")))
                    {
                        return results.Count > 0;
                    }
                }

                return results.Count > 0;

            case RoleElement:
                if (i >= items.Count || items[i].IsName || !_rolesByFirst.TryGetValue(items[i].Word, out var roles))
                {
                    return false;
                }

                foreach (var (words, kind) in roles)
                {
                    if (i + words.Length > items.Count)
                    {
                        continue;
                    }

                    var all = true;
                    for (var k = 1; k < words.Length && all; k++)
                    {
                        all = !items[i + k].IsName && items[i + k].Word == words[k];
                    }

                    if (all)
                    {
                        // The longest role only: "director of research at Y" is not "director of ... Y".
                        match.Role = string.Join(' ', words);
                        match.RoleKind = kind;
                        return Matches(pattern, e + 1, items, i + words.Length, ref match, results);
                    }
                }

                return false;

            default:
                throw new InvalidOperationException($"unknown pattern element {pattern.Elements[e]}");
        }
    }

    /// <summary>True when a demonym ("the Malian") starts at <paramref name="i"/>: a filler that stopped there may also go past it.</summary>
    private static bool BeforeDemonym(List<SentenceItem> items, int i)
    {
        if (i < items.Count && items[i].Word == "the")
        {
            i++;
        }

        return i < items.Count && items[i].Demonym;
    }

    /// <summary>The first item that is not a bullet or an opening quotation: where "^" matches.</summary>
    private static int FirstWordOf(List<SentenceItem> items)
    {
        var i = 0;
        while (i < items.Count && !items[i].IsName && items[i].Word is "•" or "-" or "*" or "–" or "(")
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether a pattern can match somewhere in a sentence with these words (its anchor and role are there).</summary>
    private static bool Applies(RelationPattern pattern, bool hasRole, HashSet<string> present) =>
        (!pattern.HasRole || hasRole) && (pattern.Anchor is not { } anchor || AnyPresent(anchor, present));

    private static bool AnyPresent(IReadOnlyList<string> words, HashSet<string> present)
    {
        foreach (var w in words)
        {
            if (present.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> words, string word)
    {
        foreach (var w in words)
        {
            if (w == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The item at <paramref name="at"/> and the names coordinated with it on the side away from the
    /// rest of the pattern ("A, B and C" or "A as well as B"), as long as they have the same kind of type.
    /// </summary>
    private static List<int> Coordinated(List<SentenceItem> items, int at, bool towardsEnd)
    {
        var result = new List<int> { at };
        var kind = Kind(items[at].Entity!.Type);
        var step = towardsEnd ? 1 : -1;
        var i = at;
        var sawAnd = false;
        while (true)
        {
            var j = i + step;
            var sawJoin = false;
            while (j >= 0 && j < items.Count && !items[j].IsName && items[j].Word is "," or "and" or "as" or "well" or "the" or "/")
            {
                sawJoin |= items[j].Word is "," or "and" or "/";
                j += step;
            }

            if (!sawJoin || j < 0 || j >= items.Count || !items[j].IsName || items[j].Anaphor || Kind(items[j].Entity!.Type) != kind
                || (j + 1 < items.Count && items[j + 1].Word == "'s"))
            {
                // Commas alone make a list only when an "and" closes it; otherwise they set off an apposition.
                return sawAnd ? result : [at];
            }

            sawAnd |= Between(items, i, j).Any(k => items[k].Word is "and" or "well" or "/");
            result.Add(j);
            i = j;
        }
    }

    private static IEnumerable<int> Between(List<SentenceItem> items, int a, int b) =>
        Enumerable.Range(Math.Min(a, b) + 1, Math.Abs(b - a) - 1);

    private static int Kind(EntityType type) => type switch
    {
        EntityType.ArmedGroup or EntityType.Organization => 0,
        EntityType.Person => 1,
        EntityType.Country or EntityType.Place => 2,
        _ => 3,
    };
}
