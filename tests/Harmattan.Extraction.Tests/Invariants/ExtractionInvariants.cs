using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Tests.Invariants;

/// <summary>
/// What every extraction must keep whatever its text (STYLE convention 7, Markdig's
/// <c>ExtensionSpanTreeIsValid</c>): spans inside the text and slicing to what they claim to be, ids
/// unique, every reference to an entity resolved, mentions that do not overlap.
/// </summary>
internal static class ExtractionInvariants
{
    /// <summary>Every broken invariant of <paramref name="x"/> over <paramref name="text"/>, one line each; empty when all hold.</summary>
    public static List<string> Check(string text, DocumentExtraction x)
    {
        var problems = new List<string>();

        void Span(string what, TextSpan span)
        {
            if (span.Start < 0 || span.End > text.Length || span.Start > span.End)
            {
                problems.Add($"{what}: span {span} lies outside the text (length {text.Length})");
            }
            else if (span.IsEmpty)
            {
                problems.Add($"{what}: span {span} is empty");
            }
        }

        bool Inside(TextSpan span) => span.Start >= 0 && span.End <= text.Length && span.Start <= span.End;

        Unique("entity", x.Entities.Select(e => e.Id), problems);
        Unique("claim", x.Claims.Select(c => c.Id), problems);
        Unique("relation", x.Relations.Select(r => r.Id), problems);
        Unique("event", x.Events.Select(e => e.Id), problems);
        Unique("quantity", x.Quantities.Select(q => q.Id), problems);

        var entities = x.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var surfaces = x.Mentions.ToLookup(m => m.EntityId, m => m.Surface, StringComparer.Ordinal);
        foreach (var m in x.Mentions)
        {
            var what = $"mention '{m.Surface}'";
            Span(what, m.Span);
            if (Inside(m.Span) && m.Span.Of(text) != m.Surface)
            {
                problems.Add($"{what}: the text at {m.Span} is '{m.Span.Of(text)}'");
            }

            if (!entities.Contains(m.EntityId))
            {
                problems.Add($"{what}: entity {m.EntityId} is not listed");
            }
        }

        var ordered = x.Mentions.OrderBy(m => m.Span.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].Span.Overlaps(ordered[i].Span))
            {
                problems.Add($"mentions '{ordered[i - 1].Surface}' {ordered[i - 1].Span} and '{ordered[i].Surface}' {ordered[i].Span} overlap");
            }
        }

        foreach (var e in x.Entities)
        {
            var what = $"entity {e.Type} '{e.Name}'";
            Span(what, e.Evidence.Span);
            var names = surfaces[e.Id].ToHashSet(StringComparer.Ordinal);
            if (names.Count == 0)
            {
                problems.Add($"{what}: has no mention");
            }

            foreach (var alias in e.Aliases.Where(a => !names.Contains(a)))
            {
                problems.Add($"{what}: alias '{alias}' is not the surface of any of its mentions");
            }

            if (e.Aliases.Contains(e.Name, StringComparer.Ordinal) || e.Aliases.Count != e.Aliases.Distinct(StringComparer.Ordinal).Count())
            {
                problems.Add($"{what}: aliases repeat a name: {string.Join(", ", e.Aliases)}");
            }

            if (Inside(e.Evidence.Span) && e.Evidence.Span.Of(text) is var first && first != e.Name && !e.Aliases.Contains(first, StringComparer.Ordinal))
            {
                problems.Add($"{what}: its evidence span reads '{first}', neither its name nor an alias");
            }
        }

        foreach (var c in x.Claims)
        {
            var what = $"claim '{c.Cue}: {Short(c.Text)}'";
            Span(what + " evidence", c.Evidence.Span);
            Span(what + " content", c.ContentSpan);
            if (Inside(c.ContentSpan) && c.ContentSpan.Of(text) != c.Text)
            {
                problems.Add($"{what}: the text at its content span is '{Short(c.ContentSpan.Of(text))}'");
            }

            if (!entities.Contains(c.SpeakerId))
            {
                problems.Add($"{what}: speaker {c.SpeakerId} is not a listed entity");
            }

            foreach (var about in c.AboutIds.Where(a => !entities.Contains(a)))
            {
                problems.Add($"{what}: about {about}, which is not a listed entity");
            }
        }

        foreach (var r in x.Relations)
        {
            var what = $"relation {r.Type}";
            Span(what, r.Evidence.Span);
            foreach (var end in new[] { r.SourceId, r.TargetId }.Where(id => !entities.Contains(id)))
            {
                problems.Add($"{what}: {end} is not a listed entity");
            }
        }

        foreach (var e in x.Events)
        {
            var what = $"event {e.Type} {e.Date.ToIso()}";
            Span(what, e.Evidence.Span);
            foreach (var id in e.PlaceIds.Concat(e.ActorIds).Where(id => !entities.Contains(id)))
            {
                problems.Add($"{what}: {id} is not a listed entity");
            }
        }

        foreach (var q in x.Quantities)
        {
            var what = $"quantity '{q.Surface}'";
            Span(what, q.Evidence.Span);
            if (Inside(q.Evidence.Span) && q.Evidence.Span.Of(text) != q.Surface)
            {
                problems.Add($"{what}: the text at {q.Evidence.Span} is '{q.Evidence.Span.Of(text)}'");
            }
        }

        return problems;
    }

    private static void Unique(string kind, IEnumerable<string> ids, List<string> problems) =>
        problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{kind} id {g.Key} is used {g.Count()} times"));

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
