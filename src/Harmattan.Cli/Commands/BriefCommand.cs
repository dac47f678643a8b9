using System.CommandLine;
using Harmattan.Analysis.Disputes;
using Harmattan.Exchange;
using Harmattan.Exchange.Briefing;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary><c>brief</c>: a sourced briefing on an actor, a place or a period, as Markdown or HTML.</summary>
internal static class BriefCommand
{
    public static Command Create(CliEnvironment env)
    {
        var actor = QueryOptions.Entity("--actor", "Brief on this actor.");
        var place = QueryOptions.Entity("--place", "Brief on this place.");
        var since = QueryOptions.Since();
        var until = QueryOptions.Until();
        var format = new Option<string>("--format", "-f") { Description = "md (default) or html.", DefaultValueFactory = _ => "md", HelpName = "FORMAT" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("brief", "Write a sourced briefing on an actor, a place or a period: overview, actors, timeline, causes and outlook as claimed, disagreements; every sentence footnoted.")
        {
            actor, place, since, until, format, output,
        };
        command.SetAction(parse =>
        {
            var kind = BriefFormat.Parse(parse.GetValue(format), "--format");
            var period = QueryOptions.Period(parse, since, until);
            if (parse.GetValue(actor) is not null && parse.GetValue(place) is not null)
            {
                throw HarmattanError.BadArgument.At("--place", "brief on an actor or on a place, not both");
            }

            if (parse.GetValue(actor) is null && parse.GetValue(place) is null && !period.IsBounded)
            {
                throw HarmattanError.BadArgument.At("brief", "say what to brief on: --actor NAME, --place NAME, or --since/--until");
            }

            var data = Workspace.Data(parse);
            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(actor), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(place), env, out var where))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var builder = new BriefBuilder(ExchangeContext.Load(data), BriefPhrases.Load(data), StanceLexicon.Load(data));
            var brief = builder.Build(store, new BriefSubject(who, where, period), TimeProvider.System.GetUtcNow());
            var text = kind.Write(brief);
            var path = parse.GetValue(output);
            if (path is null)
            {
                env.Output.Write(text);
                return HarmattanCli.Ok;
            }

            using (var file = OutputFile.Create(path))
            using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(text);
            }

            env.Error.WriteLine($"harmattan: wrote the briefing to {path} ({QueryOptions.Count(brief.Sections.Sum(s => s.Sentences.Count), "sentence")}, {QueryOptions.Count(brief.Notes.Count, "note")})");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
