using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Mentions;

/// <summary>
/// Finds names no registry lists: runs of capitalised words with their connectors ("of", "for",
/// "al-", "Ag", "Ould", "bin"), typed from the name itself (head words: "... Movement", "... University",
/// "... Airport") or from context (a title before it, a role in apposition, a reporting verb, a
/// locative preposition). Sentence-initial words, months, religions and titles alone never become
/// names, and headings are left to the registries. Runs after the registry recogniser and leaves alone
/// what it found, except where a head word makes a longer name of it ("Kidal Airport").
/// </summary>
public sealed class ProperNameRecognizer(MentionLexicons lexicons, IReadOnlySet<string> demonyms) : IComponent
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "el", "ag", "ould", "wuld", "bin", "ibn", "ben", "bint", "abu", "abou", "ould", "ag", "walet", "mint", "ibn", "bil", "wal", "ad", "ed", "ar", "as", "ash", "at", "az", "ul", "d'", "de", "du", "des", "la", "le", "van", "von", "da", "dos",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "and", "de", "du", "des", "la", "le", "d'" };

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "around", "toward", "towards", "into", "across", "through", "within", "from", "to", "between",
    };

    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "added", "noted", "argued", "explained", "stated", "warned", "claimed", "denied", "asserted",
        "suggested", "believes", "believed", "thinks", "wrote", "writes", "asked", "replied", "insisted", "acknowledged", "admitted",
        "announced", "declared", "emphasized", "emphasised", "stressed", "pointed", "observed", "cautioned", "concluded", "remarked",
    };

    public string Name => "mentions.proper-name/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Mentions];

    public void Process(AnalyzedDocument document) => document.MentionCandidates.AddRange(Find(document));

    public IEnumerable<MentionCandidate> Find(AnalyzedDocument document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var known = NameChars.CoveredTokens(tokens, document.MentionCandidates);
        // Tokens only a place name covers: inside a person's name they are a surname ("General Salou Djibo").
        var surnameLike = NameChars.CoveredTokens(tokens, document.MentionCandidates.Where(IsTownGuess));
        var firmly = NameChars.CoveredTokens(tokens, document.MentionCandidates.Where(c => !IsTownGuess(c)));
        for (var k = 0; k < known.Length; k++)
        {
            surnameLike[k] &= !firmly[k];
        }

        var found = new List<MentionCandidate>();
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Kind == SentenceKind.Heading)
            {
                continue;
            }

            var end = sentence.FirstToken + sentence.TokenCount;
            var i = sentence.FirstToken;
            while (i < end)
            {
                if (!NameChars.IsNameLike(text, tokens[i]))
                {
                    i++;
                    continue;
                }

                var last = ExtendRun(text, tokens, known, i, end);
                foreach (var candidate in Candidates(document, known, surnameLike, i, last, sentence.FirstToken, end))
                {
                    found.Add(candidate);
                }

                i = last + 1;
            }
        }

        return found;
    }

    /// <summary>
    /// The last token of the run of name words starting at <paramref name="start"/>. <paramref name="known"/> marks
    /// the tokens that names already found (registry, gazetteer) cover.
    /// </summary>
    private int ExtendRun(string text, Token[] tokens, bool[] known, int start, int end)
    {
        var last = start;
        var hasHead = IsHead(text, tokens[start]);
        while (last + 1 < end)
        {
            var next = tokens[last + 1];
            if (!Adjacent(text, tokens[last], next))
            {
                break;
            }

            if (NameChars.IsNameLike(text, next))
            {
                last++;
                hasHead |= IsHead(text, next);
                continue;
            }

            // A connector or particle joins two name words: "Movement for Unity", "Mohamed Ould Mataly".
            if (last + 2 < end && NameChars.IsNameLike(text, tokens[last + 2]) && Adjacent(text, next, tokens[last + 2]))
            {
                var word = next.Span.Of(text);
                var joins = Particles.Contains(word) && word != "de" ? char.IsLower(word[0]) || word.Length > 2
                    : Connectors.Contains(word) && (hasHead || word is not ("and" or "of" or "for"));
                if (next.Kind == TokenKind.Number)
                {
                    joins = true; // "Channel 4 News"
                }

                // "and" between a name already found and another word is a list of two names ("Ansar Dine and
                // Arab Movement of Azawad"), unless a known name runs across it ("Support of Islam and Muslims").
                if (joins && word == "and" && !known[last + 1] && (known[last] || known[last + 2]))
                {
                    joins = false;
                }

                if (joins)
                {
                    last += 2;
                    hasHead |= IsHead(text, tokens[last]);
                    continue;
                }
            }

            // A connector and an article inside a headed name: "High Council for the Unity of the Azawad".
            if (hasHead && last + 3 < end && next.Span.Of(text) is "for" or "of"
                && tokens[last + 2].Span.Of(text) == "the"
                && NameChars.IsNameLike(text, tokens[last + 3])
                && !lexicons.NonNames.Contains(tokens[last + 3].Span.Of(text))
                && Adjacent(text, next, tokens[last + 3]))
            {
                last += 3;
                continue;
            }

            break;
        }

        return last;
    }

    private static bool Adjacent(string text, Token a, Token b)
    {
        for (var p = a.Span.End; p < b.Span.Start; p++)
        {
            if (text[p] is '\n' or '\r')
            {
                return false;
            }
        }

        return true;
    }

    private bool IsHead(string text, Token token) => lexicons.Heads.ContainsKey(token.Span.SliceOf(text));

    private static bool IsTownGuess(MentionCandidate c) => c.Type == EntityType.Place && c.Kind == MentionKind.Name;

    private IEnumerable<MentionCandidate> Candidates(AnalyzedDocument document, bool[] known, bool[] surnameLike, int first, int last, int sentenceStart, int sentenceEnd)
    {
        var text = document.Text;
        var tokens = document.Tokens;

        // Leading words that are not names ("The", "Islamist", "President") are dropped; a title among
        // them is remembered as a person cue.
        var personCue = HasPersonCueBefore(text, tokens, first, sentenceStart);
        while (first <= last && (lexicons.FunctionWords.Contains(tokens[first].Span.SliceOf(text)) || lexicons.PersonCues.Contains(tokens[first].Span.SliceOf(text)) || tokens[first].Is(text, "Group")))
        {
            personCue |= lexicons.PersonCues.Contains(tokens[first].Span.SliceOf(text));
            first++;
        }

        while (last >= first && !NameChars.IsNameLike(text, tokens[last]))
        {
            last--;
        }

        if (first > last)
        {
            yield break;
        }

        var span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
        var surface = span.Of(text);
        if (lexicons.NonNames.Contains(surface))
        {
            yield break;
        }

        var headType = HeadType(text, tokens, first, last);
        if (headType is { } type)
        {
            // "the central Malian Masina Liberation Front": a nationality before a place the registry or
            // gazetteer knows locates the group; it is not part of its name.
            while (first + 1 < last && demonyms.Contains(tokens[first].Span.Of(text)) && known[first + 1])
            {
                first++;
                span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            }

            // A head word alone ("Movement", "Congress") names nothing in particular.
            if (last > first || !IsHead(text, tokens[first]))
            {
                yield return new MentionCandidate(span, type, MentionKind.Name, Name, "head-word", last > first ? 0.8 : 0.6);
            }

            yield break;
        }

        // Without a head word, what a registry already found stays as it is: only the words it does not
        // cover can form new names ("Burkina Faso President Blaise Compaoré" leaves "Blaise Compaoré").
        var pieceStart = first;
        for (var k = first; k <= last + 1; k++)
        {
            var covered = k <= last && known[k];
            if (covered && surnameLike[k] && k > pieceStart && (personCue || lexicons.GivenNames.Contains(tokens[k - 1].Span.Of(text))))
            {
                // A town's name after a title and a first name, or after a given name, is the person's surname.
                covered = false;
            }

            var cue = k <= last && lexicons.PersonCues.Contains(tokens[k].Span.SliceOf(text));
            if (k <= last && !covered && !cue)
            {
                continue;
            }

            if (k > pieceStart)
            {
                var piece = Piece(document, pieceStart, k - 1, sentenceStart, sentenceEnd, personCue);
                if (piece is not null)
                {
                    yield return piece;
                }
            }

            personCue = cue;
            pieceStart = k + 1;
        }
    }

    private MentionCandidate? Piece(AnalyzedDocument document, int first, int last, int sentenceStart, int sentenceEnd, bool personCue)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        while (first <= last && !NameChars.IsNameLike(text, tokens[first]))
        {
            first++;
        }

        while (last >= first && !NameChars.IsNameLike(text, tokens[last]))
        {
            last--;
        }

        if (first > last)
        {
            return null;
        }

        // "the Mauritanian Hamada Ould Kheiru": a nationality before a name is not part of it.
        while (first < last && demonyms.Contains(tokens[first].Span.SliceOf(text)))
        {
            first++;
        }

        if (Enumerable.Range(first, last - first + 1).All(k => !NameChars.IsNameLike(text, tokens[k])
            || lexicons.NonNames.Contains(tokens[k].Span.SliceOf(text)) || IsHead(text, tokens[k]) || demonyms.Contains(tokens[k].Span.SliceOf(text))))
        {
            return null; // "Islamist Group", "North African", "French"
        }

        var span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
        var surface = span.Of(text);
        var words = last - first + 1;
        var single = words == 1;
        if (lexicons.NonNames.Contains(surface))
        {
            return null;
        }

        if (single && NameChars.IsAllCaps(surface))
        {
            // An unknown acronym: usually an organisation; a definition or the linker may say more.
            return surface.Length is >= 2 and <= 8
                ? new MentionCandidate(span, EntityType.Organization, MentionKind.Acronym, Name, "acronym", 0.45)
                : null;
        }

        var sentenceInitial = first == sentenceStart;
        if (single && sentenceInitial && !CapitalisedMidSentence(document).Contains(surface))
        {
            // "Residents said ...": a capital at the start of a sentence proves nothing.
            return null;
        }

        var afterArticle = first > sentenceStart && (tokens[first - 1].Is(text, "the") || tokens[first - 1].Is(text, "The"));
        if (personCue || HasPersonCueBefore(text, tokens, first, sentenceStart))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "person-cue", 0.85);
        }

        var firstWord = tokens[first].Span.Of(text);
        if (lexicons.GivenNames.Contains(firstWord) && (!single || !sentenceInitial))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "given-name", single ? 0.55 : 0.8);
        }

        if (!single && HasParticle(text, tokens, first, last))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "name-particle", 0.75);
        }

        if (HasRoleApposition(text, tokens, last, sentenceEnd) || HasRoleBefore(text, tokens, first, sentenceStart))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "role-apposition", single ? 0.6 : 0.8);
        }

        if (afterArticle && single)
        {
            // "the Pentagon said": an institution, not a person.
            return HasReportingVerbNear(text, tokens, first, last, sentenceEnd)
                ? new MentionCandidate(span, EntityType.Organization, MentionKind.Name, Name, "article+reporting-verb", 0.5)
                : null;
        }

        if (HasReportingVerbNear(text, tokens, first, last, sentenceEnd))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "reporting-verb", single ? 0.5 : 0.75);
        }

        if (first > sentenceStart && Locatives.Contains(tokens[first - 1].Span.SliceOf(text)))
        {
            return new MentionCandidate(span, EntityType.Place, MentionKind.Name, Name, "locative", 0.5);
        }

        if (!single && !sentenceInitial && words <= 4 && AllContentWords(text, tokens, first, last))
        {
            return new MentionCandidate(span, EntityType.Person, MentionKind.Name, Name, "capitalised-run", 0.5);
        }

        return null;
    }

    /// <summary>Words the document capitalises somewhere other than at a sentence start, computed once per document.</summary>
    private static HashSet<string> CapitalisedMidSentence(AnalyzedDocument document)
    {
        if (document.Scratch.TryGetValue(nameof(CapitalisedMidSentence), out var cached))
        {
            return (HashSet<string>)cached;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in document.Sentences)
        {
            for (var k = sentence.FirstToken + 1; k < sentence.FirstToken + sentence.TokenCount; k++)
            {
                var token = document.Tokens[k];
                var previous = document.Tokens[k - 1].Span.Of(document.Text);
                if (token.Kind == TokenKind.Word && char.IsUpper(document.Text[token.Span.Start]) && previous is not ("\u201c" or "\"" or ":" or "(" or "-" or "\u2014" or "\u2013"))
                {
                    set.Add(token.Span.Of(document.Text));
                }
            }
        }

        document.Scratch[nameof(CapitalisedMidSentence)] = set;
        return set;
    }

    private bool AllContentWords(string text, Token[] tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            var word = tokens[k].Span.Of(text);
            if (NameChars.IsNameLike(text, tokens[k]) && (lexicons.NonNames.Contains(word) || lexicons.FunctionWords.Contains(word)))
            {
                return false;
            }
        }

        return true;
    }

    private EntityType? HeadType(string text, Token[] tokens, int first, int last)
    {
        EntityType? type = null;
        var modifier = false;
        for (var k = first; k <= last; k++)
        {
            if (!lexicons.Heads.TryGetValue(tokens[k].Span.SliceOf(text), out var heads))
            {
                continue;
            }

            foreach (var head in heads)
            {
                var applies = head.Position switch
                {
                    HeadPosition.First => k == first,
                    HeadPosition.Last => k == last,
                    HeadPosition.Any => true,
                    _ => false,
                };
                if (head.Position == HeadPosition.Modifier)
                {
                    modifier = true;
                }
                else if (applies && (type is null || head.Type == EntityType.ArmedGroup))
                {
                    type = head.Type;
                }
            }
        }

        return type == EntityType.Organization && modifier ? EntityType.ArmedGroup : type;
    }

    private bool HasPersonCueBefore(string text, Token[] tokens, int first, int sentenceStart)
    {
        if (first - 1 < sentenceStart)
        {
            return false;
        }

        var previous = tokens[first - 1].Span.Of(text);
        if (lexicons.PersonCues.Contains(previous) || (previous == "By" && first - 1 == sentenceStart))
        {
            return true;
        }

        return first - 2 >= sentenceStart
            && lexicons.PersonCues.Contains(new TextSpan(tokens[first - 2].Span.Start, tokens[first - 1].Span.End).Of(text));
    }

    private static bool HasParticle(string text, Token[] tokens, int first, int last)
    {
        for (var k = first + 1; k < last; k++)
        {
            var word = tokens[k].Span.Of(text);
            if (word is "Ag" or "ag" or "Ould" or "ould" or "bin" or "Bin" or "ibn" or "Ibn" or "Abu" or "Abou" or "Ben" or "ben")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"X, a journalist ...", "X, president of ...", "X, the group's leader".</summary>
    private bool HasRoleApposition(string text, Token[] tokens, int last, int sentenceEnd)
    {
        if (last + 2 >= sentenceEnd || !tokens[last + 1].Is(text, ","))
        {
            return false;
        }

        for (var k = last + 2; k < Math.Min(sentenceEnd, last + 7); k++)
        {
            var word = tokens[k].Span.Of(text);
            if (lexicons.Roles.ContainsKey(word.ToLowerInvariant()))
            {
                return true;
            }

            if (word is "," or "." or ";")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"the group's spokesman, X" and "foreign minister X".</summary>
    private bool HasRoleBefore(string text, Token[] tokens, int first, int sentenceStart)
    {
        var k = first - 1;
        if (k >= sentenceStart && tokens[k].Is(text, ","))
        {
            k--;
        }

        return k >= sentenceStart && lexicons.Roles.ContainsKey(tokens[k].Span.Of(text).ToLowerInvariant());
    }

    private static bool HasReportingVerbNear(string text, Token[] tokens, int first, int last, int sentenceEnd)
    {
        if (last + 1 < sentenceEnd && ReportingVerbs.Contains(tokens[last + 1].Span.SliceOf(text)))
        {
            return true;
        }

        return first > 0 && ReportingVerbs.Contains(tokens[first - 1].Span.SliceOf(text));
    }
}
