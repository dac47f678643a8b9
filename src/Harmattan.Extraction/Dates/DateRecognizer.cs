using Harmattan.Extraction.Pipeline;
using Harmattan.Text;

namespace Harmattan.Extraction.Dates;

/// <summary>
/// <c>dates.recognizer/1</c>: finds the date expressions of a document and the date each denotes, to
/// the precision the text gives (year, month, day, a range of years, a decade). Expressions without a
/// year take it from the document (<see cref="YearResolver"/>) and say so with
/// <see cref="DateMention.YearInferred"/>. Relative expressions ("last week", "yesterday") are left
/// out: they need a day-precise anchor the contract does not ask for. Spans never overlap and are in
/// text order.
/// </summary>
public sealed class DateRecognizer(DateLexicon lexicon, IReadOnlySet<string> countNouns) : IComponent
{
    private readonly HashSet<string> _countNouns = new(countNouns, StringComparer.OrdinalIgnoreCase);

    public string Name => "dates.recognizer/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Dates];

    public void Process(AnalyzedDocument document) => document.Dates.AddRange(Find(document));

    /// <summary>The date mentions of the document, in text order, without writing them.</summary>
    public IReadOnlyList<DateMention> Find(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scanner = new DateScanner(lexicon, document.Text, document.Tokens) { CountNouns = _countNouns };
        var candidates = new List<DateCandidate>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            candidates.AddRange(scanner.Scan(s, document.Sentences[s]));
        }

        return YearResolver.Resolve(candidates, document.Published, document.Text, Name);
    }
}
