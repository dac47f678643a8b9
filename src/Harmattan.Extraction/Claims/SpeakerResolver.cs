using Harmattan.Extraction.Linking;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// Resolves a speaker written as a pronoun ("he", "they") or a definite description ("the official",
/// "the group", "the council") to a named entity, with three explainable rules:
/// <list type="bullet">
/// <item>a pronoun takes the first compatible entity of its own sentence before it (the subject), else
/// of the closest earlier sentence that has one, up to four sentences back;</item>
/// <item>a role noun ("the MNLA official", "the officer") takes the latest person introduced with that
/// role ("President ... X", "X, the secretary general"), else the nearest earlier person;</item>
/// <item>a group noun takes the latest organisation or armed group whose name holds the noun ("the
/// council"), else resolves like "they".</item>
/// </list>
/// "they"/"it" resolve only to an organisation or armed group, and only when that is the latest candidate;
/// resolved speakers count as mentions for later pronouns. A pronoun never reaches past a sentence
/// whose subject is a capitalised word with no entity: its referent is unknown.
/// </summary>
internal sealed class SpeakerResolver(ClaimDocument d)
{
    private const int SentencesBack = 4;
    private readonly List<SpeakerMention> _candidates = [.. d.Mentions.Where(m => ClaimDocument.CanSpeak(m.Entity.Type))];

    /// <summary>Records that the speaker at <paramref name="token"/> was resolved to <paramref name="entity"/>.</summary>
    public void Remember(int token, EntityDraft entity)
    {
        var at = _candidates.FindIndex(c => c.First > token);
        _candidates.Insert(at < 0 ? _candidates.Count : at, new SpeakerMention(token, token, entity));
    }

    public EntityDraft? Pronoun(int token, bool person)
    {
        var sentence = SentenceOf(token);
        for (var s = sentence; s >= 0 && s >= sentence - SentencesBack; s--)
        {
            if (s < sentence && OpensWithUnknownName(s))
            {
                return null; // "Shulkin spoke first. He added ...": the pronoun's referent has no entity
            }

            var (from, to) = Range(s, token);
            foreach (var c in Between(from, to))
            {
                if (person && c.Entity.Type == EntityType.Person)
                {
                    return c.Entity;
                }

                if (!person && c.Entity.Type is EntityType.Organization or EntityType.ArmedGroup)
                {
                    return c.Entity;
                }

                if (!person && s < sentence)
                {
                    // "they" in a later sentence: only when the group is that sentence's first candidate.
                    return null;
                }
            }
        }

        return null;
    }

    /// <summary>"the MNLA official", "the officer": <paramref name="head"/> is the role noun's token.</summary>
    public EntityDraft? Role(int head, int npStart)
    {
        var role = d.Tokens[head].TextOf(d.Text);
        var sentence = SentenceOf(head);
        var firstAllowed = d.Document.Sentences[Math.Max(0, sentence - SentencesBack)].FirstToken;
        EntityDraft? nearest = null;
        for (var i = _candidates.Count - 1; i >= 0; i--)
        {
            var c = _candidates[i];
            if (c.Last >= npStart || c.Entity.Type != EntityType.Person)
            {
                continue;
            }

            if (HasRoleNearby(c, role))
            {
                return c.Entity;
            }

            if (nearest is null && c.First >= firstAllowed)
            {
                nearest = c.Entity;
            }
        }

        return nearest;
    }

    /// <summary>"the council", "the group": <paramref name="head"/> is the group noun's token.</summary>
    public EntityDraft? GroupNoun(int head, int npStart)
    {
        var noun = d.Tokens[head].TextOf(d.Text);
        for (var i = _candidates.Count - 1; i >= 0; i--)
        {
            var c = _candidates[i];
            if (c.Last < npStart && c.Entity.Type is EntityType.Organization or EntityType.ArmedGroup
                && c.Entity.Name.AsSpan().Contains(noun, StringComparison.OrdinalIgnoreCase))
            {
                return c.Entity;
            }
        }

        return Pronoun(npStart, person: false);
    }

    private bool HasRoleNearby(SpeakerMention c, ReadOnlySpan<char> role)
    {
        // Before the name: "Burkinabe President and ECOWAS mediator X", up to a clause boundary.
        for (var k = c.First - 1; k >= 0 && k >= c.First - 14; k--)
        {
            if (d.Is(k, ",") || d.Is(k, ".") || d.Is(k, ";") || d.Is(k, ":"))
            {
                break;
            }

            if (d.Tokens[k].TextOf(d.Text).Equals(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // After the name, in apposition: "X, the secretary general of ...".
        if (c.Last + 1 < d.Tokens.Length && d.IsComma(c.Last + 1))
        {
            for (var k = c.Last + 2; k < d.Tokens.Length && k <= c.Last + 8; k++)
            {
                if (d.Is(k, ",") || d.Is(k, "."))
                {
                    break;
                }

                if (d.Tokens[k].TextOf(d.Text).Equals(role, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The sentence's subject is a capitalised word no recogniser took for a name and no vocabulary
    /// knows ("Shulkin spoke"): a later pronoun most likely means it, so it must not skip to an
    /// earlier, wrong person.
    /// </summary>
    private bool OpensWithUnknownName(int sentence)
    {
        var s = d.Document.Sentences[sentence];
        var first = s.FirstToken;
        return s.TokenCount > 2
               && d.IsCapitalized(first) && d.IsLowerWord(first + 1)
               && d.RoleOf(first) is null
               && !d.Mentions.Any(m => m.First <= first && first <= m.Last);
    }

    private IEnumerable<SpeakerMention> Between(int from, int to)
    {
        foreach (var c in _candidates)
        {
            if (c.First >= to)
            {
                yield break;
            }

            if (c.First >= from)
            {
                yield return c;
            }
        }
    }

    private (int From, int To) Range(int sentence, int token)
    {
        var s = d.Document.Sentences[sentence];
        return (s.FirstToken, Math.Min(s.EndToken, token));
    }

    private int SentenceOf(int token) => Math.Max(0, d.Document.SentenceAt(d.Tokens[token].Start));
}
