using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;
using Harmattan.Store.Resolution;

namespace Harmattan.Exchange.Briefing;

// The actors' subsections: what each actor is and wants (its attributes) and whom it works with or opposes (its
// relations), each fact stated once in the briefing with all the sources read for it.
public sealed partial class BriefBuilder
{
    private static readonly HashSet<string> Wants = new(StringComparer.Ordinal) { "goal", "ideology" };

    /// <summary>
    /// One sentence of an actor's subsection and the sources of the facts it states. A relation's statement is shared
    /// by the subsections of both its parties and shown in the first that lists it.
    /// </summary>
    private sealed class Statement(string text)
    {
        public string Text { get; } = text;

        public List<FactSource> Sources { get; } = [];
    }

    private List<BriefSection> Actors(KnowledgeStore store, BriefSubject subject, DatePeriod period, BriefFacts facts, List<AttributeFact> described, BriefNotes notes)
    {
        static bool IsActor(EntityRef e) => e.Type is EntityType.ArmedGroup or EntityType.Organization or EntityType.Person or EntityType.Country or EntityType.PeopleGroup;

        // The subject first, then the actors the facts read name most.
        var named = facts.Relations.Items.SelectMany(r => new[] { r.Source, r.Target })
            .Concat(facts.Events.Items.SelectMany(e => e.Actors))
            .Concat(facts.Claims.Select(c => c.Speaker))
            .Concat(facts.Claims.SelectMany(c => c.About))
            .ToList();
        var weight = named.CountBy(e => e.Id).ToDictionary(StringComparer.Ordinal);
        var ranked = named.DistinctBy(e => e.Id, StringComparer.Ordinal)
            .Where(IsActor)
            .OrderByDescending(e => e.Id == subject.Actor?.Id)
            .ThenByDescending(e => weight[e.Id])
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(MaxActors)
            .ToList();

        var relationStatements = new Dictionary<string, Statement>(StringComparer.Ordinal);
        var names = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var drafts = new List<(EntityRef Actor, List<Statement> Statements)>();
        foreach (var actor in ranked)
        {
            var own = actor.Id == subject.Actor?.Id;
            var relations = own ? facts.Relations.Items : store.RelationsPage(new RelationFilter(period), actor, 0, _limits.FactsPerActor).Items;
            var attributes = own ? facts.Attributes
                : store.ActorAttributes(actor, 0, _limits.FactsPerActor).Items.Where(x => period.Overlaps(x.From.Date)).ToList();
            if (!own)
            {
                described.AddRange(attributes);
            }

            drafts.Add((actor, Describe(store, actor, relations, attributes, relationStatements, names)));
        }

        // Each sentence once: in the first subsection that lists it among its first few; a subsection left with
        // nothing new is not written.
        var stated = new HashSet<Statement>();
        var sections = new List<BriefSection>();
        foreach (var (actor, statements) in drafts)
        {
            var shown = new List<Statement>();
            foreach (var statement in statements)
            {
                if (shown.Count < MaxActorSentences && stated.Add(statement))
                {
                    shown.Add(statement);
                }
            }

            if (shown.Count > 0)
            {
                sections.Add(new BriefSection(
                    $"{actor.Name} ({Label(actor.Type)})",
                    3,
                    shown.Select(x => new BriefSentence(x.Text, notes.Cite(x.Sources, MaxNotesPerSentence))).ToList(),
                    true));
            }
        }

        return sections;
    }

    /// <summary>
    /// The sentences on one actor, its attributes (what it wants first) then its relations (the most stated first).
    /// A relation is one sentence whichever way an undirected one was stated, shared through
    /// <paramref name="relationStatements"/> with the other party's subsection; an attribute that restates one of
    /// the relations ("Ansar Dine is led by Iyad Ag Ghali" beside "Iyad Ag Ghaly leads Ansar Dine") adds its
    /// source to it; attributes of one name and value (or spelling of the value) are one sentence.
    /// </summary>
    private List<Statement> Describe(
        KnowledgeStore store,
        EntityRef actor,
        IReadOnlyList<RelationFact> relations,
        IReadOnlyList<AttributeFact> attributes,
        Dictionary<string, Statement> relationStatements,
        Dictionary<string, IReadOnlyList<string>> names)
    {
        var linked = new List<(Statement Statement, List<RelationFact> Facts)>();
        foreach (var group in relations.GroupBy(RelationKey, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            var facts = group.ToList();
            if (!relationStatements.TryGetValue(group.Key, out var statement))
            {
                statement = new Statement(RelationText(facts));
                relationStatements[group.Key] = statement;
            }

            AddSources(statement, facts.Select(r => r.From));
            linked.Add((statement, facts));
        }

        var properties = new List<(AttributeFact First, Statement Statement)>();
        foreach (var x in attributes.OrderByDescending(x => Wants.Contains(x.Name)))
        {
            var statement = Restated(store, actor, x, linked, names)
                ?? properties.FirstOrDefault(p => p.First.Name == x.Name && p.First.Speaker?.Id == x.Speaker?.Id && SameName(p.First.Value, x.Value)).Statement;
            if (statement is null)
            {
                statement = new Statement(AttributeText(actor, x));
                properties.Add((x, statement));
            }

            AddSources(statement, [x.From]);
        }

        return [.. properties.Select(p => p.Statement), .. linked.Select(l => l.Statement)];
    }

    private static void AddSources(Statement statement, IEnumerable<FactSource> from)
    {
        foreach (var source in from)
        {
            if (!statement.Sources.Exists(s => SameSentence(s, source)))
            {
                statement.Sources.Add(source);
            }
        }
    }

    /// <summary>
    /// The relation of the actor an attribute restates: the attribute's value names the relation's other party (by its
    /// name, an alias, or a spelling one letter off in each word) and the attribute was read from one of the
    /// relation's sentences, or it is a leader and the relation says who leads the actor.
    /// </summary>
    private static Statement? Restated(
        KnowledgeStore store,
        EntityRef actor,
        AttributeFact attribute,
        List<(Statement Statement, List<RelationFact> Facts)> linked,
        Dictionary<string, IReadOnlyList<string>> names)
    {
        foreach (var (statement, facts) in linked)
        {
            var r = facts[0];
            var other = r.Source.Id == actor.Id ? r.Target : r.Source;
            var leads = attribute.Name == "leader" && r.Type == "leads" && r.Target.Id == actor.Id;
            if (other.Id != actor.Id
                && (leads || facts.Exists(f => SameSentence(f.From, attribute.From)))
                && NamesOf(store, other, names).Any(n => SameName(n, attribute.Value)))
            {
                return statement;
            }
        }

        return null;
    }

    /// <summary>An entity's name and the spellings it was stored under, read once per briefing.</summary>
    private static IReadOnlyList<string> NamesOf(KnowledgeStore store, EntityRef entity, Dictionary<string, IReadOnlyList<string>> known)
    {
        if (!known.TryGetValue(entity.Id, out var names))
        {
            names = [entity.Name, .. store.EntityAliases(entity)];
            known[entity.Id] = names;
        }

        return names;
    }

    /// <summary>Whether two names are one: the same once folded ("Iyad ag Ghali", "Iyad Ag Ghali"), or one letter off in each word ("Ghali", "Ghaly").</summary>
    private static bool SameName(string a, string b)
    {
        var (x, y) = (NameKey.Fold(a), NameKey.Fold(b));
        return string.Equals(x, y, StringComparison.Ordinal) || (x.Length > 0 && y.Length > 0 && NameSimilarity.Close(x, y, oneEditPerWord: true) is not null);
    }

    /// <summary>A relation's identity in a briefing: its type and parties, in either order when the type is undirected.</summary>
    private string RelationKey(RelationFact r)
    {
        var (a, b) = (r.Source.Id, r.Target.Id);
        if (!Directed(r.Type) && string.CompareOrdinal(a, b) > 0)
        {
            (a, b) = (b, a);
        }

        return string.Join('|', r.Type, a, b);
    }

    private bool Directed(string type) => !context.Schema.TryGetRelation(type, out var schema) || schema.Directed;

    /// <summary>
    /// The sentence of one relation stated one or more times: an undirected one in the direction it was stated most
    /// (the latest first on a tie), with a role when a statement gives one.
    /// </summary>
    private string RelationText(List<RelationFact> facts)
    {
        var stated = Directed(facts[0].Type)
            ? facts
            : facts.GroupBy(r => r.Source.Id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().ToList();
        var r = stated.Find(x => x.Role is not null) ?? stated[0];
        var key = r.Role is not null && phrases.Has($"relation.{r.Type}.role") ? $"relation.{r.Type}.role"
            : phrases.Has("relation." + r.Type) ? "relation." + r.Type : "relation.default";
        var label = context.Schema.TryGetRelation(r.Type, out var schema) ? schema.Label : r.Type;
        return phrases.Fill(phrases.For(key, r.Source.Name), ("source", r.Source.Name), ("target", r.Target.Name), ("label", label), ("role", r.Role ?? ""));
    }

    /// <summary>An attribute's sentence; one a named source gives says who.</summary>
    private string AttributeText(EntityRef actor, AttributeFact x)
    {
        var key = phrases.Has("attribute." + x.Name) ? "attribute." + x.Name : "attribute.default";
        (string, string)[] values = [("entity", actor.Name), ("name", x.Name), ("value", x.Value), ("surface", x.Surface)];
        var text = phrases.Fill(phrases.For(key, actor.Name), values);
        return x.Speaker is null ? text : phrases.Fill("attribute.by", [.. values, ("speaker", x.Speaker.Name), ("statement", text)]);
    }
}
