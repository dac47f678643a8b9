using System.CommandLine;
using System.Globalization;
using Harmattan.Analysis.Disputes;
using Harmattan.Knowledge;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>disputes</c>: where sources conflict, both sides with their sources and why they conflict; with
/// <c>--actor</c>, only about that actor, from its newest statements (bounded however often it is named);
/// without, among the statements of the newest documents (<c>--documents</c>, 0 for the whole knowledge base).
/// </summary>
internal static class DisputesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var window = new Option<int>("--window")
        {
            Description = "Compare reports at most this many days apart.",
            DefaultValueFactory = _ => new DisputeOptions().WindowDays,
            HelpName = "DAYS",
        };
        var tolerance = new Option<decimal>("--tolerance")
        {
            Description = "Figures conflict when the larger exceeds the smaller by more than this fraction (0.5 = 50%).",
            DefaultValueFactory = _ => new DisputeOptions().StrengthTolerance,
        };
        var actor = QueryOptions.Entity("--actor", "Only disputes about this actor, from its newest statements of each kind.");
        var documents = new Option<int>("--documents")
        {
            Description = "Without --actor, compare the statements of the newest N documents stored; 0 compares the whole knowledge base (reads every statement).",
            DefaultValueFactory = _ => DisputeFinder.DefaultDocuments,
            HelpName = "N",
        };
        var json = CommonOptions.Json();
        var command = new Command("disputes", "Show where sources disagree: relations, attribute values and assessments.") { window, tolerance, actor, documents, json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(window) < 0)
            {
                throw HarmattanError.BadArgument.At("--window", "the window must be 0 days or more");
            }

            if (parse.GetValue(tolerance) < 0)
            {
                throw HarmattanError.BadArgument.At("--tolerance", "the tolerance must be 0 or more");
            }

            var newest = parse.GetValue(documents);
            if (newest < 0)
            {
                throw HarmattanError.BadArgument.At("--documents", "must be 0 (the whole knowledge base) or more");
            }

            var finder = new DisputeFinder(
                StanceLexicon.Load(Workspace.Data(parse)),
                new DisputeOptions(parse.GetValue(window), parse.GetValue(tolerance)));
            using var store = Workspace.OpenStore(parse, env);
            if (!QueryOptions.TryResolveOptional(store, parse.GetValue(actor), env, out var subject))
            {
                return HarmattanCli.SomeInputsFailed;
            }

            var bounded = subject is not null ? finder.FindAbout(store, subject)
                : newest > 0 ? finder.FindRecent(store, newest)
                : null;
            var disputes = bounded?.Disputes ?? finder.Find(store.FindRelations(), store.FindAttributes(), store.FindClaims());
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, disputes.Select(d => new
                {
                    d.Kind,
                    subject = QueryOptions.Json(d.Subject),
                    other = d.Other is null ? null : QueryOptions.Json(d.Other),
                    d.Topic,
                    d.Reason,
                    side_a = d.SideA.Select(Statement),
                    side_b = d.SideB.Select(Statement),
                }));
                return HarmattanCli.Ok;
            }

            var number = 0;
            foreach (var d in disputes)
            {
                number++;
                env.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"[bold]{number}. {Markup.Escape(d.Subject.Name)}[/] · {d.Kind.ToString().ToLowerInvariant()} · {Markup.Escape(d.Topic)}"));
                env.Console.MarkupLine("   why: " + Markup.Escape(d.Reason));
                var table = QueryOptions.Table("", "side", "statement", "speaker", "source", "evidence");
                foreach (var s in d.SideA)
                {
                    table.AddRow("A", Markup.Escape(s.Text), Markup.Escape(s.Speaker?.Name ?? ""), QueryOptions.Cite(s.Source), Markup.Escape(s.Source.Evidence));
                }

                foreach (var s in d.SideB)
                {
                    table.AddRow("B", Markup.Escape(s.Text), Markup.Escape(s.Speaker?.Name ?? ""), QueryOptions.Cite(s.Source), Markup.Escape(s.Source.Evidence));
                }

                env.Console.Write(table);
            }

            env.Output.WriteLine(QueryOptions.Count(disputes.Count, "dispute"));
            if (bounded is { Truncated: true })
            {
                env.Output.WriteLine(subject is not null
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"from the newest {DisputeFinder.DefaultStatementsPerKind} relations, figures and claims about {subject.Name} of each kind; older ones were not compared")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"from the statements of the newest {(newest == 1 ? "document" : $"{newest:N0} documents")} stored; older documents were not compared (--documents 0 compares them all)"));
            }
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static object Statement(DisputeStatement s) => new
    {
        text = s.Text,
        speaker = s.Speaker is null ? null : QueryOptions.Json(s.Speaker),
        source = QueryOptions.Json(s.Source),
    };
}
