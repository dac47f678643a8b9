using System.Text;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Exchange.Import;

/// <summary>
/// Writes the readable text that stands for one imported record and, as it goes, the facts that text
/// states, each with its span: entities where their names are written, events and relations on the
/// sentence that states them, a figure where it is written. The result goes through the store like any
/// extraction, so an imported fact has evidence and provenance like an extracted one.
/// </summary>
internal sealed class RecordDocument(ExchangeContext context, string component, double confidence)
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Id, EntityType Type, string Name, string? RegistryId, TextSpan Span)> _entities = [];
    private readonly List<(string EntityId, TextSpan Span)> _mentions = [];
    private readonly List<Func<string, Event>> _events = [];
    private readonly List<Func<string, Relation>> _relations = [];
    private readonly List<Func<string, Quantity>> _quantities = [];
    private readonly List<Func<string, Claim>> _claims = [];
    private int _sentenceStart;

    public int Position => _text.Length;

    public RecordDocument Write(string text)
    {
        _text.Append(text.ReplaceLineEndings(" "));
        return this;
    }

    /// <summary>Writes words exactly as given, line breaks included: a quoted claim stays the speaker's words.</summary>
    public RecordDocument WriteExact(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Writes a name and makes it a mention of an entity of that type (one entity per type and name).</summary>
    public string Entity(EntityType type, string name)
    {
        name = name.Trim();
        var start = _text.Length;
        _text.Append(name);
        var span = new TextSpan(start, _text.Length);
        var key = NameKey.Fold(name);
        var known = _entities.FindIndex(e => e.Type == type && NameKey.Fold(e.Name) == key);
        string id;
        if (known >= 0)
        {
            id = _entities[known].Id;
        }
        else
        {
            id = StableId.For("ent", type.ToString(), key);
            _entities.Add((id, type, name, RegistryId(type, name), span));
        }

        _mentions.Add((id, span));
        return id;
    }

    /// <summary>Writes another name of an entity already written: a mention under that alias.</summary>
    public void Alias(string entityId, string alias)
    {
        var start = _text.Length;
        _text.Append(alias.Trim());
        _mentions.Add((entityId, new TextSpan(start, _text.Length)));
    }

    /// <summary>Ends the current sentence (writes ". ") and returns its span, the evidence of what it states.</summary>
    public TextSpan EndSentence(string end = ".")
    {
        _text.Append(end);
        var span = new TextSpan(_sentenceStart, _text.Length);
        _text.Append(' ');
        _sentenceStart = _text.Length;
        return span;
    }

    public void Event(string type, PartialDate date, IReadOnlyList<string> places, IReadOnlyList<string> actors, TextSpan evidence) =>
        _events.Add(doc => new Event(StableId.For("evt", doc, type, date.ToIso(), evidence.ToString()), type, date, places.Distinct().ToList(), actors.Distinct().ToList(), Evidence(doc, evidence)));

    public void Relation(string type, string sourceId, string targetId, string? role, TextSpan evidence) =>
        _relations.Add(doc => new Relation(StableId.For("rel", type, sourceId, targetId), type, sourceId, targetId, role, Evidence(doc, evidence)));

    public void Quantity(decimal value, string unit, TextSpan surface, string text) =>
        _quantities.Add(doc => new Quantity(StableId.For("qty", doc, surface.ToString()), value, unit, text, false, Evidence(doc, surface)));

    public void Claim(string speakerId, string cue, string text, TextSpan content, IReadOnlyList<string> about, TextSpan evidence) =>
        _claims.Add(doc => new Claim(StableId.For("clm", doc, content.ToString(), speakerId), speakerId, cue, text, content, about.Distinct().ToList(), Evidence(doc, evidence)));

    public (Document Document, DocumentExtraction Extraction) Build(string title, PartialDate? published, string source, string? url, string format)
    {
        var text = _text.ToString().TrimEnd();
        var id = StableId.Sha256Hex(text);
        var entities = _entities.Select(e => new Entity(
                e.Id,
                e.Type,
                e.Name,
                _mentions.Where(m => m.EntityId == e.Id).Select(m => text[m.Span.Start..m.Span.End]).Distinct(StringComparer.Ordinal).ToList(),
                e.RegistryId,
                Evidence(id, e.Span)))
            .ToList();
        var mentions = _mentions.Select(m => new Mention(m.EntityId, m.Span, text[m.Span.Start..m.Span.End], Evidence(id, m.Span))).ToList();
        var relations = _relations.Select(r => r(id)).DistinctBy(r => r.Id).ToList();
        return (
            new Document(id, title, published, source, url, format, text),
            new DocumentExtraction(entities, mentions, _claims.Select(c => c(id)).ToList(), relations, _events.Select(e => e(id)).ToList(), _quantities.Select(q => q(id)).ToList(), []));
    }

    private Evidence Evidence(string documentId, TextSpan span) => new(documentId, span, component, confidence);

    /// <summary>The registry entry a name is, when exactly one entry of that type has it: the resolver then links by registry id.</summary>
    private string? RegistryId(EntityType type, string name)
    {
        var entries = context.Registry.EntriesNamed(name).Where(e => e.Type == type).ToList();
        return entries.Count == 1 ? entries[0].Id : null;
    }
}
