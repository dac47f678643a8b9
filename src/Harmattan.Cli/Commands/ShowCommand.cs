using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>show DOC</c>: one document and everything extracted from it, each fact with its span.</summary>
internal static class ShowCommand
{
    public static Command Create(CliEnvironment env)
    {
        var id = new Argument<string>("DOC") { Description = "A document id or a prefix of at least 6 characters." };
        var json = CommonOptions.Json();
        var withText = new Option<bool>("--text") { Description = "Also print the document's full text." };
        var command = new Command("show", "Show a document with its entities, claims, events, relations, quantities and attributes.") { id, json, withText };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var stored = store.GetDocument(parse.GetValue(id)!);
            var doc = stored.Document;
            var x = stored.Extraction;
            var names = x.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
            string NameOf(string entityId) => names.TryGetValue(entityId, out var n) ? n : entityId;

            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    document = new { doc.Id, doc.Title, published = doc.Published?.ToIso(), doc.Source, doc.Url, doc.Format, ingested_at = stored.IngestedAt, words = stored.WordCount, text = parse.GetValue(withText) ? doc.Text : null },
                    offsets = "utf16",
                    entities = x.Entities.Select(e => new
                    {
                        e.Id,
                        e.Name,
                        type = e.Type.ToString(),
                        e.Aliases,
                        registry_id = e.RegistryId,
                        mentions = x.Mentions.Where(m => m.EntityId == e.Id).Select(m => new[] { m.Span.Start, m.Span.End }),
                    }),
                    claims = x.Claims.Select(c => new { c.Id, speaker = c.SpeakerId, speaker_name = NameOf(c.SpeakerId), c.Cue, c.Text, span = Span(c.Evidence), confidence = c.Evidence.Confidence, component = c.Evidence.Component }),
                    relations = x.Relations.Select(r => new { r.Id, r.Type, source = r.SourceId, target = r.TargetId, r.Role, span = Span(r.Evidence), confidence = r.Evidence.Confidence }),
                    events = x.Events.Select(e => new { e.Id, e.Type, date = e.Date.ToIso(), places = e.PlaceIds, actors = e.ActorIds, span = Span(e.Evidence), confidence = e.Evidence.Confidence }),
                    quantities = x.Quantities.Select(q => new { q.Id, q.Value, q.Unit, text = q.Surface, q.Approximate, span = Span(q.Evidence) }),
                    attributes = x.Attributes.Select(a => new { a.Id, entity = a.EntityId, entity_name = NameOf(a.EntityId), a.Name, a.Value, text = a.Surface, speaker = a.SpeakerId, as_of = a.AsOf?.ToIso(), span = Span(a.Evidence), confidence = a.Evidence.Confidence }),
                });
                return HarmattanCli.Ok;
            }

            var c = env.Console;
            c.MarkupLine($"[bold]{Markup.Escape(doc.Title)}[/]");
            c.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"id {doc.Id} · {doc.Format} · {stored.WordCount} words · published {doc.Published?.ToIso() ?? "unknown"} · {doc.Url ?? doc.Source}")));
            if (parse.GetValue(withText))
            {
                c.WriteLine();
                env.Output.WriteLine(doc.Text);
            }

            var mentionCounts = x.Mentions.GroupBy(m => m.EntityId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var entities = new Table().Border(TableBorder.Simple).Title("entities").AddColumns("name", "type", "aliases", "mentions");
            foreach (var e in x.Entities.OrderBy(e => e.Type).ThenBy(e => e.Name, StringComparer.Ordinal))
            {
                entities.AddRow(Markup.Escape(e.Name), e.Type.ToString(), Markup.Escape(string.Join(", ", e.Aliases)),
                    mentionCounts.GetValueOrDefault(e.Id).ToString(CultureInfo.InvariantCulture));
            }

            c.Write(entities);
            if (x.Claims.Count > 0)
            {
                var claims = new Table().Border(TableBorder.Simple).Title("claims").AddColumns("speaker", "cue", "statement");
                foreach (var cl in x.Claims.OrderBy(cl => cl.Evidence.Span.Start))
                {
                    claims.AddRow(Markup.Escape(NameOf(cl.SpeakerId)), Markup.Escape(cl.Cue), Markup.Escape(cl.Text));
                }

                c.Write(claims);
            }

            if (x.Events.Count > 0)
            {
                var events = new Table().Border(TableBorder.Simple).Title("events").AddColumns("date", "type", "places", "actors");
                foreach (var e in x.Events.OrderBy(e => e.Date.Earliest))
                {
                    events.AddRow(e.Date.ToIso(), e.Type, Markup.Escape(string.Join(", ", e.PlaceIds.Select(NameOf))), Markup.Escape(string.Join(", ", e.ActorIds.Select(NameOf))));
                }

                c.Write(events);
            }

            if (x.Relations.Count > 0)
            {
                var relations = new Table().Border(TableBorder.Simple).Title("relations").AddColumns("source", "relation", "target");
                foreach (var r in x.Relations)
                {
                    relations.AddRow(Markup.Escape(NameOf(r.SourceId)), r.Role is null ? r.Type : $"{r.Type} ({Markup.Escape(r.Role)})", Markup.Escape(NameOf(r.TargetId)));
                }

                c.Write(relations);
            }

            if (x.Quantities.Count > 0)
            {
                var quantities = new Table().Border(TableBorder.Simple).Title("quantities").AddColumns("text", "value", "unit");
                foreach (var q in x.Quantities.OrderBy(q => q.Evidence.Span.Start))
                {
                    quantities.AddRow(Markup.Escape(q.Surface), q.Value.ToString(CultureInfo.InvariantCulture), Markup.Escape(q.Unit ?? ""));
                }

                c.Write(quantities);
            }

            if (x.Attributes.Count > 0)
            {
                var attributes = new Table().Border(TableBorder.Simple).Title("attributes").AddColumns("actor", "attribute", "value", "said by");
                foreach (var a in x.Attributes.OrderBy(a => a.Evidence.Span.Start))
                {
                    attributes.AddRow(Markup.Escape(NameOf(a.EntityId)), a.Name, Markup.Escape(a.Value), Markup.Escape(a.SpeakerId is { } sp ? NameOf(sp) : ""));
                }

                c.Write(attributes);
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    private static int[] Span(Evidence evidence) => [evidence.Span.Start, evidence.Span.End];
}
