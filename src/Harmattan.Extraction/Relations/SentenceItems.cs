using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Relations;

/// <summary>
/// One element of a sentence as relation patterns see it: a named entity (however many tokens its name
/// has), or one token lower-cased. <see cref="Break"/> marks a clause boundary no filler crosses;
/// <see cref="Anaphor"/> marks a reference ("its", "the group") already resolved to <see cref="Entity"/>.
/// </summary>
public readonly record struct SentenceItem(string Word, EntityDraft? Entity, TextSpan Span, bool Break, bool Anaphor, bool Demonym = false)
{
    public bool IsName => Entity is not null;

    public override string ToString() => Entity is null ? Word : $"[{Entity.Type} {Entity.Name}]";
}

/// <summary>
/// The closed-class words relation matching needs (<c>relation-words.tsv</c>): clause breaks and the
/// references that stand for the last named group.
/// </summary>
public sealed class RelationWords
{
    private RelationWords(HashSet<string> breaks, HashSet<string> groupAnaphors, HashSet<string> personAnaphors, HashSet<string> presenceEvents, HashSet<string> controlEvents)
    {
        PersonAnaphors = personAnaphors;
        AnaphorFirstWords = groupAnaphors.Where(a => a.Contains(' ', StringComparison.Ordinal))
            .Select(a => a[..a.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        ControlEvents = controlEvents;
        Breaks = breaks;
        GroupAnaphors = groupAnaphors;
        PresenceEvents = presenceEvents;
    }

    /// <summary>Pronouns (lower case) that stand for the last person named: "he", "his".</summary>
    public IReadOnlySet<string> PersonAnaphors { get; }

    /// <summary>Event types whose armed-group actors operate in the event's countries (an attack in Mali).</summary>
    public IReadOnlySet<string> PresenceEvents { get; }

    /// <summary>Event types whose armed-group actors operate in every place of the event (a takeover of Gao).</summary>
    public IReadOnlySet<string> ControlEvents { get; }

    /// <summary>Tokens (lower case) that end a clause for the fillers of a pattern.</summary>
    public IReadOnlySet<string> Breaks { get; }

    /// <summary>The first words of the references of two or three words ("the"): only they start a longer look.</summary>
    public IReadOnlySet<string> AnaphorFirstWords { get; }

    /// <summary>References to a group of one to three words ("its", "the group", "the new group"), lower case.</summary>
    public IReadOnlySet<string> GroupAnaphors { get; }

    public static RelationWords Load(DataDirectory data)
    {
        var path = Path.Combine(data.Lexicon("en"), "relation-words.tsv");
        var breaks = new HashSet<string>(StringComparer.Ordinal);
        var anaphors = new HashSet<string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        var presence = new HashSet<string>(StringComparer.Ordinal);
        var control = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(path, 2, 2))
        {
            var set = row[1] switch
            {
                "break" => breaks,
                "group-anaphor" => anaphors,
                "person-anaphor" => people,
                "presence-event" => presence,
                "control-event" => control,
                _ => throw row.Error($"the role must be break, group-anaphor, person-anaphor, presence-event or control-event, not '{row[1]}'"),
            };
            if (row[1] == "group-anaphor" && row[0].Split(' ').Length > 3)
            {
                throw row.Error("a group reference has one to three words");
            }

            if (!set.Add(row[0].ToLowerInvariant()))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        return new RelationWords(breaks, anaphors, people, presence, control);
    }
}

/// <summary>Builds the <see cref="SentenceItem"/> sequence of each sentence.</summary>
public static class SentenceItems
{
    /// <summary>Where the relation recogniser leaves the items in <see cref="AnalyzedDocument.Scratch"/> for later components.</summary>
    public const string ScratchKey = "relations.items";

    /// <summary>Every mention of the document's entities with its entity, sorted by start: what <see cref="Build"/> reads.</summary>
    public static List<(TextSpan Span, EntityDraft Entity, bool Demonym)> MentionsInOrder(AnalyzedDocument document) =>
        document.Entities
            .SelectMany(e => e.Mentions.Select(m => (m.Span, Entity: e, Demonym: m.Kind == Mentions.MentionKind.Demonym)))
            .OrderBy(m => m.Span.Start)
            .ToList();

    /// <summary>A parenthesis of at most this many tokens right after a name is read as a gloss and skipped.</summary>
    private const int MaxGlossTokens = 12;

    /// <summary>
    /// Every sentence's items. <paramref name="mentions"/> are the document's mentions with their entities,
    /// sorted by start. A name that ends inside a token ("Mali" in "Mali-based") leaves the rest of the
    /// token as its own item ("-based"); a short parenthesis after a name ("(MUJAO)", "(Battalion of
    /// the Veiled Men)") and bracketed reference marks ("[4]") are left out.
    /// </summary>
    public static List<SentenceItem>[] Build(
        AnalyzedDocument doc,
        IReadOnlyList<(TextSpan Span, EntityDraft Entity, bool Demonym)> mentions,
        Dictionary<string, EntityDraft> countriesByDemonym,
        RelationWords words)
    {
        var result = new List<SentenceItem>[doc.Sentences.Length];
        var text = doc.Text;
        var demonyms = countriesByDemonym.GetAlternateLookup<ReadOnlySpan<char>>();

        // One lower-case string per distinct word of the document, looked up by the word's own characters.
        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        var lowerOf = lowered.GetAlternateLookup<ReadOnlySpan<char>>();
        string Lower(ReadOnlySpan<char> surface)
        {
            if (!lowerOf.TryGetValue(surface, out var lower))
            {
                var key = surface.ToString();
                lower = key.ToLowerInvariant();
                lowered[key] = lower;
            }

            return lower;
        }

        var m = 0;
        EntityDraft? lastGroup = null;
        var lastGroupSentence = -10;
        EntityDraft? lastPerson = null;
        var lastPersonSentence = -10;
        for (var s = 0; s < doc.Sentences.Length; s++)
        {
            var sentence = doc.Sentences[s];
            var items = new List<SentenceItem>(sentence.TokenCount);
            var end = sentence.FirstToken + sentence.TokenCount;
            for (var t = sentence.FirstToken; t < end; t++)
            {
                var token = doc.Tokens[t];
                while (m < mentions.Count && mentions[m].Span.End <= token.Start)
                {
                    m++;
                }

                if (m < mentions.Count && mentions[m].Span.Start < token.End)
                {
                    var (span, entity, demonym) = mentions[m];
                    items.Add(new SentenceItem("", entity, span, false, false, demonym));
                    if (entity.Type is EntityType.ArmedGroup or EntityType.Organization)
                    {
                        (lastGroup, lastGroupSentence) = (entity, s);
                    }
                    else if (entity.Type == EntityType.Person)
                    {
                        (lastPerson, lastPersonSentence) = (entity, s);
                    }

                    // Skip the tokens the name covers; keep what follows it inside its last token.
                    while (t + 1 < end && doc.Tokens[t + 1].Start < span.End)
                    {
                        t++;
                    }

                    var last = doc.Tokens[t];
                    if (last.End > span.End)
                    {
                        var rest = new TextSpan(span.End, last.End);
                        items.Add(new SentenceItem(Lower(rest.SliceOf(text)), null, rest, false, false));
                    }

                    m++;
                    if (t + 1 < end && IsOpen(doc, t + 1) && Close(doc, t + 1, end) is var close and > 0)
                    {
                        t = close;
                    }

                    continue;
                }

                var word = Lower(token.Span.SliceOf(text));
                if (token.Kind == TokenKind.Possessive || (token.Kind == TokenKind.Punctuation && word is "'" or "’" && items.Count > 0 && items[^1].IsName))
                {
                    items.Add(new SentenceItem("'s", null, token.Span, false, false));
                    continue;
                }

                if (word == "[" && Close(doc, t, end) is var bracket and > 0 && bracket - t <= 3)
                {
                    t = bracket;
                    continue;
                }

                if (word is "*" or "†" or "‡" && items.Count > 0 && items[^1].IsName)
                {
                    // A footnote mark after a name ("Hamada Ould Kheiru*, an explosives expert").
                    continue;
                }

                if (word is "\"" or "“" or "”" or "‘" or "’" or "«" or "»")
                {
                    // Quotation marks around a word ("the “judge” of AQIM") say nothing about a relation.
                    continue;
                }

                if (countriesByDemonym.Count > 0 && char.IsUpper(text[token.Start]) && demonyms.TryGetValue(token.Span.SliceOf(text), out var country))
                {
                    // "a Malian diplomat", "the Malian president": the country of the document the adjective names.
                    items.Add(new SentenceItem("", country, token.Span, false, false, Demonym: true));
                    continue;
                }

                var lower = word;
                if (lastPerson is not null && s - lastPersonSentence <= 1 && words.PersonAnaphors.Contains(lower))
                {
                    // "he was condemned by Algeria": the last person named, in this sentence or the one before.
                    items.Add(new SentenceItem(lower, lastPerson, token.Span, false, true));
                    if (lower is "his" or "her")
                    {
                        items.Add(new SentenceItem("'s", null, token.Span, false, false));
                    }

                    continue;
                }

                if (lastGroup is not null && s - lastGroupSentence <= 1)
                {
                    // "the group", "the new group", but not "the Movement for ..." whose later word starts a name.
                    var reference = words.AnaphorFirstWords.Contains(lower)
                        ? Reference(doc, t, end, m < mentions.Count ? mentions[m].Span.Start : int.MaxValue, words)
                        : -1;
                    if (reference > t)
                    {
                        var phrase = new TextSpan(token.Start, doc.Tokens[reference].End);
                        items.Add(new SentenceItem(phrase.Of(text).ToLowerInvariant(), lastGroup, phrase, false, true));
                        t = reference;
                        continue;
                    }

                    if (words.GroupAnaphors.Contains(lower))
                    {
                        items.Add(new SentenceItem(lower, lastGroup, token.Span, false, true));
                        if (lower == "its")
                        {
                            // "its leader" reads as "AMB's leader".
                            items.Add(new SentenceItem("'s", null, token.Span, false, false));
                        }

                        continue;
                    }
                }

                items.Add(new SentenceItem(lower, null, token.Span, words.Breaks.Contains(lower), false));
            }

            result[s] = items;
        }

        return result;
    }

    /// <summary>The last token of a two- or three-word group reference starting at <paramref name="t"/>, or -1.</summary>
    private static int Reference(AnalyzedDocument doc, int t, int end, int nextName, RelationWords words)
    {
        for (var length = 3; length >= 2; length--)
        {
            var last = t + length - 1;
            if (last >= end || doc.Tokens[last].Start >= nextName)
            {
                continue;
            }

            var phrase = string.Join(' ', Enumerable.Range(t, length).Select(k => doc.Tokens[k].Span.Of(doc.Text).ToLowerInvariant()));
            if (words.GroupAnaphors.Contains(phrase))
            {
                return last;
            }
        }

        return -1;
    }

    private static bool IsOpen(AnalyzedDocument doc, int t) =>
        doc.Tokens[t].Kind == TokenKind.Punctuation && doc.Text[doc.Tokens[t].Start] == '(';

    /// <summary>The index of the token closing the bracket opened at <paramref name="open"/>, within a short reach, or -1.</summary>
    private static int Close(AnalyzedDocument doc, int open, int end)
    {
        var closing = doc.Text[doc.Tokens[open].Start] == '(' ? ')' : ']';
        for (var t = open + 1; t < end && t <= open + MaxGlossTokens + 1; t++)
        {
            var token = doc.Tokens[t];
            if (token.Kind == TokenKind.Punctuation && doc.Text[token.Start] == closing)
            {
                return t;
            }
        }

        return -1;
    }
}
