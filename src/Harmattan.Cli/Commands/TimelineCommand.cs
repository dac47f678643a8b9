using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>timeline</c>: events in date order, optionally of one actor or at one place, within a period, a page at a
/// time (<c>--limit</c>, <c>--offset</c>), read from the actor's or place's index so a page costs its size.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create(CliEnvironment env)
    {
        var actor = QueryOptions.Entity("--actor", "Only events this actor takes part in.");
        var place = QueryOptions.Entity("--place", "Only events at this place.");
        var since = QueryOptions.Since();
        var until = QueryOptions.Until();
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(200);
        var offset = new Option<int>("--offset") { Description = "How many of the earliest events to skip (the next page)." };
        var command = new Command("timeline", "Show events in date order with their places, actors and sources.") { actor, place, since, until, json, limit, offset };
        command.SetAction(parse =>
        {
            var period = QueryOptions.Period(parse, since, until);
            if (parse.GetValue(limit) is < 1 or > KnowledgeStore.MaxPageSize)
            {
                throw HarmattanError.BadArgument.At("--limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {KnowledgeStore.MaxPageSize}"));
            }

            if (parse.GetValue(offset) < 0)
            {
                throw HarmattanError.BadArgument.At("--offset", "must be 0 or more");
            }

            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(actor), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(place), env, out var where))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var page = store.TimelinePage(new EventFilter(who, where, period), parse.GetValue(offset), parse.GetValue(limit));
            var shown = page.Items;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, shown.Select(e => new
                {
                    e.Id,
                    e.Type,
                    date = e.Date.ToIso(),
                    precision = e.Date.Precision,
                    earliest = e.Date.Earliest,
                    places = e.Places.Select(QueryOptions.Json),
                    actors = e.Actors.Select(QueryOptions.Json),
                    source = QueryOptions.Json(e.From),
                }));
                return HarmattanCli.Ok;
            }

            var table = QueryOptions.Table("timeline", "date", "type", "places", "actors", "source");
            foreach (var e in shown)
            {
                table.AddRow(e.Date.ToIso(), Markup.Escape(e.Type), QueryOptions.Names(e.Places), QueryOptions.Names(e.Actors), QueryOptions.Cite(e.From));
            }

            env.Console.Write(table);
            var from = shown.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{page.Offset + 1}–{page.Offset + shown.Count}");
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"events {from} of {(page.TotalIsLowerBound ? "at least " : "")}{page.Total} ({period}){(page.More ? $"; next: --offset {page.Offset + shown.Count}" : "")}"));
            return HarmattanCli.Ok;
        });
        return command;
    }
}
