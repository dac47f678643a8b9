using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// Reads the attributions of one document, sentence by sentence in text order (so that pronouns
/// resolve to what came before): finds the cues, their speakers and their content, and the quotations
/// that continue an attributed statement.
/// </summary>
internal sealed class AttributionReader
{
    private readonly ClaimDocument _d;
    private readonly CueVerbLexicon _verbs;
    private readonly SpeakerFinder _speakers;
    private readonly string _component;
    private readonly List<ClaimDraft> _claims = [];
    private Attribution? _last;
    private int _lastSentence = -2;

    public AttributionReader(ClaimDocument document, CueVerbLexicon verbs, string component)
    {
        _d = document;
        _verbs = verbs;
        _component = component;
        _speakers = new SpeakerFinder(document, new SpeakerResolver(document));
    }

    public IReadOnlyList<ClaimDraft> Read()
    {
        var sentences = _d.Document.Sentences;
        for (var s = 0; s < sentences.Length; s++)
        {
            if (sentences[s].Kind != SentenceKind.Body)
            {
                continue;
            }

            var found = ReadSentence(sentences[s]);
            if (found.Count > 0)
            {
                foreach (var a in found)
                {
                    Emit(a, sentences[s]);
                }

                _last = found[^1];
                _lastSentence = Math.Max(s, _d.Document.SentenceAt(Math.Max(0, found.Max(a => a.Contents.Max(c => c.End)) - 1)));
            }
            else if (_last is not null && _lastSentence == s - 1 && StandaloneQuote(sentences[s]) is { } quote)
            {
                // “A,” he said. “B.” — the quotation after an attributed statement continues it.
                var next = _last with { Contents = Quoted(quote), Rule = "quote-continuation", Confidence = 0.7 };
                Emit(next, sentences[s]);
                _last = next;
                _lastSentence = _d.Document.SentenceAt(quote.Outer.End - 1);
                s = Math.Max(s, _lastSentence);
            }
        }

        return _claims;
    }

    /// <summary>A sentence that is a quotation and nothing else (its closing sentence may be a later one).</summary>
    private Quotation? StandaloneQuote(Sentence sentence)
    {
        if (_d.OpeningAt(sentence.FirstToken) is not { } quote || quote.Inner.IsEmpty)
        {
            return null;
        }

        var closing = _d.Document.Sentences[Math.Max(0, _d.Document.SentenceAt(quote.Outer.End - 1))];
        for (var k = _d.TokenAtOrAfter(quote.Outer.End); k < closing.EndToken; k++)
        {
            if (!_d.IsPunctuation(k))
            {
                return null;
            }
        }

        return quote;
    }

    private List<Attribution> ReadSentence(Sentence sentence)
    {
        var from = sentence.FirstToken;
        var to = sentence.EndToken;
        var found = new List<Attribution>();
        Speakers? previous = null;
        for (var i = from; i < to; i++)
        {
            if (_d.IsQuoted(i) || _verbs.Match(_d.Text, _d.Tokens, i, to) is not { } match)
            {
                continue;
            }

            var cue = new CueMatch(match.Verb, i, i + match.Length);
            var attribution = Analyze(cue, from, to, previous);
            if (attribution is not null)
            {
                found.Add(attribution);
                previous = attribution.Speakers;
            }

            i = cue.End - 1;
        }

        // A forward content runs to the next attribution in the sentence.
        for (var n = 0; n < found.Count; n++)
        {
            if (found[n].ContentStart >= 0)
            {
                var end = n + 1 < found.Count && found[n + 1].Start > found[n].ContentStart
                    ? ClauseBoundaryBefore(found[n].ContentStart, found[n + 1].Start)
                    : to;
                found[n] = found[n] with { Contents = ForwardContent(found[n], sentence, end) };
            }
        }

        found.RemoveAll(a => a.Contents.Count == 0);
        return found;
    }

    /// <summary>
    /// Where a content followed by another attribution in the sentence ends: at the last ", and" /
    /// ", but" / ";" between them ("X said A, and on Monday President Y said B"), else at the next
    /// attribution itself.
    /// </summary>
    private int ClauseBoundaryBefore(int contentStart, int next)
    {
        for (var k = next - 1; k > contentStart; k--)
        {
            if (_d.IsQuoted(k))
            {
                continue;
            }

            if (_d.IsChar(k, ';') || _d.IsComma(k - 1) && (_d.IsExactly(k, "and") || _d.IsExactly(k, "but") || _d.IsExactly(k, "while")))
            {
                return _d.IsChar(k, ';') ? k : k - 1;
            }
        }

        return next;
    }

    private Attribution? Analyze(CueMatch cue, int from, int to, Speakers? previous)
    {
        var frames = cue.Verb.Frames;
        if (frames.HasFlag(CueFrames.Source))
        {
            return Source(cue, from, to);
        }

        var that = -1;
        if (frames.HasFlag(CueFrames.NeedsThat))
        {
            for (var k = cue.End; k < to && k < cue.End + 6 && that < 0; k++)
            {
                if (_d.Is(k, "that"))
                {
                    that = k;
                }
            }

            if (that < 0)
            {
                return null;
            }
        }

        if (frames.HasFlag(CueFrames.Ing) && cue.Start > from && _d.IsComma(cue.Start - 1))
        {
            var subject = previous is not null
                ? previous with { Start = cue.Start - 1, End = cue.Start - 1, Rule = "participle" }
                : _speakers.ClauseSubject(from, cue.Start) is { } s ? s with { Rule = "participle" } : null;
            return subject is null ? null : Forward(cue, subject, to, that, cue.Start - 1);
        }

        if (_speakers.Before(cue.Start, from, previous) is { } speakers)
        {
            if (speakers.Start > from && _d.Is(speakers.Start - 1, "as"))
            {
                return Parenthetical(cue, speakers, from, to);
            }

            if (frames.HasFlag(CueFrames.After) && FollowsContent(speakers.Start, from) && TailIsEmpty(cue, to))
            {
                return Backward(cue, speakers, speakers.Start, from);
            }

            return Forward(cue, speakers, to, that, speakers.Start);
        }

        // "…, said the MNLA": the content comes first. But in "X, an officer, said the MNLA was weakened" the
        // name after the cue is the subject of the reported clause, not the speaker.
        if (frames.HasFlag(CueFrames.After) && FollowsContent(cue.Start, from) && _speakers.After(cue.End, to) is { } after
            && !StartsClause(after.End + 1, to))
        {
            return Backward(cue, after, cue.Start, from);
        }

        // "The merger was announced by X": the subject is the content.
        if (cue.Start - 1 > from && (_d.Is(cue.Start - 1, "was") || _d.Is(cue.Start - 1, "were") || _d.Is(cue.Start - 1, "been"))
            && cue.End + 1 < to && _d.Is(cue.End, "by") && _speakers.After(cue.End + 1, to) is { } agent)
        {
            var start = _speakers.ClauseStart(cue.Start, from);
            var content = Span(start, cue.Start - 2);
            return content is null ? null : new Attribution(cue, agent with { Rule = "passive" }, start, -1, [content.Value]);
        }

        return null;
    }

    private Attribution? Source(CueMatch cue, int from, int to)
    {
        if (_speakers.After(cue.End, to) is not { } speakers)
        {
            return null;
        }

        var after = speakers.End + 1;
        var clause = _speakers.ClauseStart(cue.Start, from);
        var opensClause = cue.Start == clause || _d.IsComma(cue.Start - 1) && cue.Start - 1 == clause
                          || Enumerable.Range(clause, cue.Start - clause).All(k => _d.RoleOf(k) == ClaimWordRole.Opener || _d.IsComma(k));
        if (opensClause && after < to && _d.IsComma(after))
        {
            return new Attribution(cue, speakers with { Rule = "according-to-first" }, cue.Start, after + 1, []);
        }

        var content = Span(clause, cue.Start - 1);
        return content is null ? null : new Attribution(cue, speakers with { Rule = "according-to" }, cue.Start, -1, [content.Value]);
    }

    /// <summary>"..., as X pointed out, “S”": the quotation after it, else the clause before or after.</summary>
    private Attribution? Parenthetical(CueMatch cue, Speakers speakers, int from, int to)
    {
        var rule = speakers with { Rule = "as-parenthetical" };
        var next = cue.End < to && _d.IsComma(cue.End) ? cue.End + 1 : cue.End;
        if (next < to && _d.OpeningAt(next) is { } quote)
        {
            return new Attribution(cue, rule, speakers.Start - 1, -1, Quoted(quote));
        }

        if (speakers.Start - 1 == _speakers.ClauseStart(cue.Start, from))
        {
            return new Attribution(cue, rule, speakers.Start - 1, next, []);
        }

        var content = Span(_speakers.ClauseStart(cue.Start, from), speakers.Start - 2);
        return content is null ? null : new Attribution(cue, rule, speakers.Start - 1, -1, [content.Value]);
    }

    private Attribution? Forward(CueMatch cue, Speakers speakers, int to, int that, int start)
    {
        var j = cue.End;
        if (that >= 0)
        {
            return new Attribution(cue, speakers, start, that + 1, []);
        }

        if (j < to && (_d.IsComma(j) || _d.IsChar(j, ':')))
        {
            j++;
        }

        if (cue.Verb.Frames.HasFlag(CueFrames.That) && j < to)
        {
            if (_d.Is(j, "that"))
            {
                return new Attribution(cue, speakers, start, j + 1, []);
            }

            if (OpensAdjunct(j))
            {
                for (var k = j + 1; k < to && k <= j + 12; k++)
                {
                    if (_d.OpeningAt(k) is not null || _d.IsChar(k, ';') || _d.IsQuoted(k))
                    {
                        break;
                    }

                    if (_d.Is(k, "that"))
                    {
                        return new Attribution(cue, speakers, start, k + 1, []);
                    }
                }
            }
        }

        if (!cue.Verb.Frames.HasFlag(CueFrames.Complement) && j < to && _d.IsLowerWord(j)
            && _d.Tokens[j].TextOf(_d.Text).EndsWith("ed", StringComparison.Ordinal))
        {
            return null; // "was reported killed": a passive participle, not a statement
        }

        return new Attribution(cue, speakers, start, j, []);
    }

    /// <summary>"S, X said", "“S,” said X": the content is the quotation or clause before the attribution.</summary>
    private Attribution? Backward(CueMatch cue, Speakers speakers, int attributionStart, int from)
    {
        if (attributionStart - 1 > from && _d.Is(attributionStart - 1, "the"))
        {
            attributionStart--;
        }

        for (var k = attributionStart - 1; k >= from && k >= attributionStart - 3; k--)
        {
            if (_d.ClosingAt(k) is { } quote)
            {
                return new Attribution(cue, speakers with { Rule = speakers.Rule + "+quote-before" }, attributionStart, -1, Quoted(quote));
            }
        }

        var content = Span(_speakers.ClauseStart(attributionStart, from), attributionStart - 1);
        return content is null ? null : new Attribution(cue, speakers with { Rule = speakers.Rule + "+clause-before" }, attributionStart, -1, [content.Value]);
    }

    /// <summary>The attribution comes after its content: a comma, a closing quotation or a dash precedes it.</summary>
    private bool FollowsContent(int attributionStart, int from)
    {
        var k = attributionStart - 1;
        if (k > from && _d.Is(k, "the"))
        {
            k--;
        }

        return k > from && (_d.IsComma(k) || _d.ClosingAt(k) is not null || _d.IsChar(k, '\u2019') || _d.IsChar(k, '\u2014') || _d.IsChar(k, '\u2013'));
    }

    /// <summary>Auxiliaries and copulas: after a name, they make it the subject of a clause.</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "might", "may",
        "must", "did", "does", "do", "can", "remained", "remains",
    };

    /// <summary>Whether the word at <paramref name="k"/> opens a predicate ("was weakened", "had left").</summary>
    private bool StartsClause(int k, int to) =>
        k < to && _d.IsLowerWord(k) && Auxiliaries.Contains(_d.Text.Substring(_d.Tokens[k].Start, _d.Tokens[k].Length));

    /// <summary>Nothing but an addressee and a short adjunct follows the cue before the sentence ends or a comma.</summary>
    private bool TailIsEmpty(CueMatch cue, int to)
    {
        var j = cue.End;
        if (j < to && _d.SpeakerStartingAt(j) is { } addressee)
        {
            j = addressee.Last + 1;
        }
        else if (j < to && (_d.RoleOf(j) == ClaimWordRole.Addressee || _d.Is(j, "the") && j + 1 < to && _d.RoleOf(j + 1) == ClaimWordRole.Addressee))
        {
            j += _d.Is(j, "the") ? 2 : 1;
        }

        if (j < to && _d.RoleOf(j) == ClaimWordRole.Adjunct)
        {
            var limit = j + 8;
            while (j < to && j < limit && !_d.IsComma(j) && !IsFinal(j))
            {
                j++;
            }
        }

        return j >= to || _d.IsComma(j) || IsFinal(j);
    }

    private bool IsFinal(int token)
    {
        for (var k = token; k < _d.Tokens.Length && k < token + 4; k++)
        {
            if (!_d.IsPunctuation(k))
            {
                return false;
            }

            if (_d.IsChar(k, '.') || _d.IsChar(k, '!') || _d.IsChar(k, '?') || _d.IsChar(k, ':'))
            {
                return true;
            }
        }

        return false;
    }

    private bool OpensAdjunct(int j) =>
        _d.RoleOf(j) is ClaimWordRole.Adjunct or ClaimWordRole.Skip or ClaimWordRole.Addressee
        || _d.Is(j, "the") && j + 1 < _d.Tokens.Length && _d.RoleOf(j + 1) == ClaimWordRole.Addressee
        || _d.StartingAt(j) is not null
        || _d.IsCapitalized(j)
        || _d.Tokens[j].Kind is TokenKind.Number or TokenKind.Ordinal;

    private List<TextSpan> ForwardContent(Attribution a, Sentence sentence, int end)
    {
        var start = a.ContentStart;
        if (a.Speakers.Relative)
        {
            for (var k = start; k < end; k++)
            {
                if (_d.IsComma(k) && !_d.IsQuoted(k))
                {
                    end = k;
                    break;
                }
            }
        }

        // "writes that A, and that B": two statements.
        var parts = new List<TextSpan>();
        var partStart = start;
        for (var k = start; k + 1 < end; k++)
        {
            if (_d.Is(k, "and") && _d.Is(k + 1, "that") && !_d.IsQuoted(k) && k > partStart)
            {
                AddPart(parts, partStart, k - 1, sentence);
                partStart = k + 2;
            }
        }

        AddPart(parts, partStart, end - 1, sentence);
        return parts;
    }

    private void AddPart(List<TextSpan> parts, int first, int last, Sentence sentence)
    {
        if (Span(first, last) is not { } span)
        {
            return;
        }

        // A quotation opened in the content and closed in a later sentence belongs to it.
        for (var k = first; k <= last; k++)
        {
            if (_d.OpeningAt(k) is { } q && q.Outer.End > sentence.Span.End && last == sentence.EndToken - 1)
            {
                span = Trim(new TextSpan(span.Start, q.Outer.End)) ?? span;
                break;
            }
        }

        parts.Add(span);
    }

    /// <summary>The trimmed span of tokens <paramref name="first"/>..<paramref name="last"/>, or null when no word remains.</summary>
    private TextSpan? Span(int first, int last) =>
        first < 0 || last < first || last >= _d.Tokens.Length ? null : Trim(new TextSpan(_d.Tokens[first].Start, _d.Tokens[last].End));

    /// <summary>The inner text of a quotation, trimmed; empty when nothing is left.</summary>
    private List<TextSpan> Quoted(Quotation quote) => Trim(quote.Inner) is { } inner ? [inner] : [];

    private TextSpan? Trim(TextSpan span) => ContentTrimmer.Trim(_d.Text, span);

    /// <summary>The smallest run of whole sentences covering <paramref name="span"/>.</summary>
    private TextSpan WholeSentences(TextSpan span)
    {
        var sentences = _d.Document.Sentences;
        var first = _d.Document.SentenceAt(span.Start);
        var last = _d.Document.SentenceAt(span.End - 1);
        return new TextSpan(
            first < 0 ? span.Start : Math.Min(span.Start, sentences[first].Span.Start),
            last < 0 ? span.End : Math.Max(span.End, sentences[last].Span.End));
    }

    private void Emit(Attribution a, Sentence sentence)
    {
        var cueSpan = new TextSpan(_d.Tokens[a.Cue.Start].Start, _d.Tokens[a.Cue.End - 1].End);
        var cue = cueSpan.Of(_d.Text);
        foreach (var content in a.Contents)
        {
            var evidence = WholeSentences(sentence.Span.Union(content).Union(cueSpan));
            foreach (var speaker in a.Speakers.Entities)
            {
                _claims.Add(new ClaimDraft(speaker, cue, cueSpan, content, evidence, _component, a.Rule, a.Confidence));
            }
        }
    }
}

/// <summary>A cue found in a sentence: tokens <see cref="Start"/> to <see cref="End"/> (exclusive).</summary>
internal readonly record struct CueMatch(CueVerb Verb, int Start, int End);

/// <summary>
/// One attribution: cue, speakers, the first token of the attribution phrase, and either the token
/// where a forward content starts (<see cref="ContentStart"/>) or the content spans already known.
/// </summary>
internal sealed record Attribution(CueMatch Cue, Speakers Speakers, int Start, int ContentStart, IReadOnlyList<TextSpan> Contents)
{
    public string Rule { get; init; } = Speakers.Rule;

    public double Confidence { get; init; } = Speakers.Confidence;
}
