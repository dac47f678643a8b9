using System.CommandLine;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>claims</c>: attributed statements, by a speaker and/or about an entity, with their sources.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var speaker = QueryOptions.Entity("--speaker", "Only claims this speaker made.");
        var about = QueryOptions.Entity("--about", "Only claims about this entity.");
        var since = QueryOptions.Since();
        var until = QueryOptions.Until();
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(200);
        var command = new Command("claims", "Show claims with their speaker, reporting verb, text and source.") { speaker, about, since, until, json, limit };
        command.SetAction(parse =>
        {
            var period = QueryOptions.Period(parse, since, until);
            using var store = Workspace.OpenStore(parse);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(speaker), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(about), env, out var subject))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var claims = store.FindClaims(new ClaimFilter(who, subject, period));
            var shown = claims.Take(Math.Max(0, parse.GetValue(limit))).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, shown.Select(c => new
                {
                    c.Id,
                    speaker = QueryOptions.Json(c.Speaker),
                    c.Cue,
                    c.Text,
                    about = c.About.Select(QueryOptions.Json),
                    source = QueryOptions.Json(c.From),
                }));
                return HarmattanCli.Ok;
            }

            var table = QueryOptions.Table("claims", "speaker", "cue", "statement", "about", "source");
            foreach (var c in shown)
            {
                table.AddRow(Markup.Escape(c.Speaker.Name), Markup.Escape(c.Cue), Markup.Escape(c.Text), QueryOptions.Names(c.About), QueryOptions.Cite(c.From));
            }

            env.Console.Write(table);
            env.Output.WriteLine($"{QueryOptions.Count(shown.Count, "claim")} shown of {claims.Count} ({period})");
            return HarmattanCli.Ok;
        });
        return command;
    }
}
