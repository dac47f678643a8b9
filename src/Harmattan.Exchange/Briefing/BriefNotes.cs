using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange.Briefing;

/// <summary>Numbers the notes of one briefing in order of first citation; the same evidence, or the same document, is one note.</summary>
internal sealed class BriefNotes
{
    private readonly Dictionary<(string, string?), BriefNote> _notes = [];

    public int Cite(FactSource from) => Note(from.DocumentId, from.Title, from.Date, from.DateIsPublished, from.Evidence);

    public List<int> Cite(IEnumerable<FactSource> from, int most) =>
        from.Select(Cite).Distinct().Take(most).ToList();

    public int CiteDocument(NamingDocument document) => Note(document.DocumentId, document.Title, document.Date, document.DateIsPublished, null);

    public int CiteDocument(FactSource from) => Note(from.DocumentId, from.Title, from.Date, from.DateIsPublished, null);

    /// <summary>The notes in order, each with its document's address (<see cref="KnowledgeStore.DocumentUrls"/>).</summary>
    public IReadOnlyList<BriefNote> All(KnowledgeStore store)
    {
        var urls = store.DocumentUrls(_notes.Keys.Select(k => k.Item1).ToList());
        return _notes.Values
            .OrderBy(n => n.Number)
            .Select(n => n with { Url = urls.GetValueOrDefault(n.DocumentId) })
            .ToList();
    }

    private int Note(string documentId, string title, PartialDate date, bool dateIsPublished, string? evidence)
    {
        if (!_notes.TryGetValue((documentId, evidence), out var note))
        {
            note = new BriefNote(_notes.Count + 1, documentId, title, date, null, evidence, dateIsPublished);
            _notes[(documentId, evidence)] = note;
        }

        return note.Number;
    }
}
