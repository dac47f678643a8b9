using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Text;

namespace Harmattan.Extraction.Output;

/// <summary>
/// Turns an analysed document's drafts into knowledge records with ids derived from key fields
/// (STYLE convention 5): an entity's candidate id from its registry id or its type and folded name, a
/// claim's from document, content span and speaker, and so on. Running it twice gives the same ids.
/// </summary>
public static class ExtractionAssembler
{
    public static string EntityId(EntityType type, string name, string? registryId) =>
        registryId is not null
            ? StableId.For("ent", "registry", registryId)
            : StableId.For("ent", type.ToString(), NameKey.Fold(name));

    public static DocumentExtraction Assemble(AnalyzedDocument doc)
    {
        var docId = doc.DocumentId;
        var ids = new Dictionary<EntityDraft, string>(ReferenceEqualityComparer.Instance);
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var mentions = new List<Mention>();

        foreach (var draft in doc.Entities.Where(e => e.Mentions.Count > 0).OrderBy(e => e.FirstPosition))
        {
            var id = EntityId(draft.Type, draft.Name, draft.RegistryId);
            ids[draft] = id;
            var first = draft.Mentions.MinBy(m => m.Span.Start)!;
            var aliases = draft.Aliases(doc.Text);
            if (entities.TryGetValue(id, out var existing))
            {
                // Two drafts that fold to the same identity are one entity: keep both sets of names.
                entities[id] = existing with { Aliases = [.. existing.Aliases.Union(aliases.Append(draft.Name)).Where(a => a != existing.Name).Distinct(StringComparer.Ordinal)] };
            }
            else
            {
                entities[id] = new Entity(id, draft.Type, draft.Name, aliases, draft.RegistryId,
                    new Evidence(docId, first.Span, draft.Component, draft.Confidence));
            }

            foreach (var m in draft.Mentions.OrderBy(m => m.Span.Start))
            {
                mentions.Add(new Mention(id, m.Span, m.Span.Of(doc.Text),
                    new Evidence(docId, m.Span, m.Component, m.Confidence)));
            }
        }

        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var c in doc.Claims)
        {
            if (!ids.TryGetValue(c.Speaker, out var speakerId))
            {
                continue;
            }

            var id = StableId.For("clm", docId, Key(c.Content), speakerId);
            // The other entities mentioned inside the claim, each id once, in entity order.
            var about = new List<string>();
            foreach (var e in doc.Entities)
            {
                if (e != c.Speaker && ids.TryGetValue(e, out var entityId) && e.Mentions.Exists(m => c.Content.Contains(m.Span))
                    && !about.Contains(entityId, StringComparer.Ordinal))
                {
                    about.Add(entityId);
                }
            }

            claims.TryAdd(id, new Claim(id, speakerId, c.Cue, c.Content.Of(doc.Text), c.Content, about,
                new Evidence(docId, c.Evidence, c.Component, c.Confidence)));
        }

        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        foreach (var r in doc.Relations.OrderByDescending(r => r.Confidence))
        {
            if (!ids.TryGetValue(r.Source, out var source) || !ids.TryGetValue(r.Target, out var target) || source == target)
            {
                continue;
            }

            var id = StableId.For("rel", docId, r.Type, source, target);
            relations.TryAdd(id, new Relation(id, r.Type, source, target, r.Role,
                new Evidence(docId, r.Evidence, r.Component, r.Confidence)));
        }

        var events = new Dictionary<string, Event>(StringComparer.Ordinal);
        foreach (var e in doc.Events)
        {
            var id = StableId.For("evt", docId, e.Type, e.Date.Date.ToIso(), Key(e.Trigger));
            events.TryAdd(id, new Event(id, e.Type, e.Date.Date,
                [.. e.Places.Where(ids.ContainsKey).Select(p => ids[p]).Distinct(StringComparer.Ordinal)],
                [.. e.Actors.Where(ids.ContainsKey).Select(a => ids[a]).Distinct(StringComparer.Ordinal)],
                new Evidence(docId, e.Evidence, e.Component, e.Confidence)));
        }

        var quantities = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var q in doc.Quantities)
        {
            var id = StableId.For("qty", docId, Key(q.Span));
            quantities.TryAdd(id, new Quantity(id, q.Value, q.Unit, q.Span.Of(doc.Text), q.Approximate,
                new Evidence(docId, q.Span, q.Component, q.Confidence)));
        }

        var attributes = new Dictionary<string, ActorProperty>(StringComparer.Ordinal);
        foreach (var a in doc.Attributes.OrderByDescending(a => a.Confidence))
        {
            if (!ids.TryGetValue(a.Entity, out var entityId))
            {
                continue;
            }

            var speakerId = a.Speaker is not null && ids.TryGetValue(a.Speaker, out var sid) ? sid : null;
            var id = StableId.For("att", docId, entityId, a.Name, a.Value, Key(a.Surface));
            attributes.TryAdd(id, new ActorProperty(id, entityId, a.Name, a.Value, a.Surface.Of(doc.Text), speakerId, a.AsOf,
                new Evidence(docId, a.Evidence, a.Component, a.Confidence)));
        }

        return new DocumentExtraction(
            [.. entities.Values], mentions, [.. claims.Values], [.. relations.Values], [.. events.Values], [.. quantities.Values],
            [.. attributes.Values.OrderBy(a => a.Evidence.Span.Start)]);
    }

    private static string Key(TextSpan span) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.Start}:{span.End}");
}
