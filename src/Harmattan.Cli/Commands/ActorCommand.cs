using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>actor NAME</c>: one actor's profile, every fact with the document and sentence it comes from: the newest
/// items of each section with how many there are; <c>--section S --offset N</c> pages through one section.
/// </summary>
internal static class ActorCommand
{
    public static Command Create(CliEnvironment env)
    {
        var name = new Argument<string>("NAME") { Description = "An entity id or id prefix, a registry id, a name or an alias (case and accents do not matter)." };
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many items of each section to show (newest first).",
            DefaultValueFactory = _ => 10,
        };
        var section = new Option<string?>("--section")
        {
            Description = "Show only this section, a page at a time: " + string.Join(", ", ProfileSections.All) + ".",
            HelpName = "SECTION",
        };
        var offset = new Option<int>("--offset") { Description = "With --section: how many of its newest items to skip." };
        var command = new Command("actor", "Show an actor: aliases, attributes, relations, events, claims by and about it, first and last seen.")
        {
            name, json, limit, section, offset,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(limit);
            if (count is < 1 or > KnowledgeStore.MaxPageSize)
            {
                throw HarmattanError.BadArgument.At("--limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {KnowledgeStore.MaxPageSize}"));
            }

            if (parse.GetValue(offset) < 0)
            {
                throw HarmattanError.BadArgument.At("--offset", "must be 0 or more");
            }

            var only = parse.GetValue(section) is { } text ? ProfileSections.Parse(text, "--section") : (ProfileSection?)null;
            if (only is null && parse.GetValue(offset) != 0)
            {
                throw HarmattanError.BadArgument.At("--offset", "pages through one section: give --section too");
            }

            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolve(store, parse.GetValue(name)!, env, out var entity))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            if (only is { } wanted)
            {
                var page = store.GetProfileSection(entity, wanted, parse.GetValue(offset), count);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(env.Output, new { entity = QueryOptions.Json(entity), section = ProfileSections.Name(wanted), page = Json(page) });
                }
                else
                {
                    WriteSection(env, entity, wanted, page);
                }

                return HarmattanCli.Ok;
            }

            var p = store.GetActorProfile(entity, count);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    entity = QueryOptions.Json(p.Entity),
                    registry_id = p.RegistryId,
                    aliases = p.Aliases,
                    documents = p.Documents,
                    first_seen = p.FirstSeen?.ToIso(),
                    last_seen = p.LastSeen?.ToIso(),
                    named_in = Json(Untyped(p.NamedIn)),
                    attributes = Json(Untyped(p.Attributes)),
                    relations = Json(Untyped(p.Relations)),
                    events = Json(Untyped(p.Events)),
                    claims_by = Json(Untyped(p.ClaimsBy)),
                    claims_about = Json(Untyped(p.ClaimsAbout)),
                });
                return HarmattanCli.Ok;
            }

            var c = env.Console;
            c.MarkupLine($"[bold]{Markup.Escape(p.Entity.Name)}[/] ({p.Entity.Type})");
            c.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"id {p.Entity.Id} · registry {p.RegistryId ?? "none"} · {Total(Untyped(p.NamedIn), "document")} · first seen {p.FirstSeen?.ToIso() ?? "never"} · last seen {p.LastSeen?.ToIso() ?? "never"}")));
            if (p.Aliases.Count > 0)
            {
                c.MarkupLine("aliases: " + Markup.Escape(string.Join(", ", p.Aliases)));
            }

            WriteSection(env, entity, ProfileSection.Documents, Untyped(p.NamedIn));
            WriteSection(env, entity, ProfileSection.Attributes, Untyped(p.Attributes));
            WriteSection(env, entity, ProfileSection.Relations, Untyped(p.Relations));
            WriteSection(env, entity, ProfileSection.Events, Untyped(p.Events));
            WriteSection(env, entity, ProfileSection.ClaimsBy, Untyped(p.ClaimsBy));
            WriteSection(env, entity, ProfileSection.ClaimsAbout, Untyped(p.ClaimsAbout));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static FactPage<object> Untyped<T>(FactPage<T> page)
        where T : class =>
        new(page.Items, page.Total, page.TotalIsLowerBound, page.Offset, page.Limit, page.More);

    /// <summary>"12", "at least 10,000".</summary>
    private static string Amount(FactPage<object> page) =>
        (page.TotalIsLowerBound ? "at least " : "") + page.Total.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"12 documents", "at least 10,000 documents".</summary>
    private static string Total(FactPage<object> page, string what) => $"{Amount(page)} {what}{(page.Total == 1 ? "" : "s")}";

    /// <summary>One section as a table, titled with what it shows of how many, and how to see more.</summary>
    private static void WriteSection(CliEnvironment env, EntityRef entity, ProfileSection section, FactPage<object> page)
    {
        if (page.Items.Count == 0 && page.Offset == 0)
        {
            return;
        }

        var name = Markup.Escape(entity.Name);
        var shown = page.Items.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"{page.Offset + 1}–{page.Offset + page.Items.Count}");
        var title = section switch
        {
            ProfileSection.Documents => "named in",
            ProfileSection.Attributes => "attributes",
            ProfileSection.Relations => "relations",
            ProfileSection.Events => "events",
            ProfileSection.ClaimsBy => "claims by " + name,
            _ => "claims about " + name,
        } + $" ({shown} of {Amount(page)})";
        var table = section switch
        {
            ProfileSection.Documents => QueryOptions.Table(title, "date", "document", "mentions"),
            ProfileSection.Attributes => QueryOptions.Table(title, "attribute", "value", "speaker", "source", "evidence"),
            ProfileSection.Relations => QueryOptions.Table(title, "relation", "other party", "source", "evidence"),
            ProfileSection.Events => QueryOptions.Table(title, "date", "type", "places", "actors", "source"),
            ProfileSection.ClaimsBy => QueryOptions.Table(title, "cue", "statement", "source"),
            _ => QueryOptions.Table(title, "speaker", "cue", "statement", "source"),
        };
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case NamingDocument d:
                    table.AddRow(d.Date.ToIso() + (d.DateIsPublished ? "" : " (ingested)"), Markup.Escape(d.Title), d.Mentions.ToString(CultureInfo.InvariantCulture));
                    break;
                case AttributeFact a:
                    table.AddRow(Markup.Escape(a.Name), Markup.Escape($"{a.Value} (\"{a.Surface}\")"), Markup.Escape(a.Speaker?.Name ?? ""), QueryOptions.Cite(a.From), Markup.Escape(a.From.Evidence));
                    break;
                case RelationFact r:
                    var outgoing = r.Source.Id == entity.Id;
                    var label = (r.Role is null ? r.Type : $"{r.Type} ({r.Role})") + (outgoing ? " →" : " ←");
                    table.AddRow(Markup.Escape(label), Markup.Escape((outgoing ? r.Target : r.Source).Name), QueryOptions.Cite(r.From), Markup.Escape(r.From.Evidence));
                    break;
                case EventFact e:
                    table.AddRow(e.Date.ToIso(), Markup.Escape(e.Type), QueryOptions.Names(e.Places), QueryOptions.Names(e.Actors), QueryOptions.Cite(e.From));
                    break;
                case ClaimFact cl when section == ProfileSection.ClaimsBy:
                    table.AddRow(Markup.Escape(cl.Cue), Markup.Escape(cl.Text), QueryOptions.Cite(cl.From));
                    break;
                case ClaimFact cl:
                    table.AddRow(Markup.Escape(cl.Speaker.Name), Markup.Escape(cl.Cue), Markup.Escape(cl.Text), QueryOptions.Cite(cl.From));
                    break;
            }
        }

        env.Console.Write(table);
        if (page.More)
        {
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  more: harmattan actor {entity.Id} --section {ProfileSections.Name(section)} --offset {page.Offset + page.Items.Count} --limit {page.Limit}"));
        }
    }

    private static object Json(FactPage<object> page) => new
    {
        items = page.Items.Select(item => item switch
        {
            NamingDocument d => (object)new { document = d.DocumentId, d.Title, date = d.Date.ToIso(), date_is_published = d.DateIsPublished, d.Mentions },
            AttributeFact a => new { a.Name, a.Value, a.Surface, speaker = a.Speaker is null ? null : QueryOptions.Json(a.Speaker), as_of = a.AsOf?.ToIso(), source = QueryOptions.Json(a.From) },
            RelationFact r => new { r.Type, source = QueryOptions.Json(r.Source), target = QueryOptions.Json(r.Target), r.Role, from = QueryOptions.Json(r.From) },
            EventFact e => new { e.Type, date = e.Date.ToIso(), places = e.Places.Select(QueryOptions.Json), actors = e.Actors.Select(QueryOptions.Json), source = QueryOptions.Json(e.From) },
            ClaimFact c => new { speaker = QueryOptions.Json(c.Speaker), c.Cue, c.Text, about = c.About.Select(QueryOptions.Json), source = QueryOptions.Json(c.From) },
            _ => throw new InvalidOperationException("not a profile item: " + item.GetType().Name),
        }),
        total = page.Total,
        total_is_lower_bound = page.TotalIsLowerBound,
        offset = page.Offset,
        limit = page.Limit,
        more = page.More,
    };
}
