using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Extraction.Mentions;

/// <summary>
/// Finds the actors, countries, places and communities of the registries under every spelling the
/// registries list, longest match first, comparing folded names (case, accents, apostrophes, "al-"
/// variants) but requiring the capitals a name needs: "Platform" the coalition is not "platform", and
/// an acronym must be written in capitals unless the registry lists its mixed-case form ("Mujao").
/// Demonyms are proposed as <see cref="MentionKind.Demonym"/> mentions of their country; a demonym
/// followed by an institution noun ("Malian army") is proposed as that institution.
/// </summary>
public sealed class RegistryRecognizer : IComponent
{
    private readonly Dictionary<string, List<Alias>> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    // Every prefix of every key: once a span's folded form is not one, no longer span can match,
    // because folding a longer span only appends to the folded form of a shorter one.
    private readonly HashSet<string> _keyPrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Alias>>.AlternateLookup<ReadOnlySpan<char>> _aliasesBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordsBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _keyPrefixesBySpan;
    private readonly MentionLexicons _lexicons;
    private readonly int _maxTokens;

    private sealed record Alias(RegistryEntry Entry, string Surface, bool IsDemonym);

    public RegistryRecognizer(ActorRegistry registry, MentionLexicons lexicons)
    {
        _lexicons = lexicons;
        var maxWords = 1;
        foreach (var entry in registry.Entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                maxWords = Math.Max(maxWords, AddAlias(new Alias(entry, name, false)));
            }

            foreach (var demonym in entry.Demonyms)
            {
                AddAlias(new Alias(entry, demonym, true));
            }
        }

        // A folded word may come from a token that folds to two ("al-Qaeda"): allow some slack.
        _maxTokens = maxWords + 2;
        foreach (var key in _aliases.Keys)
        {
            for (var length = 1; length <= key.Length; length++)
            {
                _keyPrefixes.Add(key[..length]);
            }
        }

        _aliasesBySpan = _aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordsBySpan = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyPrefixesBySpan = _keyPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => "mentions.registry/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Mentions];

    public void Process(AnalyzedDocument document) => document.MentionCandidates.AddRange(Find(document));

    /// <summary>The index of a capitalised head word of <paramref name="type"/> right after token <paramref name="end"/>, or null.</summary>
    private int? HeadAfter(string text, Token[] tokens, int end, EntityType type)
    {
        if (type is not (EntityType.ArmedGroup or EntityType.Organization) || end + 1 >= tokens.Length)
        {
            return null;
        }

        var next = tokens[end + 1];
        if (next.Span.Start != tokens[end].Span.End + 1 || text[tokens[end].Span.End] != ' ' || !char.IsUpper(text[next.Span.Start]))
        {
            return null;
        }

        return _lexicons.Heads.TryGetValue(next.Span.Of(text), out var heads) && heads.Any(h => h.Type == type && h.Position is HeadPosition.Last or HeadPosition.Any)
            ? end + 1
            : null;
    }

    public IEnumerable<MentionCandidate> Find(AnalyzedDocument document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var found = new List<MentionCandidate>();
        var buffer = new char[64];
        var i = 0;
        while (i < tokens.Length)
        {
            var best = LongestMatch(text, tokens, i, ref buffer);
            if (best is null)
            {
                i++;
                continue;
            }

            var (end, span, alias) = best.Value;
            var entry = alias.Entry;
            if (alias.IsDemonym)
            {
                var institution = InstitutionAfter(text, tokens, end + 1);
                if (institution is { } nounEnd)
                {
                    // "Malian army": an institution of its own, not a mention of the country.
                    var whole = new TextSpan(span.Start, tokens[nounEnd].Span.End);
                    found.Add(new MentionCandidate(whole, EntityType.Organization, MentionKind.Name, Name, "demonym+institution", 0.85));
                    i = nounEnd + 1;
                    continue;
                }

                if (StandsForCountry(text, tokens, i, end))
                {
                    found.Add(new MentionCandidate(span, entry.Type, MentionKind.Demonym, Name, "demonym", 0.7, entry.Id, entry.Name));
                }
            }
            else
            {
                var kind = NameChars.IsAllCaps(span.SliceOf(text)) && !span.SliceOf(text).Contains(' ') ? MentionKind.Acronym : MentionKind.Name;
                if (kind == MentionKind.Name && HeadAfter(text, tokens, end, entry.Type) is { } head)
                {
                    // "the Those Who Sign in Blood Brigade": the group's head word belongs to its name.
                    span = new TextSpan(span.Start, tokens[head].Span.End);
                    end = head;
                }

                found.Add(new MentionCandidate(span, entry.Type, kind, Name, "registry-alias", 0.95, entry.Id, entry.Name));
            }

            i = end + 1;
        }

        return found;
    }

    private int AddAlias(Alias alias)
    {
        var key = NameKey.Fold(alias.Surface);
        if (key.Length == 0)
        {
            return 0;
        }

        if (!_aliases.TryGetValue(key, out var list))
        {
            _aliases[key] = list = [];
        }

        if (!list.Exists(a => a.Entry.Id == alias.Entry.Id && a.Surface == alias.Surface))
        {
            list.Add(alias);
        }

        var space = key.IndexOf(' ', StringComparison.Ordinal);
        _firstWords.Add(space < 0 ? key : key[..space]);
        return key.Count(c => c == ' ') + 1;
    }

    /// <remarks>
    /// Folds into <paramref name="buffer"/> and looks keys up by span, so a token that starts no name
    /// costs no allocation; only a span whose key is in the registry becomes a string.
    /// </remarks>
    private (int End, TextSpan Span, Alias Alias)? LongestMatch(string text, Token[] tokens, int start, ref char[] buffer)
    {
        var first = tokens[start];
        if (!NameChars.IsWord(text, first))
        {
            return null;
        }

        var firstKey = NameKey.Fold(first.Span.SliceOf(text), ref buffer);
        var space = firstKey.IndexOf(' ');
        if (!_firstWordsBySpan.Contains(space < 0 ? firstKey : firstKey[..space]))
        {
            // Hyphenated compounds ("Ansar Dine-led") are handled when the first part starts a name.
            var dash = first.Span.SliceOf(text).IndexOf('-');
            if (dash <= 0 || !_firstWordsBySpan.Contains(NameKey.Fold(text.AsSpan(first.Span.Start, dash), ref buffer)))
            {
                return null;
            }
        }

        (int, TextSpan, Alias)? best = null;
        var limit = Math.Min(tokens.Length, start + _maxTokens);
        for (var end = start; end < limit; end++)
        {
            if (end > start && tokens[end].Span.Start - tokens[end - 1].Span.End > 1 && text[tokens[end - 1].Span.End] == '\n')
            {
                break; // names do not run across lines
            }

            if (!IsWordToken(tokens[end]))
            {
                continue; // a name ends on a word: "ECOWAS)" is "ECOWAS"
            }

            var span = new TextSpan(first.Span.Start, tokens[end].Span.End);
            if (Match(text, span, ref buffer, out var prefixOfKey) is { } alias)
            {
                best = (end, span, alias);
            }
            else
            {
                // "Ansar Dine-led": try the part before the last hyphen of the last token.
                var last = tokens[end].Span;
                var dash = last.SliceOf(text).LastIndexOf('-');
                if (dash > 0)
                {
                    var cut = new TextSpan(first.Span.Start, last.Start + dash);
                    if (Match(text, cut, ref buffer, out _) is { } partAlias)
                    {
                        best = (end, cut, partAlias);
                    }
                }
            }

            if (!prefixOfKey)
            {
                break; // no key goes on from here: every longer span folds to a longer, unknown key
            }
        }

        return best;
    }

    /// <param name="prefixOfKey">False when no key of the registry starts with the span's folded form
    /// (and the form does not start like "the ", which folding strips from the finished key).</param>
    private Alias? Match(string text, TextSpan span, ref char[] buffer, out bool prefixOfKey)
    {
        var key = NameKey.Fold(span.SliceOf(text), ref buffer);
        prefixOfKey = _keyPrefixesBySpan.Contains(key) || key.StartsWith("th", StringComparison.Ordinal) || key is "t";
        if (!_aliasesBySpan.TryGetValue(key, out var candidates))
        {
            return null;
        }

        var surface = span.Of(text);
        Alias? chosen = null;
        foreach (var alias in candidates)
        {
            if (!CapitalsAgree(surface, alias.Surface))
            {
                continue;
            }

            // Prefer an exact spelling, then a proper name over a demonym.
            if (chosen is null || (alias.Surface == surface && chosen.Surface != surface) || (!alias.IsDemonym && chosen.IsDemonym))
            {
                chosen = alias;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The text must carry the capitals the registry's spelling has: an acronym in capitals (or exactly
    /// as listed), and a name with a capital wherever the listed name has one on a word that is not a
    /// particle ("al", "ag", "of").
    /// </summary>
    internal static bool CapitalsAgree(string surface, string listed)
    {
        if (surface == listed)
        {
            return true;
        }

        if (NameChars.IsAllCaps(listed) && !listed.Contains(' ', StringComparison.Ordinal))
        {
            return NameChars.IsAllCaps(surface);
        }

        var surfaceWords = surface.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var listedWords = listed.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (surfaceWords.Length != listedWords.Length)
        {
            return surfaceWords.Any(w => char.IsUpper(w[0]));
        }

        for (var k = 0; k < listedWords.Length; k++)
        {
            var want = listedWords[k];
            if (want.Length > 3 && char.IsUpper(want[0]) && !char.IsUpper(surfaceWords[k][0]))
            {
                return false;
            }
        }

        return surfaceWords.Any(w => char.IsUpper(w[0]));
    }

    private static bool IsWordToken(Token token) => token.Kind is TokenKind.Word or TokenKind.Abbreviation;

    /// <summary>
    /// A demonym names its country before a state noun ("French intervention", "Malian soldiers") or as
    /// "the French" acting; not as a nationality ("an Algerian diplomat"), a language ("(French)") or
    /// before a person's name.
    /// </summary>
    private bool StandsForCountry(string text, Token[] tokens, int first, int last)
    {
        for (var length = 2; length >= 1; length--)
        {
            var end = last + length;
            if (end < tokens.Length && _lexicons.StateNouns.Contains(new TextSpan(tokens[last + 1].Span.Start, tokens[end].Span.End).SliceOf(text)))
            {
                return true;
            }
        }

        var before = first > 0 ? tokens[first - 1].Span.Of(text) : "";
        var after = last + 1 < tokens.Length ? tokens[last + 1] : default;
        return before is "the" or "The" && after.Span.Length > 0
            && (after.Kind == TokenKind.Punctuation || (char.IsLower(text[after.Span.Start]) && !_lexicons.StateNouns.Contains(after.Span.SliceOf(text))));
    }

    private int? InstitutionAfter(string text, Token[] tokens, int next)
    {
        // Longest institution noun phrase of up to two words right after the demonym.
        for (var length = 2; length >= 1; length--)
        {
            var last = next + length - 1;
            if (last >= tokens.Length)
            {
                continue;
            }

            var phrase = new TextSpan(tokens[next].Span.Start, tokens[last].Span.End).Of(text);
            var blocked = last + 1 < tokens.Length && _lexicons.InstitutionBlockers.Contains(tokens[last + 1].Span.SliceOf(text));
            if (_lexicons.InstitutionNouns.Contains(phrase) && !blocked)
            {
                return last;
            }
        }

        return null;
    }
}
