using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>review</c>: the analysts' review of extracted facts. <c>queue</c> lists what waits (least confident
/// first), <c>confirm</c>/<c>reject</c>/<c>correct</c> act on one fact, <c>log</c> lists what was done and
/// <c>undo</c> takes an action back. A FACT is written as the queue prints it: <c>kind:document:id</c>
/// (<c>claim:3f2a9c1b:clm_…</c>), or <c>entity:NAME</c> for an entity (a name, alias or id).
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("review", "Review extracted facts: the queue, confirm, reject, correct, the log, undo.");
        command.Subcommands.Add(Queue(env));
        command.Subcommands.Add(Act(env, ReviewAction.Confirm, "confirm", "Confirm a fact: an analyst checked it against its evidence."));
        command.Subcommands.Add(Act(env, ReviewAction.Reject, "reject", "Reject a fact: it leaves every query, and re-extraction never brings it back."));
        command.Subcommands.Add(Act(env, ReviewAction.Correct, "correct", "Correct fields of a fact (--set field=value), which confirms it."));
        command.Subcommands.Add(Log(env));
        command.Subcommands.Add(Undo(env));
        return command;
    }

    private static Command Queue(CliEnvironment env)
    {
        var kind = new Option<string?>("--kind") { Description = "Only this kind: entity, claim, relation, event, attribute." };
        var document = new Option<string?>("--document") { Description = "Only the facts of this document (id or prefix)." };
        var status = new Option<string>("--status") { Description = "proposed (default), confirmed or rejected.", DefaultValueFactory = _ => "proposed" };
        var limit = new Option<int>("--limit") { Description = "How many to list.", DefaultValueFactory = _ => 25 };
        var offset = new Option<int>("--offset") { Description = "How many to skip.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var command = new Command("queue", "Facts waiting for review, least confident first.") { kind, document, status, limit, offset, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var filter = new ReviewQueueFilter(ParseKind(parse.GetValue(kind)), parse.GetValue(document), ParseStatus(parse.GetValue(status)!, "--status"));
            var page = store.ReviewQueue(filter, Math.Max(0, parse.GetValue(offset)), Math.Clamp(parse.GetValue(limit), 1, 500));
            var items = page.Items;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new { total = page.Total, totalIsLowerBound = page.TotalIsLowerBound, items });
                return HarmattanCli.Ok;
            }

            var table = new Table().AddColumns("fact", "conf.", "says", "evidence");
            foreach (var item in items)
            {
                table.AddRow(
                    Markup.Escape(Reference(item)),
                    item.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                    Markup.Escape(item.Summary),
                    Markup.Escape(Shorten(item.Evidence?.Text ?? "", 90)));
            }

            env.Console.Write(table);
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} of {(page.TotalIsLowerBound ? "at least " : "")}{page.Total} {Kind(filter.Status)} facts"));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command Act(CliEnvironment env, ReviewAction action, string name, string description)
    {
        var fact = new Argument<string>("FACT") { Description = "kind:document:id as the queue prints it, or entity:NAME." };
        var by = new Option<string>("--by") { Description = "Who reviews (recorded). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };
        var expect = new Option<string?>("--expect") { Description = "The status you saw (proposed, confirmed, rejected); refused if someone changed it since." };
        var set = new Option<string[]>("--set")
        {
            Description = "field=value to correct (entity: name, type; claim: speaker; relation: type, role; event: type, date; attribute: value).",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = CommonOptions.Json();
        var command = new Command(name, description) { fact, by, expect, json };
        if (action == ReviewAction.Correct)
        {
            command.Options.Add(set);
        }

        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var schema = Schema.Load(Workspace.Data(parse));
            var changes = action == ReviewAction.Correct ? Changes(parse.GetValue(set) ?? []) : null;
            var expected = ReviewNames.Status(parse.GetValue(expect), "--expect");
            var review = store.Review(new ReviewRequest(ParseFact(store, parse.GetValue(fact)!), action, changes, parse.GetValue(by)!, expected), schema);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, review);
            }
            else
            {
                env.Output.WriteLine(Line(review));
                env.Output.WriteLine($"undo with: harmattan review undo {review.Id}");
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command Log(CliEnvironment env)
    {
        var kind = new Option<string?>("--kind") { Description = "Only reviews of this kind of fact." };
        var document = new Option<string?>("--document") { Description = "Only reviews of this document's facts (id or prefix)." };
        var fact = new Option<string?>("--fact") { Description = "Only reviews of this fact id." };
        var limit = new Option<int>("--limit") { Description = "How many to list.", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var command = new Command("log", "Recorded reviews, newest first, with who and when.") { kind, document, fact, limit, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var (reviews, total) = store.ListReviews(
                new ReviewLogFilter(ParseKind(parse.GetValue(kind)), parse.GetValue(document), parse.GetValue(fact)), 0, Math.Clamp(parse.GetValue(limit), 1, 500));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new { total, reviews });
                return HarmattanCli.Ok;
            }

            foreach (var review in reviews)
            {
                env.Output.WriteLine(Line(review));
            }

            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reviews.Count} of {total} reviews"));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static Command Undo(CliEnvironment env)
    {
        var id = new Argument<string>("REVIEW") { Description = "The review id (or a prefix of 8 characters or more)." };
        var by = new Option<string>("--by") { Description = "Who undoes it (recorded). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };
        var json = CommonOptions.Json();
        var command = new Command("undo", "Undo a review: the fact gets back its status and fields.") { id, by, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var review = store.UndoReview(parse.GetValue(id)!, parse.GetValue(by)!);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, review);
            }
            else
            {
                env.Output.WriteLine(Line(review));
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>The FACT argument: <c>entity:NAME</c> or <c>kind:document:id</c>.</summary>
    internal static FactRef ParseFact(KnowledgeStore store, string text)
    {
        var parts = text.Split(':', 2);
        var kind = parts.Length == 2 ? ReviewNames.Kind(parts[0], text) : null;
        if (kind is null)
        {
            throw HarmattanError.BadArgument.At(text, "write a fact as kind:document:id (claim:3f2a9c1b:clm_...) or entity:NAME");
        }

        if (kind == FactKind.Entity)
        {
            return new FactRef(FactKind.Entity, null, store.ResolveEntity(parts[1]).Id);
        }

        var rest = parts[1].Split(':', 2);
        return rest.Length == 2 && rest[0].Length > 0 && rest[1].Length > 0
            ? new FactRef(kind.Value, rest[0], rest[1])
            : throw HarmattanError.BadArgument.At(text, $"a {Kind(kind.Value)} is written {Kind(kind.Value)}:document:id");
    }

    private static Dictionary<string, string?> Changes(IEnumerable<string> assignments)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw HarmattanError.BadArgument.At("--set", $"'{assignment}' is not field=value");
            }

            changes[assignment[..equals].Trim()] = assignment[(equals + 1)..];
        }

        return changes.Count > 0 ? changes : throw HarmattanError.BadArgument.At("--set", "a correction needs at least one --set field=value");
    }

    private static string Reference(ReviewItem item) =>
        item.Kind == FactKind.Entity ? $"entity:{item.FactId}" : $"{Kind(item.Kind)}:{Workspace.ShortId(item.DocumentId!)}:{item.FactId}";

    private static string Line(ReviewRecord r)
    {
        var fact = r.DocumentId is null ? $"entity:{r.FactId}" : $"{Kind(r.Kind)}:{Workspace.ShortId(r.DocumentId)}:{r.FactId}";
        var changes = r.Changes.Count == 0 ? "" : " (" + string.Join(", ", r.Changes.Select(c => $"{c.Field}: {c.Before ?? "-"} -> {c.After ?? "-"}")) + ")";
        var undone = r.UndoneBy is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; undone by {r.UndoneBy} at {r.UndoneAt:yyyy-MM-dd HH:mm:ss}Z");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Id} {Kind(r.Action)} {fact}{changes}: {Kind(r.StatusBefore)} -> {Kind(r.StatusAfter)}, by {r.By} at {r.At:yyyy-MM-dd HH:mm:ss}Z{undone}");
    }

    private static FactKind? ParseKind(string? text) => ReviewNames.Kind(text, "--kind");

    private static ReviewStatus ParseStatus(string text, string option) => ReviewNames.Status(text, option) ?? ReviewStatus.Proposed;

    private static string Kind<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
