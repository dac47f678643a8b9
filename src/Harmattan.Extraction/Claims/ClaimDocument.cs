using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>A mention of a possible speaker, by token range (<see cref="Last"/> inclusive).</summary>
internal readonly record struct SpeakerMention(int First, int Last, EntityDraft Entity);

/// <summary>
/// The per-document indexes the claims component reads: which entity mention starts or ends at a
/// token, the quotations, and cheap token tests. Built once per document in linear time.
/// </summary>
internal sealed class ClaimDocument
{
    private readonly Dictionary<int, SpeakerMention> _byLast = [];
    private readonly Dictionary<int, SpeakerMention> _byFirst = [];
    private readonly bool[] _quoted;

    public ClaimDocument(AnalyzedDocument document, ClaimWords words)
    {
        Document = document;
        Words = words;
        Text = document.Text;
        Tokens = document.Tokens;
        Quotes = new QuotationIndex(Text);

        var mentions = new List<SpeakerMention>();
        foreach (var entity in document.Entities)
        {
            foreach (var m in entity.Mentions)
            {
                if (TokenStartingAt(m.Span.Start, out var first) && TokenEndingAt(m.Span.End, out var last))
                {
                    var mention = new SpeakerMention(first, last, entity);
                    _byLast[last] = mention;
                    _byFirst[first] = mention;
                    mentions.Add(mention);
                }
            }
        }

        mentions.Sort((a, b) => a.First.CompareTo(b.First));
        Mentions = mentions;

        _quoted = new bool[Tokens.Length];
        foreach (var q in Quotes.Quotes)
        {
            if (TokenStartingAt(q.Inner.Start, out var i) || FirstTokenFrom(q.Inner.Start, out i))
            {
                for (; i < Tokens.Length && Tokens[i].End <= q.Inner.End; i++)
                {
                    _quoted[i] = true;
                }
            }
        }
    }

    public AnalyzedDocument Document { get; }

    public ClaimWords Words { get; }

    public string Text { get; }

    public Token[] Tokens { get; }

    public QuotationIndex Quotes { get; }

    /// <summary>All entity mentions aligned with tokens, in text order.</summary>
    public IReadOnlyList<SpeakerMention> Mentions { get; }

    public static bool CanSpeak(EntityType type) =>
        type is EntityType.Person or EntityType.Organization or EntityType.ArmedGroup or EntityType.Country;

    /// <summary>A mention whose last token is <paramref name="token"/>, of any type.</summary>
    public SpeakerMention? EndingAt(int token) => _byLast.TryGetValue(token, out var m) ? m : null;

    public SpeakerMention? StartingAt(int token) => _byFirst.TryGetValue(token, out var m) ? m : null;

    /// <summary>A mention of a possible speaker (person, organisation, armed group, country) ending at the token.</summary>
    public SpeakerMention? SpeakerEndingAt(int token) =>
        _byLast.TryGetValue(token, out var m) && CanSpeak(m.Entity.Type) ? m : null;

    public SpeakerMention? SpeakerStartingAt(int token) =>
        _byFirst.TryGetValue(token, out var m) && CanSpeak(m.Entity.Type) ? m : null;

    /// <summary>True when the token lies inside a quotation: a cue there is quoted speech, not an attribution.</summary>
    public bool IsQuoted(int token) => _quoted[token];

    public bool Is(int token, string value) => Tokens[token].IsIgnoreCase(Text, value);

    /// <summary>Exact, case-sensitive: "who" the pronoun, not "Who" inside a name.</summary>
    public bool IsExactly(int token, string value) => Tokens[token].Is(Text, value);

    public bool IsChar(int token, char c) => Tokens[token].Length == 1 && Text[Tokens[token].Start] == c;

    public bool IsComma(int token) => IsChar(token, ',');

    public bool IsPunctuation(int token) => Tokens[token].Kind is TokenKind.Punctuation or TokenKind.Symbol;

    public bool IsWordLike(int token) => Tokens[token].Kind is TokenKind.Word or TokenKind.Possessive or TokenKind.Abbreviation or TokenKind.Number or TokenKind.Ordinal;

    public bool IsCapitalized(int token) => Tokens[token].Kind == TokenKind.Word && Tokens[token].IsCapitalized(Text);

    public bool IsLowerWord(int token) => Tokens[token].Kind == TokenKind.Word && Tokens[token].StartsLower(Text);

    /// <summary>A closing quotation mark ("”", "’’", "\"") starts at the token.</summary>
    public Quotation? ClosingAt(int token) => Quotes.ClosingAt(Tokens[token].Start);

    public Quotation? OpeningAt(int token) => Quotes.OpeningAt(Tokens[token].Start);

    public ClaimWordRole? RoleOf(int token) => Words.RoleOf(Text, Tokens[token]);

    /// <summary>The index of the first token starting at or after <paramref name="position"/>.</summary>
    public int TokenAtOrAfter(int position)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The token starting exactly at <paramref name="position"/> (the last one, were there several).</summary>
    private bool TokenStartingAt(int position, out int index)
    {
        index = TokenAtOrAfter(position);
        if (index >= Tokens.Length || Tokens[index].Start != position)
        {
            return false;
        }

        while (index + 1 < Tokens.Length && Tokens[index + 1].Start == position)
        {
            index++;
        }

        return true;
    }

    /// <summary>The token ending exactly at <paramref name="position"/> (the last one, were there several).</summary>
    private bool TokenEndingAt(int position, out int index)
    {
        // Tokens are in text order and do not overlap, so their ends ascend too: the last token
        // ending at or before the position.
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        index = lo - 1;
        return index >= 0 && Tokens[index].End == position;
    }

    private bool FirstTokenFrom(int position, out int index)
    {
        index = TokenAtOrAfter(position);
        return index < Tokens.Length;
    }
}
