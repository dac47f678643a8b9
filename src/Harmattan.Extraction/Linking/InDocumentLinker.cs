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

        // The first cluster seen for each registry id and for each folded name.
        var byRegistryId = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var byName = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var byNameSpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[64];

        foreach (var mention in document.Mentions)
        {
            Cluster? target = null;
            if (mention.RegistryId is { } rid && byRegistryId.TryGetValue(rid, out var r))
            {
                target = r;
            }
            else if (mention.Canonical is { } canonical && mention.Component == "mentions.definition/1")
            {
                target = clusters.FindLast(c => c.Mentions.Exists(m => m.Span.SliceOf(text).SequenceEqual(canonical)));
            }

            var nameKey = NameKey.Fold(mention.Span.SliceOf(text), ref buffer);
            if (target is null && byNameSpan.TryGetValue(nameKey, out var n) && (Compatible(n.Type, mention.Type) || SameBodyRetyped(n, mention)))
            {
                target = n;
            }

            if (target is null)
            {
                target = new Cluster();
                clusters.Add(target);
            }

            target.Add(mention);
            if (!byNameSpan.ContainsKey(nameKey))
            {
                byName.Add(new string(nameKey), target);
            }

            if (target.RegistryId is { } id)
            {
                byRegistryId.TryAdd(id, target);
            }
        }

        MergeAcronyms(text, clusters);
        MergeSlashedNames(text, clusters);
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
            if (TownIsSurname(text, part, people))
            {
                clusters.Remove(part);
                continue;
            }

            if (part.RegistryId is not null && part.Type != EntityType.Person)
            {
                continue;
            }

            if (part.Type is not (EntityType.Person or EntityType.Place or EntityType.Organization) || part.HasStrongNonPersonEvidence)
            {
                continue;
            }

            var words = part.LongestKeys(text);
            var owners = people.Where(p => p != part && p.LongestKeys(text).Length > words.Length && IsEdgePart(words, p.LongestKeys(text))).ToList();
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

    /// <summary>
    /// "General Salou Djibo ... Djibo later said": a one-word place whose every mention comes after a
    /// person of the document with that surname is the person (the town is a namesake). Absorbs it and
    /// returns true.
    /// </summary>
    private static bool TownIsSurname(string text, Cluster part, List<Cluster> people)
    {
        if (part.Type != EntityType.Place || part.Mentions.Exists(m => m.Kind != MentionKind.Name))
        {
            return false;
        }

        var words = part.LongestWords(text);
        if (words.Length != 1)
        {
            return false;
        }

        var owners = people.Where(p => p != part && p.LongestWords(text) is { Length: >= 2 } whole
            && NameKey.Fold(whole[^1]) == NameKey.Fold(words[0]) && p.FirstPosition < part.FirstPosition).ToList();
        if (owners.Count != 1)
        {
            return false;
        }

        foreach (var m in part.Mentions)
        {
            // The mention is the person's now, not the registry's town.
            owners[0].Add(m with { Type = EntityType.Person, RegistryId = null, Canonical = null });
        }

        return true;
    }

    /// <summary>Both arguments are folded words (<see cref="Cluster.LongestKeys"/>).</summary>
    /// <summary>
    /// "Yahya Abu al-Hammam/Djamel Okacha": two people's names joined by a slash alone are two names of one
    /// person (a nom de guerre and a civil name), as reports list them.
    /// </summary>
    private static void MergeSlashedNames(string text, List<Cluster> clusters)
    {
        var owner = new Dictionary<MentionCandidate, Cluster>(ReferenceEqualityComparer.Instance);
        foreach (var c in clusters)
        {
            foreach (var m in c.Mentions)
            {
                owner[m] = c;
            }
        }

        var people = owner.Keys.Where(m => m.Type == EntityType.Person && m.Kind == MentionKind.Name).OrderBy(m => m.Span.Start).ToList();
        for (var k = 0; k + 1 < people.Count; k++)
        {
            var (a, b) = (people[k], people[k + 1]);
            if (text.AsSpan(a.Span.End, b.Span.Start - a.Span.End).Trim() is not "/" || owner[a] == owner[b]
                || owner[a].Type != EntityType.Person || owner[b].Type != EntityType.Person)
            {
                continue;
            }

            var kept = owner[a];
            var gone = owner[b];
            kept.Absorb(gone);
            clusters.Remove(gone);
            foreach (var m in gone.Mentions)
            {
                owner[m] = kept;
            }
        }
    }

    private static bool IsEdgePart(string[] part, string[] whole)
    {
        static bool Same(string a, string b) => a == b;
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

                if (NearSpelling(x.LongestKeys(text), y.LongestKeys(text)) || SurnameNearSpelling(x.LongestKeys(text), y.LongestKeys(text)))
                {
                    x.Absorb(y);
                    clusters.RemoveAt(b);
                    b--;
                }
            }
        }
    }

    /// <summary>Both arguments are folded words (<see cref="Cluster.LongestKeys"/>).</summary>
    private static bool NearSpelling(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differing = 0;
        for (var k = 0; k < a.Length; k++)
        {
            var fa = a[k];
            var fb = b[k];
            if (fa == fb)
            {
                continue;
            }

            if (++differing > 1 || Math.Min(fa.Length, fb.Length) < 4 || EditDistance(fa, fb) > 1)
            {
                return false;
            }
        }

        return differing == 1 && a.Length >= 2 || (a.Length == 1 && differing == 1 && a[0].Length >= 6);
    }

    /// <summary>"Bassolet" for the "Bassole" of "Djibril Bassole"; both arguments are folded words.</summary>
    private static bool SurnameNearSpelling(string[] a, string[] b)
    {
        var (single, full) = a.Length == 1 ? (a, b) : (b, a);
        if (single.Length != 1 || full.Length < 2)
        {
            return false;
        }

        var s = single[0];
        var last = full[^1];
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

        // One mark per character inside a mention: a token overlaps a mention when one of its
        // characters is marked (mentions and tokens are never empty; an empty span is checked as before).
        var covered = new bool[text.Length];
        var emptySpans = new List<TextSpan>();
        foreach (var span in document.Mentions.Select(m => m.Span).Concat(clusters.SelectMany(c => c.Mentions).Select(m => m.Span)))
        {
            if (span.Length == 0)
            {
                emptySpans.Add(span);
            }

            covered.AsSpan(span.Start, span.Length).Fill(true);
        }

        var byWord = parts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in document.Tokens)
        {
            if (!byWord.TryGetValue(token.Span.SliceOf(text), out var owner) || owner is null
                || covered.AsSpan(token.Span.Start, token.Span.Length).Contains(true) || emptySpans.Exists(s => s.Overlaps(token.Span)))
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
        private static readonly int TypeCount = Enum.GetValues<EntityType>().Length;

        public List<MentionCandidate> Mentions { get; } = [];

        private EntityType? _type;
        private string[]? _longestWords;
        private string[]? _longestKeys;

        public string? RegistryId { get; private set; }

        /// <summary>Decided from the mentions when first asked after a change, not on every added mention.</summary>
        public EntityType Type => _type ??= DecideType();

        public int FirstPosition => Mentions.Count == 0 ? int.MaxValue : Mentions.Min(m => m.Span.Start);

        /// <summary>Registry, definition or head-word evidence that the entity is not a person.</summary>
        public bool HasStrongNonPersonEvidence => Mentions.Exists(m =>
            m.Type != EntityType.Person && (m.RegistryId is not null || m.Rule is "head-word" or "long-name(acronym)" or "demonym+institution"));

        public void Add(MentionCandidate mention)
        {
            Mentions.Add(mention);
            RegistryId ??= mention.RegistryId;
            _type = null;
            _longestWords = null;
            _longestKeys = null;
        }

        public void Absorb(Cluster other)
        {
            foreach (var m in other.Mentions)
            {
                Add(m);
            }
        }

        /// <summary>The words of the longest name (kept until a mention is added; do not modify).</summary>
        public string[] LongestWords(string text) => _longestWords ??= ComputeLongestWords(text);

        /// <summary><see cref="LongestWords"/> folded by <see cref="NameKey.Fold(string)"/>, word by word.</summary>
        public string[] LongestKeys(string text) => _longestKeys ??= [.. LongestWords(text).Select(NameKey.Fold)];

        private string[] ComputeLongestWords(string text)
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

            // The type with the best score, its strongest confidence plus 0.05 per mention; on a tie
            // the type mentioned first (what a stable sort of the groups in order of appearance gives).
            Span<(EntityType Type, double Max, int Count)> groups = stackalloc (EntityType, double, int)[TypeCount];
            var groupCount = 0;
            foreach (var m in Mentions)
            {
                var g = 0;
                while (g < groupCount && groups[g].Type != m.Type)
                {
                    g++;
                }

                if (g == groupCount)
                {
                    groups[groupCount++] = (m.Type, m.Confidence, 1);
                }
                else
                {
                    groups[g] = (m.Type, Math.Max(groups[g].Max, m.Confidence), groups[g].Count + 1);
                }
            }

            var best = 0;
            var bestScore = groups[0].Max + (0.05 * groups[0].Count);
            for (var g = 1; g < groupCount; g++)
            {
                var score = groups[g].Max + (0.05 * groups[g].Count);
                if (score > bestScore)
                {
                    best = g;
                    bestScore = score;
                }
            }

            return groups[best].Type;
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
