using System.CommandLine;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>timeline</c>: events in date order, optionally of one actor or at one place, within a period.</summary>
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
        var command = new Command("timeline", "Show events in date order with their places, actors and sources.") { actor, place, since, until, json, limit };
        command.SetAction(parse =>
        {
            var period = QueryOptions.Period(parse, since, until);
            using var store = Workspace.OpenStore(parse);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(actor), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(place), env, out var where))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var events = store.Timeline(new EventFilter(who, where, period));
            var shown = events.Take(Math.Max(0, parse.GetValue(limit))).ToList();
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
            env.Output.WriteLine($"{QueryOptions.Count(shown.Count, "event")} shown of {events.Count} ({period})");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
