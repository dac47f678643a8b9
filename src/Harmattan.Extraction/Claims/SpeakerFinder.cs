using Harmattan.Text;
using Harmattan.Extraction.Linking;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// Who speaks, found from the cue: the speakers, the first token of the phrase naming them, and the
/// rule that found them (provenance for review).
/// </summary>
internal sealed record Speakers(IReadOnlyList<EntityDraft> Entities, int Start, int End, string Rule, double Confidence)
{
    /// <summary>The speaker heads a relative clause ("X, who said S, ..."): the content ends at the next comma.</summary>
    public bool Relative { get; init; }
}

/// <summary>
/// Finds the speaker of a cue by looking at the tokens around it: the subject just before the verb
/// (skipping adverbs, a parenthesised acronym and an apposition), a pronoun or definite description
/// (through <see cref="SpeakerResolver"/>), the subject of a coordinated or relative clause, or the
/// name after the verb ("said X", "according to X"). Only named persons, organisations, armed groups
/// and countries speak.
/// </summary>
internal sealed class SpeakerFinder(ClaimDocument d, SpeakerResolver resolver)
{
    /// <summary>The subject before the cue at <paramref name="cue"/>, in the clause starting at <paramref name="from"/>.</summary>
    public Speakers? Before(int cue, int from, Speakers? previous)
    {
        var k = cue - 1;
        while (k >= from)
        {
            if (d.RoleOf(k) == ClaimWordRole.Skip)
            {
                k--;
            }
            else if (k - 2 >= from && d.IsComma(k) && d.RoleOf(k - 1) == ClaimWordRole.Skip && d.IsComma(k - 2))
            {
                k -= 3;
            }
            else
            {
                break;
            }
        }

        if (k < from)
        {
            return null;
        }

        if (d.IsChar(k, ')'))
        {
            // "the Movement for ... (MUJAO) announced": the name before the acronym.
            for (var p = k - 1; p >= from && p >= k - 6; p--)
            {
                if (d.IsChar(p, '('))
                {
                    k = p - 1;
                    break;
                }
            }

            if (k < from)
            {
                return null;
            }
        }

        if (d.Is(k, "to"))
        {
            return null; // an infinitive: "refused to say"
        }

        if (d.SpeakerEndingAt(k) is { } m)
        {
            return m.First - 2 >= from && d.IsExactly(m.First - 1, "of")
                ? Complement(m, m.First - 2, from)
                : Conjuncts(m, from, "subject", 0.9);
        }

        if (d.EndingAt(k) is not null)
        {
            return null; // a place or people group is not a named source
        }

        switch (d.RoleOf(k))
        {
            case ClaimWordRole.Person:
                return Resolved(resolver.Pronoun(k, person: true), k, k, "pronoun");
            case ClaimWordRole.Group:
                return Resolved(resolver.Pronoun(k, person: false), k, k, "pronoun");
            case ClaimWordRole.Role or ClaimWordRole.GroupNoun or ClaimWordRole.InstitutionNoun:
                return Description(k, from);
        }

        if (d.IsComma(k))
        {
            return Apposition(k, from);
        }

        if (d.IsExactly(k, "who") && k - 2 >= from && d.IsComma(k - 1))
        {
            var head = d.SpeakerEndingAt(k - 2);
            return head is null ? null : new Speakers([head.Value.Entity], head.Value.First, head.Value.Last, "relative", 0.85) { Relative = true };
        }

        if (d.Is(k, "and"))
        {
            return previous is not null
                ? previous with { Start = k, End = k, Rule = "coordinated", Relative = false }
                : ClauseSubject(ClauseStart(k, from), k) is { } s ? s with { Rule = "coordinated" } : null;
        }

        // "X, a journalist ..., who had returned ... said": the subject before the relative clause.
        for (var w = k - 1; w > from && !d.IsComma(w); w--)
        {
            if (d.IsExactly(w, "who") && d.IsComma(w - 1))
            {
                var s = ClauseSubject(ClauseStart(w, from), w);
                return s is not null && d.IsComma(s.End + 1) ? s with { Rule = "relative-clause", Confidence = 0.75 } : null;
            }
        }

        return null;
    }

    /// <summary>The name after the cue: "said Dr. X", "according to the Pentagon".</summary>
    public Speakers? After(int start, int end)
    {
        var j = start;
        while (j < end && (d.Is(j, "the") || d.Tokens[j].Kind == Harmattan.Text.TokenKind.Abbreviation))
        {
            j++;
        }

        if (j < end && d.SpeakerStartingAt(j) is { } m)
        {
            return new Speakers([m.Entity], start, m.Last, "after-cue", 0.9);
        }

        if (j > start && d.Is(j - 1, "the"))
        {
            for (var h = j; h < end && h < j + 3 && d.IsWordLike(h); h++)
            {
                if (d.RoleOf(h) == ClaimWordRole.Role)
                {
                    return Resolved(resolver.Role(h, start), start, h, "role");
                }
            }
        }

        return null;
    }

    /// <summary>The subject at the start of a clause: "Shulkin spoke first, ..., stating that".</summary>
    public Speakers? ClauseSubject(int from, int to)
    {
        var j = SkipOpeners(from, to);
        if (j < to && d.RoleOf(j) == ClaimWordRole.Adjunct && d.IsCapitalized(j))
        {
            // "In a rare interview, he said": skip the introductory phrase up to its comma.
            var comma = j + 1;
            while (comma < to && !d.IsComma(comma))
            {
                comma++;
            }

            if (comma >= to)
            {
                return null;
            }

            j = SkipOpeners(comma + 1, to);
        }

        while (j < to && (d.Is(j, "the") || d.Tokens[j].Kind == Harmattan.Text.TokenKind.Abbreviation))
        {
            j++;
        }

        if (j >= to)
        {
            return null;
        }

        if (d.SpeakerStartingAt(j) is { } m)
        {
            // "MNLA media office chief Bakai ...": the person the organisation's name qualifies.
            for (var p = m.Last + 1; p < to && p <= m.Last + 5 && d.IsLowerWord(p); p++)
            {
                if (d.SpeakerStartingAt(p + 1) is { Entity.Type: Harmattan.Knowledge.EntityType.Person } person)
                {
                    return new Speakers([person.Entity], j, person.Last, "clause-subject", 0.85);
                }
            }

            return new Speakers([m.Entity], j, m.Last, "clause-subject", 0.85);
        }

        if (PersonAfterTitle(j, to) is { } titled)
        {
            return new Speakers([titled.Entity], j, titled.Last, "clause-subject", 0.85);
        }

        return d.RoleOf(j) switch
        {
            ClaimWordRole.Person => Resolved(resolver.Pronoun(j, person: true), j, j, "pronoun"),
            ClaimWordRole.Group => Resolved(resolver.Pronoun(j, person: false), j, j, "pronoun"),
            _ => null,
        };
    }

    /// <summary>Where the clause holding <paramref name="token"/> starts: after a closing quotation or a semicolon.</summary>
    public int ClauseStart(int token, int from)
    {
        for (var k = token - 1; k >= from; k--)
        {
            if (d.IsChar(k, ';') || d.ClosingAt(k) is not null)
            {
                var start = k + 1;
                while (start < token && (d.IsComma(start) || d.ClosingAt(start) is not null || d.IsChar(start, '\u2019')))
                {
                    start++;
                }

                return start;
            }
        }

        return from;
    }

    private int SkipOpeners(int j, int to)
    {
        while (j < to && (d.RoleOf(j) == ClaimWordRole.Opener || d.IsComma(j) || d.IsPunctuation(j)))
        {
            j++;
        }

        return j;
    }

    private Speakers? Description(int head, int from)
    {
        var np = head;
        while (np - 1 >= from && np > head - 6 && d.IsWordLike(np - 1) && d.RoleOf(np - 1) != ClaimWordRole.Skip
               && !d.IsExactly(np - 1, "that") && !d.IsExactly(np - 1, "and") && !d.IsExactly(np - 1, "who") && !d.IsExactly(np - 1, "which"))
        {
            np--;
        }

        var role = d.RoleOf(head);
        if (role != ClaimWordRole.Role)
        {
            for (var i = np; i < head; i++)
            {
                if (d.SpeakerStartingAt(i) is { } named && named.Entity.Type != Harmattan.Knowledge.EntityType.Person)
                {
                    return new Speakers([named.Entity], np, head, "institution", 0.8);
                }
            }
        }

        if (!d.Is(np, "the"))
        {
            return null;
        }

        return role switch
        {
            ClaimWordRole.Role => Resolved(resolver.Role(head, np), np, head, "role"),
            ClaimWordRole.GroupNoun => Resolved(resolver.GroupNoun(head, np), np, head, "group-noun"),
            _ => null,
        };
    }

    /// <summary>
    /// "Ansar al-Sharia of Libya denied", "the government of Mali said", "the spokesman of the MNLA said":
    /// the speaker is the head before "of", not the name after it.
    /// </summary>
    private Speakers? Complement(SpeakerMention m, int head, int from)
    {
        if (d.SpeakerEndingAt(head) is { } named)
        {
            return Conjuncts(named, from, "subject", 0.85);
        }

        return d.RoleOf(head) switch
        {
            ClaimWordRole.InstitutionNoun => new Speakers([m.Entity], head, m.Last, "institution", 0.8),
            ClaimWordRole.Role or ClaimWordRole.GroupNoun => Description(head, from),
            _ when d.IsLowerWord(head) => null,
            _ => Conjuncts(m, from, "subject", 0.9),
        };
    }

    private Speakers? Apposition(int comma, int from)
    {
        // "X, a journalist at Y, said": the subject at the start of the clause, followed by a comma.
        var s = ClauseSubject(ClauseStart(comma, from), comma);
        if (s is not null && s.End + 1 < comma && d.IsComma(s.End + 1))
        {
            return s with { Rule = "apposition" };
        }

        // "The organisers of the meeting, the X Council, said": the name in apposition.
        if (d.SpeakerEndingAt(comma - 1) is { } m)
        {
            var before = m.First - 1;
            while (before >= from && before >= m.First - 3 && d.IsCapitalized(before) && d.RoleOf(before) == ClaimWordRole.Role)
            {
                before--; // "the army spokesman, Colonel X, said": the title goes with the name
            }

            if (before >= from && d.Is(before, "the"))
            {
                before--;
            }

            if (before >= from && d.IsComma(before))
            {
                return new Speakers([m.Entity], m.First, m.Last, "apposition", 0.8);
            }
        }

        return null;
    }

    /// <summary>
    /// "Colonel Sidi Keita", "Defence Minister Florence Parly": a person's name after capitalised words the
    /// last of which is a role, which are then its title (the recognisers keep titles out of names).
    /// </summary>
    private SpeakerMention? PersonAfterTitle(int j, int to)
    {
        for (var k = j; k < to - 1 && k < j + 3 && d.IsCapitalized(k); k++)
        {
            if (d.RoleOf(k) == ClaimWordRole.Role && d.SpeakerStartingAt(k + 1) is { Entity.Type: Harmattan.Knowledge.EntityType.Person } person)
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>"AMB and the Mali-based MUJAO announced": every named subject of the verb.</summary>
    private Speakers Conjuncts(SpeakerMention m, int from, string rule, double confidence)
    {
        var entities = new List<EntityDraft> { m.Entity };
        var start = m.First;
        var j = start - 1;
        for (var skipped = 0; j >= from && skipped < 2 && (d.Is(j, "the") || d.IsLowerWord(j) && !d.Is(j, "and") || d.Tokens[j].TextOf(d.Text).Contains('-')); skipped++)
        {
            j--;
        }

        if (j - 1 >= from && d.Is(j, "and") && d.SpeakerEndingAt(j - 1) is { } first)
        {
            entities.Insert(0, first.Entity);
            start = first.First;
            while (start - 2 >= from && d.IsComma(start - 1) && d.SpeakerEndingAt(start - 2) is { } more)
            {
                entities.Insert(0, more.Entity);
                start = more.First;
            }
        }

        return new Speakers(entities.Distinct().ToList(), start, m.Last, entities.Count > 1 ? "several-subjects" : rule, confidence);
    }

    private Speakers? Resolved(EntityDraft? entity, int start, int end, string rule)
    {
        if (entity is null)
        {
            return null;
        }

        resolver.Remember(start, entity);
        return new Speakers([entity], start, end, rule, 0.75);
    }
}
