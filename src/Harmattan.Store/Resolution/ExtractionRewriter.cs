using Harmattan.Knowledge;

namespace Harmattan.Store.Resolution;

/// <summary>
/// Rewrites every entity reference of an extraction (mentions, claim speakers and subjects, relation
/// ends, event places and actors, property subjects and speakers) to the resolved ids. Entities that
/// resolve to the same id become one, with the names of all of them as aliases; a list that would name
/// one entity twice keeps it once. Pure: the store calls it between resolving and writing.
/// </summary>
public static class ExtractionRewriter
{
    public static DocumentExtraction Rewrite(DocumentExtraction extraction, IReadOnlyList<EntityResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        ArgumentNullException.ThrowIfNull(resolutions);
        var map = resolutions.ToDictionary(r => r.ExtractedId, r => r.EntityId, StringComparer.Ordinal);
        string To(string id) => map.TryGetValue(id, out var resolved) ? resolved : id;
        IReadOnlyList<string> All(IReadOnlyList<string> ids) => ids.Select(To).Distinct(StringComparer.Ordinal).ToList();

        var entities = extraction.Entities
            .GroupBy(e => To(e.Id), StringComparer.Ordinal)
            .Select(group =>
            {
                var first = group.First();
                var renamed = group.Count() > 1 || !string.Equals(group.Key, first.Id, StringComparison.Ordinal);
                var aliases = group
                    .SelectMany(e => renamed ? e.Aliases.Prepend(e.Name) : e.Aliases)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                return first with
                {
                    Id = group.Key,
                    Aliases = aliases,
                    RegistryId = group.Select(e => e.RegistryId).FirstOrDefault(r => r is not null),
                };
            })
            .ToList();

        return new DocumentExtraction(
            entities,
            extraction.Mentions.Select(m => m with { EntityId = To(m.EntityId) }).ToList(),
            extraction.Claims.Select(c => c with { SpeakerId = To(c.SpeakerId), AboutIds = All(c.AboutIds) }).ToList(),
            extraction.Relations.Select(r => r with { SourceId = To(r.SourceId), TargetId = To(r.TargetId) }).ToList(),
            extraction.Events.Select(e => e with { PlaceIds = All(e.PlaceIds), ActorIds = All(e.ActorIds) }).ToList(),
            extraction.Quantities,
            extraction.Attributes.Select(p => p with { EntityId = To(p.EntityId), SpeakerId = p.SpeakerId is null ? null : To(p.SpeakerId) }).ToList());
    }
}
