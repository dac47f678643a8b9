using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Text;


namespace Harmattan.Extraction.Mentions;

/// <summary>
/// Reads the definitions a report gives: "Long Name (ACR)", "ACR (Long Name)", and "X, also known as
/// Y" / "known as Y" / "also called Y". The defined form is proposed with <see cref="MentionCandidate.Canonical"/>
/// set to the form it is defined by, so the linker puts both in one entity.
/// </summary>
public sealed class DefinitionRecognizer : IComponent
{
    public string Name => "mentions.definition/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Mentions];

    public void Process(AnalyzedDocument document) => document.MentionCandidates.AddRange(Find(document));

    public IEnumerable<MentionCandidate> Find(AnalyzedDocument document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var candidates = document.MentionCandidates;
        var found = new List<MentionCandidate>();
        for (var i = 1; i + 2 < tokens.Length; i++)
        {
            if (!tokens[i].Is(text, "("))
            {
                continue;
            }

            // The parenthesis holds one name: an acronym or a long name, up to the closing bracket.
            var close = i + 1;
            while (close < tokens.Length && close < i + 14 && !tokens[close].Is(text, ")"))
            {
                close++;
            }

            if (close >= tokens.Length || !tokens[close].Is(text, ")") || close == i + 1)
            {
                continue; // unclosed, or "( )" with nothing to define
            }

            var inner = new TextSpan(tokens[i + 1].Span.Start, tokens[close - 1].Span.End);
            var before = candidates.Where(c => c.Span.End == tokens[i - 1].Span.End && c.Kind != MentionKind.Demonym)
                .OrderByDescending(c => c.Span.Length).FirstOrDefault();
            if (before is null)
            {
                continue;
            }

            var innerText = inner.Of(text);
            var beforeText = before.Span.Of(text);
            if (close == i + 2 && NameChars.IsAllCaps(innerText))
            {
                // "Long Name (ACR)": the acronym takes the long name's type and identity.
                if (NameChars.IsAllCaps(beforeText) || !AcronymFits(innerText, beforeText))
                {
                    continue;
                }

                var listed = candidates.FirstOrDefault(c => c.Span == inner && c.RegistryId is not null);
                if (listed is not null && before.RegistryId is null)
                {
                    // "the Movement for the Liberation of Azawad (MNLA)": the registry knows the acronym, so the
                    // long name the report gives is another name of that entry, whatever the registry calls it.
                    found.Add(new MentionCandidate(before.Span, listed.Type, MentionKind.Name, Name, "long-name(registry-acronym)", 0.9, listed.RegistryId, listed.Canonical));
                    continue;
                }

                found.Add(new MentionCandidate(inner, before.Type, MentionKind.Acronym, Name, "long-name(acronym)", 0.9, before.RegistryId, beforeText));
                continue;
            }

            // "ACR (Long Name)", "Name (Other Name, ACR)": each comma-separated name inside is an alias.
            foreach (var item in Items(text, tokens, i + 1, close, [","]))
            {
                var itemText = item.Of(text);
                var isAcronym = NameChars.IsAllCaps(itemText) && !itemText.Contains(' ', StringComparison.Ordinal);
                var fits = isAcronym ? AcronymFits(itemText, beforeText) || AcronymFits(beforeText, itemText) : AcronymFits(beforeText, itemText) || item.Length > 12;
                if (!fits)
                {
                    continue;
                }

                var type = candidates.FirstOrDefault(c => c.Span == item)?.Type ?? before.Type;
                found.Add(new MentionCandidate(item, type, isAcronym ? MentionKind.Acronym : MentionKind.Name, Name, "name(alias)", 0.85, before.RegistryId, beforeText));
            }
        }

        // "X, also known as Y", "aka Y; Z; W": every listed name is another name of the last name before the cue.
        for (var i = 0; i < tokens.Length; i++)
        {
            var cueEnd = AliasCueEnd(text, tokens, i);
            if (cueEnd < 0)
            {
                continue;
            }

            var subject = candidates.Where(c => c.Span.End <= tokens[i].Span.Start && c.Kind != MentionKind.Demonym)
                .OrderByDescending(c => c.Span.End).ThenByDescending(c => c.Span.Length).FirstOrDefault();
            if (subject is null)
            {
                continue;
            }

            var stop = cueEnd + 1;
            while (stop < tokens.Length && !EndsList(text, tokens[stop - 1], tokens[stop]))
            {
                stop++;
            }

            foreach (var item in Items(text, tokens, cueEnd + 1, stop, [";", ","]))
            {
                var itemText = item.Of(text);
                var isAcronym = NameChars.IsAllCaps(itemText) && !itemText.Contains(' ', StringComparison.Ordinal);
                found.Add(new MentionCandidate(item, subject.Type, isAcronym ? MentionKind.Acronym : MentionKind.Name, Name, "alias-list", 0.8, subject.RegistryId, subject.Span.Of(text)));
            }

            i = stop - 1;
        }

        return found;
    }

    /// <summary>The names between <paramref name="from"/> and <paramref name="to"/>, split at the separators; quotes and a leading "the" dropped.</summary>
    private static IEnumerable<TextSpan> Items(string text, Token[] tokens, int from, int to, string[] separators)
    {
        var start = from;
        for (var k = from; k <= to; k++)
        {
            if (k < to && !separators.Contains(tokens[k].Span.Of(text)))
            {
                continue;
            }

            var a = start;
            var b = k - 1;
            while (a <= b && (tokens[a].Kind == TokenKind.Punctuation || tokens[a].Span.Of(text) is "the" or "and" or "or"))
            {
                a++;
            }

            while (b >= a && tokens[b].Kind == TokenKind.Punctuation)
            {
                b--;
            }

            if (a <= b && b - a < 10 && NameChars.IsNameLike(text, tokens[a]) && NameChars.IsNameLike(text, tokens[b]))
            {
                yield return new TextSpan(tokens[a].Span.Start, tokens[b].Span.End);
            }

            start = k + 1;
        }
    }

    /// <summary>The last token of an alias cue starting at <paramref name="i"/> ("aka", "a.k.a.", "also known as", "also called"), or -1.</summary>
    private static int AliasCueEnd(string text, Token[] tokens, int i)
    {
        var word = tokens[i].Span.Of(text);
        if (word is "aka" or "a.k.a." or "AKA")
        {
            return i;
        }

        if (i + 2 < tokens.Length && word is "also" or "known" or "otherwise")
        {
            var next = tokens[i + 1].Span.Of(text);
            if (word == "also" && next == "known" && tokens[i + 2].Span.Of(text) == "as")
            {
                return i + 2;
            }

            if (word is "also" or "otherwise" && next is "called" or "named")
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>A list of names ends at a line break or a sentence end.</summary>
    private static bool EndsList(string text, Token previous, Token next)
    {
        for (var p = previous.Span.End; p < next.Span.Start; p++)
        {
            if (text[p] == '\n')
            {
                return true;
            }
        }

        return previous.Span.Of(text) is "." or ")" && char.IsUpper(text[next.Span.Start]) && previous.Span.Of(text) != ")";
    }

    /// <summary>
    /// Whether an acronym could abbreviate a name: its first letter starts some word of the name, and
    /// most of its letters do (names in another language or with dropped words still pass: MNLA for the
    /// National Movement for the Liberation of Azawad).
    /// </summary>
    internal static bool AcronymFits(string acronym, string name)
    {
        var letters = acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray();
        var initials = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0])).ToArray();
        if (letters.Length == 0 || initials.Length == 0)
        {
            return false;
        }

        var hits = letters.Count(l => initials.Contains(l));
        return initials.Contains(letters[0]) && hits * 3 >= letters.Length * 2;
    }
}
