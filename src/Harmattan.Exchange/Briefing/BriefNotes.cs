using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Briefing;

/// <summary>Numbers the notes of one briefing in order of first citation; the same evidence, or the same document, is one note.</summary>
internal sealed class BriefNotes(IReadOnlyDictionary<string, KnowledgeDocument> documents)
{
    private readonly Dictionary<(string, string?), BriefNote> _notes = [];

    public IReadOnlyList<BriefNote> All => _notes.Values.OrderBy(n => n.Number).ToList();

    public int Cite(Provenance from) => Note(from.DocumentId, from.Evidence);

    public int Cite(FactSource from) => Note(from.DocumentId, from.Evidence);

    public int CiteDocument(string documentId) => Note(documentId, null);

    public List<int> Cite(IEnumerable<Provenance> from, int most = 4) =>
        from.Select(Cite).Distinct().Take(most).ToList();

    private int Note(string documentId, string? evidence)
    {
        if (!_notes.TryGetValue((documentId, evidence), out var note))
        {
            var document = documents[documentId];
            note = new BriefNote(_notes.Count + 1, documentId, document.Title, document.Date, document.Url, evidence);
            _notes[(documentId, evidence)] = note;
        }

        return note.Number;
    }
}
