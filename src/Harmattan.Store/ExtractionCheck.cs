using System.Buffers;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Store;

/// <summary>
/// Checks that an extraction fits its document before the store writes any of it: every entity a fact
/// names is among the extraction's entities, every span lies inside the text, ids are unique. A failure
/// is HRM0207 naming the document and the first problem, and the store keeps nothing of the document.
/// </summary>
internal static class ExtractionCheck
{
    public static void Validate(Document document, DocumentExtraction extraction)
    {
        if (!IsDocumentId(document.Id))
        {
            throw HarmattanError.InvalidExtraction.At(document.Id, "a document id is the 64 lower-case hex digits of a SHA-256");
        }

        var check = new Checker(document);
        var entities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < extraction.Entities.Count; i++)
        {
            var entity = extraction.Entities[i];
            var what = Describe("entity", i, extraction.Entities.Count, entity.Id);
            check.Evidence(what, entity.Evidence);
            if (!entities.Add(entity.Id))
            {
                check.Fail($"{what}: the id appears twice");
            }
        }

        for (var i = 0; i < extraction.Mentions.Count; i++)
        {
            var mention = extraction.Mentions[i];
            var what = Describe("mention", i, extraction.Mentions.Count, mention.Surface);
            check.Span(what, "span", mention.Span);
            check.Evidence(what, mention.Evidence);
            check.Known(what, "entity", mention.EntityId, entities);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < extraction.Claims.Count; i++)
        {
            var claim = extraction.Claims[i];
            var what = Describe("claim", i, extraction.Claims.Count, claim.Id);
            check.Unique(what, claim.Id, ids);
            check.Span(what, "content span", claim.ContentSpan);
            check.Evidence(what, claim.Evidence);
            check.Known(what, "speaker", claim.SpeakerId, entities);
            check.AllKnown(what, "about", claim.AboutIds, entities);
        }

        ids.Clear();
        for (var i = 0; i < extraction.Relations.Count; i++)
        {
            var relation = extraction.Relations[i];
            var what = Describe("relation", i, extraction.Relations.Count, relation.Id);
            check.Unique(what, relation.Id, ids);
            check.Evidence(what, relation.Evidence);
            check.Known(what, "source", relation.SourceId, entities);
            check.Known(what, "target", relation.TargetId, entities);
        }

        ids.Clear();
        for (var i = 0; i < extraction.Events.Count; i++)
        {
            var happening = extraction.Events[i];
            var what = Describe("event", i, extraction.Events.Count, happening.Id);
            check.Unique(what, happening.Id, ids);
            check.Evidence(what, happening.Evidence);
            check.AllKnown(what, "place", happening.PlaceIds, entities);
            check.AllKnown(what, "actor", happening.ActorIds, entities);
        }

        ids.Clear();
        for (var i = 0; i < extraction.Quantities.Count; i++)
        {
            var quantity = extraction.Quantities[i];
            var what = Describe("quantity", i, extraction.Quantities.Count, quantity.Id);
            check.Unique(what, quantity.Id, ids);
            check.Evidence(what, quantity.Evidence);
        }

        ids.Clear();
        for (var i = 0; i < extraction.Attributes.Count; i++)
        {
            var property = extraction.Attributes[i];
            var what = Describe("property", i, extraction.Attributes.Count, property.Id);
            check.Unique(what, property.Id, ids);
            check.Evidence(what, property.Evidence);
            check.Known(what, "entity", property.EntityId, entities);
            if (property.SpeakerId is { } speaker)
            {
                check.Known(what, "speaker", speaker, entities);
            }

            if (string.IsNullOrWhiteSpace(property.Name) || string.IsNullOrWhiteSpace(property.Value))
            {
                check.Fail($"{what}: a property needs a name and a value");
            }
        }
    }

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    public static bool IsDocumentId(string id) => id.Length == 64 && IsLowerHex(id);

    public static bool IsLowerHex(string text) => text.AsSpan().IndexOfAnyExcept(LowerHexDigits) < 0;

    private static string Describe(string kind, int index, int count, string id) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind} {index + 1} of {count} ('{id}')");

    private sealed class Checker(Document document)
    {
        public void Span(string what, string name, TextSpan span)
        {
            if (span.End > document.Text.Length)
            {
                Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what}: {name} {span} lies outside the text, which is {document.Text.Length} UTF-16 code units long"));
            }
        }

        public void Evidence(string what, Evidence evidence)
        {
            if (!string.Equals(evidence.DocumentId, document.Id, StringComparison.Ordinal))
            {
                Fail($"{what}: the evidence names another document, '{evidence.DocumentId}'");
            }

            Span(what, "evidence span", evidence.Span);
            if (!(evidence.Confidence is >= 0 and <= 1))
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: confidence {evidence.Confidence} is not between 0 and 1"));
            }

            if (string.IsNullOrWhiteSpace(evidence.Component))
            {
                Fail($"{what}: the evidence names no component");
            }
        }

        public void Known(string what, string role, string entityId, HashSet<string> entities)
        {
            if (!entities.Contains(entityId))
            {
                Fail($"{what}: {role} '{entityId}' is not among the extraction's entities");
            }
        }

        public void AllKnown(string what, string role, IReadOnlyList<string> entityIds, HashSet<string> entities)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in entityIds)
            {
                Known(what, role, id, entities);
                if (!seen.Add(id))
                {
                    Fail($"{what}: {role} '{id}' is listed twice");
                }
            }
        }

        public void Unique(string what, string id, HashSet<string> ids)
        {
            if (string.IsNullOrEmpty(id))
            {
                Fail($"{what}: the id is empty");
            }

            if (!ids.Add(id))
            {
                Fail($"{what}: the id appears twice");
            }
        }

        public void Fail(string detail) => throw HarmattanError.InvalidExtraction.At(document.Id, detail);
    }
}
