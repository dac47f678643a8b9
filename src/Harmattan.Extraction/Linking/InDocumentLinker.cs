using Harmattan.Extraction.Mentions;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Extraction.Linking;

/// <summary>
/// Groups the document's mentions into entities, one per real-world entity: the same registry entry,
/// an acronym and its expansion (defined in the text, or matching a name's initials), a surname or
/// first name and the full name of a person, and near-identical spellings of one name ("Iyag"/"Iyad",
/// "Bassole"/"Bassolet"). Each entity is named by its fullest form in the text and typed by its most
/// trusted evidence. A final pass finds the later bare surnames ("Willey said") that no recogniser
/// proposed.
/// </summary>
public sealed class InDocumentLinker(ActorRegistry registry) : IComponent
{
    private static readonly HashSet<string> AcronymSkips = new(StringComparer.OrdinalIgnoreCase) { "of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "le", "l'", "d'", "et", "al", "el" };

    public string Name => "entities.linker/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Mentions];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Entities];

    public void Process(AnalyzedDocument document)
    {
        var entities = Link(document);
        document.Entities.Clear();
        document.Entities.AddRange(entities);
    }

    public List<EntityDraft> Link(AnalyzedDocument document)
    {
        var text = document.Text;
        var clusters = new List<Cluster>();
        var byKey = new Dictionary<string, Cluster>(StringComparer.Ordinal);

        foreach (var mention in document.Mentions)
        {
            var surface = mention.Span.Of(text);
            Cluster? target = null;
            if (mention.RegistryId is { } rid && byKey.TryGetValue("reg:" + rid, out var r))
            {
                target = r;
            }
            else if (mention.Canonical is { } canonical && mention.Component == "mentions.definition/1")
            {
                target = clusters.FindLast(c => c.Mentions.Exists(m => m.Span.Of(text) == canonical));
            }

            var nameKey = "name:" + NameKey.Fold(surface);
            if (target is null && byKey.TryGetValue(nameKey, out var n) && (Compatible(n.Type, mention.Type) || SameBodyRetyped(n, mention)))
            {
                target = n;
            }

            if (target is null)
            {
                target = new Cluster();
                clusters.Add(target);
            }

            target.Add(mention);
            byKey.TryAdd(nameKey, target);
            if (target.RegistryId is { } id)
            {
                byKey.TryAdd("reg:" + id, target);
            }
        }

        MergeAcronyms(text, clusters);
        MergePartialPersonNames(text, clusters);
        MergeShortBodyNames(text, clusters);
        MergeNearSpellings(text, clusters);
        AddBareNameMentions(document, clusters);

        return clusters
            .Where(c => c.Mentions.Count > 0 && c.Mentions.Max(m => m.Confidence) >= 0.45)
            .Select(c => c.ToDraft(text, registry, Name))
            .OrderBy(e => e.FirstPosition)
            .ToList();
    }

    /// <summary>An unknown acronym joins the one multi-word name of the document whose initials spell it.</summary>
    private static void MergeAcronyms(string text, List<Cluster> clusters)
    {
        foreach (var acronym in clusters.ToList())
        {
            if (acronym.RegistryId is not null || !acronym.Mentions.TrueForAll(m => m.Kind == MentionKind.Acronym))
            {
                continue;
            }

            var letters = acronym.Mentions[0].Span.Of(text).Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
            var matches = clusters.Where(c => c != acronym && c.Mentions.Exists(m =>
                m.Kind == MentionKind.Name && Initials(m.Span.Of(text)).SequenceEqual(letters))).ToList();
            if (matches.Count == 1)
            {
                matches[0].Absorb(acronym);
                clusters.Remove(acronym);
            }
        }
    }

    private static char[] Initials(string name) =>
        [.. name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]) && !AcronymSkips.Contains(w))
            .Select(w => char.ToUpperInvariant(w[0]))];

    /// <summary>
    /// "Siegle" joins "Joseph Siegle", "Ag Hamad Ahmed" joins "Bakai Ag Hamad Ahmed": a cluster whose
    /// names are all a leading or trailing part of one person's full name is that person.
    /// </summary>
    private static void MergePartialPersonNames(string text, List<Cluster> clusters)
    {
        var people = clusters.Where(c => c.Type == EntityType.Person && c.LongestWords(text).Length >= 2).ToList();
        foreach (var part in clusters.ToList())
        {
            if (part.RegistryId is not null && part.Type != EntityType.Person)
            {
                continue;
            }

            if (part.Type is not (EntityType.Person or EntityType.Place or EntityType.Organization) || part.HasStrongNonPersonEvidence)
            {
                continue;
            }

            var words = part.LongestWords(text);
            var owners = people.Where(p => p != part && p.LongestWords(text).Length > words.Length && IsEdgePart(words, p.LongestWords(text))).ToList();
            if (owners.Count == 0)
            {
                continue;
            }

            // Several people share the word: the nearest one named before it.
            var start = part.FirstPosition;
            var owner = owners.Where(o => o.FirstPosition <= start).OrderByDescending(o => o.FirstPosition).FirstOrDefault() ?? owners[0];
            owner.Absorb(part);
            clusters.Remove(part);
            people.Remove(part);
        }
    }

    /// <summary>
    /// "High Council" and "Azawad High Council" join "High Council for the Unity of the Azawad": a
    /// body's name of two words or more that opens exactly one longer body name of the document (which
    /// goes on with "for", "of" or "in"), or whose words all stand in it, is that body's short name.
    /// </summary>
    private static void MergeShortBodyNames(string text, List<Cluster> clusters)
    {
        static bool IsBody(Cluster c) => c.Type is EntityType.ArmedGroup or EntityType.Organization;
        foreach (var part in clusters.Where(IsBody).ToList())
        {
            if (part.RegistryId is not null || !part.Mentions.TrueForAll(m => m.Kind == MentionKind.Name))
            {
                continue;
            }

            var words = part.LongestWords(text);
            if (words.Length < 2)
            {
                continue;
            }

            var folded = words.Select(NameKey.Fold).ToArray();
            var owners = clusters.Where(o => o != part && IsBody(o) && o.LongestWords(text) is var whole
                && whole.Length > words.Length + 1
                && (whole[words.Length] is "for" or "of" or "in"
                    ? folded.SequenceEqual(whole.Take(words.Length).Select(NameKey.Fold))
                    : folded.All(w => whole.Any(x => NameKey.Fold(x) == w)))).ToList();
            if (owners.Count == 1)
            {
                owners[0].Absorb(part);
                clusters.Remove(part);
            }
        }
    }

    private static bool IsEdgePart(string[] part, string[] whole)
    {
        bool Same(string a, string b) => NameKey.Fold(a) == NameKey.Fold(b);
        var prefix = true;
        var suffix = true;
        for (var k = 0; k < part.Length; k++)
        {
            prefix &= Same(part[k], whole[k]);
            suffix &= Same(part[k], whole[whole.Length - part.Length + k]);
        }

        return prefix || suffix;
    }

    /// <summary>Two clusters of one type whose names differ by one letter in a long word are one entity.</summary>
    private static void MergeNearSpellings(string text, List<Cluster> clusters)
    {
        for (var a = 0; a < clusters.Count; a++)
        {
            for (var b = a + 1; b < clusters.Count; b++)
            {
                var x = clusters[a];
                var y = clusters[b];
                if (x.Type != y.Type || (x.RegistryId is not null && y.RegistryId is not null) || x.Type is EntityType.Country)
                {
                    continue;
                }

                if (NearSpelling(x.LongestWords(text), y.LongestWords(text)) || SurnameNearSpelling(x.LongestWords(text), y.LongestWords(text)))
                {
                    x.Absorb(y);
                    clusters.RemoveAt(b);
                    b--;
                }
            }
        }
    }

    private static bool NearSpelling(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differing = 0;
        for (var k = 0; k < a.Length; k++)
        {
            var fa = NameKey.Fold(a[k]);
            var fb = NameKey.Fold(b[k]);
            if (fa == fb)
            {
                continue;
            }

            if (++differing > 1 || Math.Min(fa.Length, fb.Length) < 4 || EditDistance(fa, fb) > 1)
            {
                return false;
            }
        }

        return differing == 1 && a.Length >= 2 || (a.Length == 1 && differing == 1 && NameKey.Fold(a[0]).Length >= 6);
    }

    /// <summary>"Bassolet" for the "Bassole" of "Djibril Bassole".</summary>
    private static bool SurnameNearSpelling(string[] a, string[] b)
    {
        var (single, full) = a.Length == 1 ? (a, b) : (b, a);
        if (single.Length != 1 || full.Length < 2)
        {
            return false;
        }

        var s = NameKey.Fold(single[0]);
        var last = NameKey.Fold(full[^1]);
        return s.Length >= 6 && last.Length >= 6 && s != last && EditDistance(s, last) <= 1;
    }

    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Later bare mentions of a person by surname or first name ("Willey pointed out") that no recogniser
    /// proposed, because a capitalised single word alone says little.
    /// </summary>
    private static void AddBareNameMentions(AnalyzedDocument document, List<Cluster> clusters)
    {
        var text = document.Text;
        var parts = new Dictionary<string, Cluster?>(StringComparer.Ordinal);
        foreach (var person in clusters.Where(c => c.Type == EntityType.Person))
        {
            var words = person.LongestWords(text);
            if (words.Length < 2)
            {
                continue;
            }

            foreach (var word in new[] { words[0], words[^1] })
            {
                if (word.Length < 3 || !char.IsUpper(word[0]))
                {
                    continue;
                }

                // A word two people share identifies neither.
                parts[word] = parts.TryGetValue(word, out var existing) && existing != person ? null : person;
            }
        }

        if (parts.Count == 0)
        {
            return;
        }

        var covered = document.Mentions.Select(m => m.Span).Concat(clusters.SelectMany(c => c.Mentions).Select(m => m.Span)).ToList();
        foreach (var token in document.Tokens)
        {
            if (!parts.TryGetValue(token.Span.Of(text), out var owner) || owner is null || covered.Exists(s => s.Overlaps(token.Span)))
            {
                continue;
            }

            owner.Add(new MentionCandidate(token.Span, EntityType.Person, MentionKind.Name, "entities.linker/1", "bare-name", 0.7));
        }
    }

    private static bool Compatible(EntityType a, EntityType b) => a == b;

    /// <summary>
    /// A name already given to a registry entry, or an acronym already defined, that a later mention
    /// types only from its context as the other kind of body (armed group or organisation) is still
    /// the same body: "The al-Mulathamun Battalion (AMB)" then "AMB's sub-battalion".
    /// </summary>
    private static bool SameBodyRetyped(Cluster existing, MentionCandidate mention) =>
        existing.Type is EntityType.ArmedGroup or EntityType.Organization
        && mention.Type is EntityType.ArmedGroup or EntityType.Organization
        && mention.RegistryId is null
        && (existing.RegistryId is not null || mention.Kind == MentionKind.Acronym);

    private sealed class Cluster
    {
        public List<MentionCandidate> Mentions { get; } = [];

        public string? RegistryId { get; private set; }

        public EntityType Type { get; private set; }

        public int FirstPosition => Mentions.Count == 0 ? int.MaxValue : Mentions.Min(m => m.Span.Start);

        /// <summary>Registry, definition or head-word evidence that the entity is not a person.</summary>
        public bool HasStrongNonPersonEvidence => Mentions.Exists(m =>
            m.Type != EntityType.Person && (m.RegistryId is not null || m.Rule is "head-word" or "long-name(acronym)" or "demonym+institution"));

        public void Add(MentionCandidate mention)
        {
            Mentions.Add(mention);
            RegistryId ??= mention.RegistryId;
            Type = DecideType();
        }

        public void Absorb(Cluster other)
        {
            foreach (var m in other.Mentions)
            {
                Add(m);
            }
        }

        public string[] LongestWords(string text)
        {
            var best = Mentions.Where(m => m.Kind == MentionKind.Name).Select(m => m.Span.Of(text))
                .OrderByDescending(s => s.Count(c => c == ' ')).ThenByDescending(s => s.Length).FirstOrDefault()
                ?? Mentions[0].Span.Of(text);
            return best.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        private EntityType DecideType()
        {
            var fromRegistry = Mentions.FirstOrDefault(m => m.RegistryId is not null && m.Kind != MentionKind.Demonym)
                ?? Mentions.FirstOrDefault(m => m.RegistryId is not null);
            if (fromRegistry is not null && fromRegistry.Rule != "demonym+institution")
            {
                return fromRegistry.Type;
            }

            return Mentions.GroupBy(m => m.Type)
                .OrderByDescending(g => g.Max(m => m.Confidence) + (0.05 * g.Count()))
                .First().Key;
        }

        public EntityDraft ToDraft(string text, ActorRegistry registry, string component)
        {
            var names = Mentions.Where(m => m.Kind == MentionKind.Name).Select(m => m.Span.Of(text)).ToList();
            var name = names
                .OrderByDescending(s => s.Count(c => c == ' ') + 1)
                .ThenByDescending(s => s.Length)
                .FirstOrDefault();
            if (name is null)
            {
                // Only acronyms or demonyms: a defined expansion or the registry's name stands for it.
                name = Mentions.Select(m => m.Canonical).FirstOrDefault(c => c is not null && Mentions.TrueForAll(m => m.Kind == MentionKind.Demonym))
                    ?? Mentions.Where(m => m.Kind == MentionKind.Acronym).Select(m => m.Span.Of(text)).FirstOrDefault()
                    ?? (RegistryId is { } rid && registry.TryGet(rid, out var entry) ? entry.Name : null)
                    ?? Mentions[0].Span.Of(text);
            }

            var draft = new EntityDraft(Type, name, RegistryId)
            {
                Component = component,
                Confidence = Mentions.Max(m => m.Confidence),
            };
            draft.Mentions.AddRange(Mentions.OrderBy(m => m.Span.Start));
            return draft;
        }
    }
}
