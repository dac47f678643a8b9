using System.CommandLine;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>claims</c>: attributed statements, by a speaker and/or about an entity, with their sources, newest document first.</summary>
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
            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(speaker), env, out var who)
                || !QueryOptions.TryResolveOptional(store, parse.GetValue(about), env, out var subject))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var (shown, page) = Newest(store, new ClaimFilter(who, subject, period), Math.Max(0, parse.GetValue(limit)));
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
            env.Output.WriteLine($"{QueryOptions.Count(shown.Count, "claim")} shown of {(page.TotalIsLowerBound ? "at least " : "")}{page.Total} ({period}), newest first");
            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// The newest <paramref name="count"/> claims the filter admits, read a page at a time (so the cost is what
    /// is shown, not the knowledge base), and the last page read, which carries the total.
    /// </summary>
    private static (List<ClaimFact> Shown, FactPage<ClaimFact> Last) Newest(KnowledgeStore store, ClaimFilter filter, int count)
    {
        var shown = new List<ClaimFact>();
        var page = store.ClaimsPage(filter, 0, Math.Clamp(count, 1, KnowledgeStore.MaxPageSize));
        shown.AddRange(page.Items.Take(count));
        while (page.More && shown.Count < count)
        {
            page = store.ClaimsPage(filter, shown.Count, Math.Min(count - shown.Count, KnowledgeStore.MaxPageSize));
            shown.AddRange(page.Items);
        }

        return (shown, page);
    }
}
