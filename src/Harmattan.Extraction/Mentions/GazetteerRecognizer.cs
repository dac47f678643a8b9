using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Extraction.Mentions;

/// <summary>
/// Finds towns and cities of the GeoNames gazetteer that no registry lists. A place name is often also
/// a word or a person's name ("Said", "Hope"), so a match needs support: a large population, a
/// locative before it ("in", "near", "the town of"), or a country after it ("Ghardaia, Algeria").
/// </summary>
public sealed class GazetteerRecognizer(Gazetteer gazetteer, MentionLexicons lexicons) : IComponent
{
    private const int LargeCity = 200_000;
    private const int MaxWords = 3;

    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "around", "from", "to", "towards", "toward", "of", "into", "between", "and",
    };

    public string Name => "mentions.gazetteer/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Mentions];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Mentions];

    public void Process(AnalyzedDocument document) => document.MentionCandidates.AddRange(Find(document));

    public IEnumerable<MentionCandidate> Find(AnalyzedDocument document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var covered = NameChars.CoveredTokens(tokens, document.MentionCandidates);

        var found = new List<MentionCandidate>();
        foreach (var sentence in document.Sentences)
        {
            var end = sentence.FirstToken + sentence.TokenCount;
            for (var i = sentence.FirstToken; i < end; i++)
            {
                if (covered[i] || !NameChars.IsNameLike(text, tokens[i]))
                {
                    continue;
                }

                // "In Amenas", "In Khalil": a Saharan name may begin with a function word, a one-word name may not.
                var shortest = lexicons.FunctionWords.Contains(tokens[i].Span.SliceOf(text)) ? i + 1 : i;
                for (var last = Math.Min(end - 1, i + MaxWords - 1); last >= shortest; last--)
                {
                    if (Enumerable.Range(i, last - i + 1).Any(j => covered[j] || tokens[j].Kind != TokenKind.Word))
                    {
                        continue;
                    }

                    var span = new TextSpan(tokens[i].Span.Start, tokens[last].Span.End);
                    var surface = span.Of(text);
                    var places = gazetteer.Find(surface);
                    if (places.Count == 0 || lexicons.NonNames.Contains(surface) || lexicons.GivenNames.Contains(surface))
                    {
                        continue;
                    }

                    var support = Support(document, places[0].Population, i, last, sentence.FirstToken, end);
                    if (support is { } rule)
                    {
                        found.Add(new MentionCandidate(span, EntityType.Place, MentionKind.Name, Name, rule, rule == "large-city" ? 0.65 : 0.75));
                        i = last;
                        break;
                    }
                }
            }
        }

        return found;
    }

    private static string? Support(AnalyzedDocument document, int population, int first, int last, int sentenceStart, int sentenceEnd)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        if (first > sentenceStart && Locatives.Contains(tokens[first - 1].Span.SliceOf(text)))
        {
            return "locative";
        }

        if (last + 2 < sentenceEnd && tokens[last + 1].Is(text, ",") && document.MentionCandidates.Exists(c =>
            c.Type == EntityType.Country && c.Span.Start == tokens[last + 2].Span.Start))
        {
            return "place,country";
        }

        return population >= LargeCity && first > sentenceStart ? "large-city" : null;
    }
}
