using Harmattan.Extraction.Pipeline;
using Harmattan.Text;

namespace Harmattan.Extraction.Events;

/// <summary>
/// A trigger found in a sentence. <see cref="Strong"/> is the lexicon's strength, lowered when the
/// context makes the mention a reference point or an intention rather than a reported happening.
/// </summary>
/// <see cref="Definite"/> is true for "the attack", "this coup": a noun phrase that may point back to an event told before.
internal sealed record TriggerHit(EventTrigger Trigger, int FirstToken, int LastToken, TextSpan Span, bool Strong, string Rule, bool Definite = false);

/// <summary>
/// Finds the event triggers of one sentence by one lexicon lookup per token. Context rules, all
/// local and cheap:
/// <list type="bullet">
/// <item>a trigger inside a recognised name is ignored unless the lexicon allows it ("Conference of ...");</item>
/// <item>after a vague quantifier ("several rebellions") it is generic, not an event;</item>
/// <item>after "before/after/following/since" with a definite determiner ("after the split") it refers
/// to an event told elsewhere, and after "to" or a modal ("to take over", "would merge") it is an
/// intention: both become weak;</item>
/// <item>a label glued to a value by a scraped page layout ("AttackNovember 2013") is read as its words.</item>
/// </list>
/// </summary>
internal sealed class TriggerFinder(EventTriggerLexicon lexicon, string text, Token[] tokens, TextSpan[] names)
{
    private static readonly HashSet<string> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        "several", "many", "numerous", "multiple", "countless", "repeated", "frequent", "various", "past", "previous", "future", "possible",
        "potential", "any", "no",
    };

    private static readonly HashSet<string> Reference = new(StringComparer.OrdinalIgnoreCase)
    {
        "before", "after", "following", "since", "until", "prior", "amid", "despite", "during",
    };

    private static readonly HashSet<string> Definite = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "its", "their", "his", "her", "this", "that", "these", "those", "our",
    };

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "would", "could", "might", "will", "shall", "should", "may", "can", "must",
    };

    public List<TriggerHit> Find(Sentence sentence)
    {
        var hits = new List<TriggerHit>();
        var end = sentence.EndToken;
        for (var i = sentence.FirstToken; i < end; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = t.Span.SliceOf(text);
            if (lexicon.TryStartingWith(word, out var candidates) && Longest(candidates, i, end) is { } match)
            {
                var span = new TextSpan(t.Start, tokens[match.Last].End);
                // A gapped trigger ("drove * out of") may hold a name in its gap: only its own words must stand outside names.
                var inName = Array.IndexOf(match.Trigger.Words, "*") < 0
                    ? InName(span)
                    : InName(t.Span) || InName(tokens[match.Last].Span);
                if (inName && !match.Trigger.InName)
                {
                    continue;
                }

                if (Judge(match.Trigger, i, sentence.FirstToken) is { } judged)
                {
                    hits.Add(new TriggerHit(match.Trigger, i, match.Last, span, judged.Strong, judged.Rule, judged.Definite));
                }

                i = match.Last;
                continue;
            }

            // "FormedAugust", "AttackNovember": a label glued to the value after it.
            var glue = GlueAt(word);
            if (glue > 0 && lexicon.TryStartingWith(word[..glue], out var labels))
            {
                foreach (var label in labels)
                {
                    if (label.Words.Length == 1)
                    {
                        hits.Add(new TriggerHit(label, i, i, new TextSpan(t.Start, t.Start + glue), label.Strong, "glued-label"));
                        break;
                    }
                }
            }
        }

        return hits;
    }

    private static int GlueAt(ReadOnlySpan<char> word)
    {
        for (var p = 2; p < word.Length - 2; p++)
        {
            if (char.IsUpper(word[p]) && char.IsLower(word[p - 1]))
            {
                return p;
            }
        }

        return 0;
    }

    private (EventTrigger Trigger, int Last)? Longest(EventTrigger[] candidates, int i, int end)
    {
        foreach (var trigger in candidates)
        {
            if (Matches(trigger.Words, 1, i + 1, end, out var last))
            {
                return (trigger, trigger.Words.Length == 1 ? i : last);
            }
        }

        return null;
    }

    private bool Matches(string[] words, int w, int j, int end, out int last)
    {
        last = j - 1;
        if (w == words.Length)
        {
            return true;
        }

        if (words[w] == "*")
        {
            for (var gap = 1; gap <= 4 && j + gap <= end; gap++)
            {
                if (Matches(words, w + 1, j + gap, end, out last))
                {
                    return true;
                }
            }

            return false;
        }

        return j < end && tokens[j].IsIgnoreCase(text, words[w]) && Matches(words, w + 1, j + 1, end, out last);
    }

    private (bool Strong, string Rule, bool Definite)? Judge(EventTrigger trigger, int i, int first)
    {
        var prev = i > first ? tokens[i - 1].Span.SliceOf(text) : [];
        if (Vague.Contains(prev))
        {
            return null;
        }

        // "to take over", "to try to take over", "would merge": intended, not (yet) reported.
        if (Modals.Contains(prev) || (i - 2 >= first && tokens[i - 2].IsIgnoreCase(text, "to") && tokens[i - 1].IsIgnoreCase(text, "not")))
        {
            return (false, "intention", false);
        }

        // "after the split", "before their merger", "following the military coup": a reference point.
        var definite = false;
        var verb = trigger.Words[0].EndsWith("ed", StringComparison.Ordinal);
        for (var k = i - 1; k >= first && k >= i - 4; k--)
        {
            var w = tokens[k].Span.SliceOf(text);
            if (Definite.Contains(w))
            {
                if (k > first && Reference.Contains(tokens[k - 1].Span.SliceOf(text)))
                {
                    return (false, "reference", true);
                }

                definite = !verb; // "the group also seized": the determiner is the subject's, not the trigger's
                break;
            }

            // A verb between them ends the noun phrase: "after the government sparked civil war".
            if (tokens[k].Kind != TokenKind.Word || Reference.Contains(w) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        return (trigger.Strong, trigger.Strong ? "strong" : "weak", definite);
    }

    private bool InName(TextSpan span)
    {
        var lo = 0;
        var hi = names.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (names[mid].End <= span.Start)
            {
                lo = mid + 1;
            }
            else if (names[mid].Start >= span.End)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
