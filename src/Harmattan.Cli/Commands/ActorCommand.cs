using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>actor NAME</c>: one actor's profile, every fact with the document and sentence it comes from.</summary>
internal static class ActorCommand
{
    public static Command Create(CliEnvironment env)
    {
        var name = new Argument<string>("NAME") { Description = "An entity id or id prefix, a registry id, a name or an alias (case and accents do not matter)." };
        var json = CommonOptions.Json();
        var command = new Command("actor", "Show an actor: aliases, attributes, relations, events, claims by and about it, first and last seen.") { name, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse);
            if (!QueryOptions.TryResolve(store, parse.GetValue(name)!, env, out var entity))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var p = store.GetActorProfile(entity);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    entity = QueryOptions.Json(p.Entity),
                    registry_id = p.RegistryId,
                    aliases = p.Aliases,
                    documents = p.Documents,
                    named_in = p.NamedIn.Select(d => new { document = d.DocumentId, d.Title, date = d.Date.ToIso(), date_is_published = d.DateIsPublished, d.Mentions }),
                    first_seen = p.FirstSeen?.ToIso(),
                    last_seen = p.LastSeen?.ToIso(),
                    attributes = p.Attributes.Select(a => new { a.Name, a.Value, a.Surface, speaker = a.Speaker is null ? null : QueryOptions.Json(a.Speaker), as_of = a.AsOf?.ToIso(), source = QueryOptions.Json(a.From) }),
                    relations = p.Relations.Select(r => new { r.Type, source = QueryOptions.Json(r.Source), target = QueryOptions.Json(r.Target), r.Role, from = QueryOptions.Json(r.From) }),
                    events = p.Events.Select(e => new { e.Type, date = e.Date.ToIso(), places = e.Places.Select(QueryOptions.Json), actors = e.Actors.Select(QueryOptions.Json), source = QueryOptions.Json(e.From) }),
                    claims_by = p.ClaimsBy.Select(c => new { c.Cue, c.Text, about = c.About.Select(QueryOptions.Json), source = QueryOptions.Json(c.From) }),
                    claims_about = p.ClaimsAbout.Select(c => new { speaker = QueryOptions.Json(c.Speaker), c.Cue, c.Text, source = QueryOptions.Json(c.From) }),
                });
                return HarmattanCli.Ok;
            }

            var c = env.Console;
            c.MarkupLine($"[bold]{Markup.Escape(p.Entity.Name)}[/] ({p.Entity.Type})");
            c.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"id {p.Entity.Id} · registry {p.RegistryId ?? "none"} · {QueryOptions.Count(p.Documents, "document")} · first seen {p.FirstSeen?.ToIso() ?? "never"} · last seen {p.LastSeen?.ToIso() ?? "never"}")));
            if (p.Aliases.Count > 0)
            {
                c.MarkupLine("aliases: " + Markup.Escape(string.Join(", ", p.Aliases)));
            }

            if (p.NamedIn.Count > 0)
            {
                var t = QueryOptions.Table("named in", "date", "document", "mentions");
                foreach (var d in p.NamedIn)
                {
                    t.AddRow(d.Date.ToIso() + (d.DateIsPublished ? "" : " (ingested)"), Markup.Escape(d.Title), d.Mentions.ToString(CultureInfo.InvariantCulture));
                }

                c.Write(t);
            }

            if (p.Attributes.Count > 0)
            {
                var t = QueryOptions.Table("attributes", "attribute", "value", "speaker", "source", "evidence");
                foreach (var a in p.Attributes)
                {
                    t.AddRow(Markup.Escape(a.Name), Markup.Escape($"{a.Value} (\"{a.Surface}\")"), Markup.Escape(a.Speaker?.Name ?? ""), QueryOptions.Cite(a.From), Markup.Escape(a.From.Evidence));
                }

                c.Write(t);
            }

            if (p.Relations.Count > 0)
            {
                var t = QueryOptions.Table("relations", "relation", "other party", "source", "evidence");
                foreach (var r in p.Relations)
                {
                    var outgoing = r.Source.Id == p.Entity.Id;
                    var label = (r.Role is null ? r.Type : $"{r.Type} ({r.Role})") + (outgoing ? " →" : " ←");
                    t.AddRow(Markup.Escape(label), Markup.Escape((outgoing ? r.Target : r.Source).Name), QueryOptions.Cite(r.From), Markup.Escape(r.From.Evidence));
                }

                c.Write(t);
            }

            if (p.Events.Count > 0)
            {
                var t = QueryOptions.Table("events", "date", "type", "places", "actors", "source");
                foreach (var e in p.Events)
                {
                    t.AddRow(e.Date.ToIso(), Markup.Escape(e.Type), QueryOptions.Names(e.Places), QueryOptions.Names(e.Actors), QueryOptions.Cite(e.From));
                }

                c.Write(t);
            }

            if (p.ClaimsBy.Count > 0)
            {
                var t = QueryOptions.Table("claims by " + Markup.Escape(p.Entity.Name), "cue", "statement", "source");
                foreach (var cl in p.ClaimsBy)
                {
                    t.AddRow(Markup.Escape(cl.Cue), Markup.Escape(cl.Text), QueryOptions.Cite(cl.From));
                }

                c.Write(t);
            }

            if (p.ClaimsAbout.Count > 0)
            {
                var t = QueryOptions.Table("claims about " + Markup.Escape(p.Entity.Name), "speaker", "cue", "statement", "source");
                foreach (var cl in p.ClaimsAbout)
                {
                    t.AddRow(Markup.Escape(cl.Speaker.Name), Markup.Escape(cl.Cue), Markup.Escape(cl.Text), QueryOptions.Cite(cl.From));
                }

                c.Write(t);
            }

            return HarmattanCli.Ok;
        });
        return command;
    }
}
