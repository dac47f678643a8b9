using Harmattan.Knowledge;
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

    public void Process(AnalyzedDocument document)
    {
        document.Dates.AddRange(Find(document));
        if (document.Published is null && document.Dates.Count > 0)
        {
            document.PublishedInText = HeaderDate(document);
        }
    }

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

        return YearResolver.Resolve(candidates, document.Published ?? HeaderDate(document, candidates), document.Text, Name);
    }

    /// <summary>The header date of an analysed document whose dates were found (the same rule as <see cref="HeaderDate(AnalyzedDocument, List{DateCandidate})"/>).</summary>
    private static PartialDate? HeaderDate(AnalyzedDocument document) =>
        document.Dates.FirstOrDefault(d => d.Date.Precision == DatePrecision.Day && !d.YearInferred
            && document.SentenceAt(d.Span.Start) is var s and >= 0 and < HeaderSentences
            && document.Sentences[s].Kind == SentenceKind.Heading)?.Date;

    /// <summary>Sentences at the top of a report searched for its date line when no publication date is known.</summary>
    private const int HeaderSentences = 5;

    /// <summary>
    /// A report without a publication date (plain text) often states it in a short line at the top
    /// ("Published 10 April 2012"): the first full date with its year in a heading among the first
    /// sentences stands for the publication date.
    /// </summary>
    private static PartialDate? HeaderDate(AnalyzedDocument document, List<DateCandidate> candidates)
    {
        var c = candidates.FirstOrDefault(c => c.Sentence < HeaderSentences && c.Anchor == DateAnchor.None && c.Precision == DatePrecision.Day
            && document.Sentences[c.Sentence].Kind == SentenceKind.Heading);
        return c is null ? null : PartialDate.OfDay(c.Year, c.Month, c.Day);
    }
}
