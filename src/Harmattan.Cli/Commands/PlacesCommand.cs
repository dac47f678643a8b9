using System.CommandLine;
using System.Globalization;
using Harmattan.Analysis.Places;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>places</c>: places and countries with their events, mentions and documents, and coordinates when known.</summary>
internal static class PlacesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("places", "Show places and countries: events, mentions, documents and coordinates.") { json };
        command.SetAction(parse =>
        {
            var data = Workspace.Data(parse);
            var locator = new PlaceLocator(ActorRegistry.Load(data, Schema.Load(data)), Gazetteer.Load(data));
            using var store = Workspace.OpenStore(parse, env);
            var places = locator.Locate(store.Places());
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, places.Select(p => new
                {
                    p.Usage.Place.Id,
                    p.Usage.Place.Name,
                    type = p.Usage.Place.Type.ToString(),
                    registry_id = p.Usage.RegistryId,
                    events = p.Usage.Events,
                    mentions = p.Usage.Mentions,
                    documents = p.Usage.Documents,
                    lat = p.Lat,
                    lon = p.Lon,
                    coordinates_from = p.CoordinatesFrom,
                }));
                return HarmattanCli.Ok;
            }

            var table = QueryOptions.Table("places", "place", "type", "events", "mentions", "documents", "lat", "lon");
            foreach (var p in places)
            {
                table.AddRow(
                    Markup.Escape(p.Usage.Place.Name),
                    p.Usage.Place.Type.ToString(),
                    p.Usage.Events.ToString(CultureInfo.InvariantCulture),
                    p.Usage.Mentions.ToString(CultureInfo.InvariantCulture),
                    p.Usage.Documents.ToString(CultureInfo.InvariantCulture),
                    p.Lat?.ToString("0.###", CultureInfo.InvariantCulture) ?? "",
                    p.Lon?.ToString("0.###", CultureInfo.InvariantCulture) ?? "");
            }

            env.Console.Write(table);
            env.Output.WriteLine($"{QueryOptions.Count(places.Count, "place")}, {places.Count(p => p.Lat is not null)} with coordinates");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
