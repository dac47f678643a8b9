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
            if (tokens[i].Span.Of(text) != "(")
            {
                continue;
            }

            // The parenthesis holds one name: an acronym or a long name, up to the closing bracket.
            var close = i + 1;
            while (close < tokens.Length && close < i + 14 && tokens[close].Span.Of(text) != ")")
            {
                close++;
            }

            if (close >= tokens.Length || tokens[close].Span.Of(text) != ")")
            {
                continue;
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

                found.Add(new MentionCandidate(inner, before.Type, MentionKind.Acronym, Name, "long-name(acronym)", 0.9, before.RegistryId, beforeText));
            }
            else if (NameChars.IsAllCaps(beforeText) && char.IsUpper(innerText[0]) && AcronymFits(beforeText, innerText))
            {
                // "ACR (Long Name)".
                var type = candidates.FirstOrDefault(c => c.Span == inner)?.Type ?? before.Type;
                found.Add(new MentionCandidate(inner, type, MentionKind.Name, Name, "acronym(long-name)", 0.85, before.RegistryId, beforeText));
            }
        }

        return found;
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
