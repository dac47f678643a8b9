using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store.Tests;

/// <summary>
/// Builds a document and its extraction by hand, the way the pipeline would: every span is found in the
/// text with IndexOf, so it is right by construction; evidence is the sentence around the fact.
/// </summary>
internal sealed class ReportBuilder(string title, string text, PartialDate? published = null, string source = "Sahel Monitor")
{
    public const string Component = "test.hand-built/1";

    private readonly string _id = StableId.Sha256Hex(text);
    private readonly List<Entity> _entities = [];
    private readonly List<Mention> _mentions = [];
    private readonly List<Claim> _claims = [];
    private readonly List<Relation> _relations = [];
    private readonly List<Event> _events = [];
    private readonly List<Quantity> _quantities = [];
    private readonly List<ActorProperty> _properties = [];

    public string Id => _id;

    public static string EntityId(EntityType type, string name) =>
        StableId.For("ent", type.ToString(), name.ToLowerInvariant());

    /// <summary>Adds an entity and a mention for every occurrence of each alias.</summary>
    public string Entity(EntityType type, string name, params string[] aliases)
    {
        var id = EntityId(type, name);
        var surfaces = aliases.Length == 0 ? [name] : aliases;
        var first = surfaces.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        _entities.Add(new Entity(id, type, name, surfaces, null, Evidence(Sentence(first))));
        foreach (var surface in surfaces)
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
            {
                var span = new TextSpan(at, at + surface.Length);
                _mentions.Add(new Mention(id, span, surface, Evidence(Sentence(at))));
            }
        }

        return id;
    }

    public string Claim(string speakerId, string cue, string content, params string[] aboutIds)
    {
        var span = Find(content);
        var id = StableId.For("clm", _id, span.ToString(), speakerId);
        _claims.Add(new Claim(id, speakerId, cue, content, span, aboutIds, Evidence(Sentence(span.Start))));
        return id;
    }

    public string Relation(string type, string sourceId, string targetId, string phrase, string? role = null)
    {
        var id = StableId.For("rel", type, sourceId, targetId);
        _relations.Add(new Relation(id, type, sourceId, targetId, role, Evidence(Sentence(Find(phrase).Start))));
        return id;
    }

    public string Event(string type, PartialDate date, string phrase, string[] placeIds, string[] actorIds)
    {
        var span = Find(phrase);
        var id = StableId.For("evt", _id, type, date.ToIso(), span.ToString());
        _events.Add(new Event(id, type, date, placeIds, actorIds, Evidence(Sentence(span.Start))));
        return id;
    }

    public string Quantity(decimal value, string? unit, string surface, bool approximate)
    {
        var span = Find(surface);
        var id = StableId.For("qty", _id, span.ToString());
        _quantities.Add(new Quantity(id, value, unit, surface, approximate, Evidence(span)));
        return id;
    }

    /// <summary>A property of <paramref name="entityId"/> stated by <paramref name="surface"/>, which must be in the text.</summary>
    public string Property(string entityId, string name, string value, string surface, string? speakerId = null, PartialDate? asOf = null)
    {
        var span = Find(surface);
        var id = StableId.For("prp", _id, entityId, name, span.ToString());
        _properties.Add(new ActorProperty(id, entityId, name, value, surface, speakerId, asOf, Evidence(Sentence(span.Start))));
        return id;
    }

    public Report Build() => new(
        new Document(_id, title, published, source, null, "text", text),
        new DocumentExtraction(_entities.ToList(), _mentions.ToList(), _claims.ToList(), _relations.ToList(), _events.ToList(), _quantities.ToList(), _properties.ToList()));

    private TextSpan Find(string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        return at >= 0 ? new TextSpan(at, at + phrase.Length) : throw new ArgumentException($"'{phrase}' is not in the text");
    }

    /// <summary>The sentence around a position: from after the previous ". " to the next full stop.</summary>
    private TextSpan Sentence(int position)
    {
        var before = position == 0 ? -1 : text.LastIndexOf(". ", position - 1, StringComparison.Ordinal);
        var start = before < 0 ? 0 : before + 2;
        var stop = text.IndexOf('.', position);
        return new TextSpan(start, stop < 0 ? text.Length : stop + 1);
    }

    private Evidence Evidence(TextSpan span) => new(_id, span, Component, 0.9);
}

/// <summary>A document with the extraction the store should keep for it.</summary>
internal sealed record Report(Document Document, DocumentExtraction Extraction)
{
    public string Id => Document.Id;
}
