using System.CommandLine;
using Harmattan.Knowledge;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>split MERGE</c> undoes a merge, named by its change id or by the name of the entity it absorbed;
/// <c>split CHANGE</c> also undoes an earlier split; <c>split ENTITY --document DOC</c> gives that
/// document's occurrences of the entity a new entity of their own.
/// </summary>
internal static class SplitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var target = new Argument<string>("TARGET")
        {
            Description = "A change id (undoes that merge or split) or an absorbed entity's name (undoes its merge); with --document, the entity to split.",
        };
        var document = new Option<string?>("--document") { Description = "Split this document's occurrences of TARGET out into a new entity.", HelpName = "DOC" };
        var by = new Option<string>("--by") { Description = "Who splits (recorded). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };
        var expect = EntityChangeOutput.Expect("TARGET (with --document)");
        var json = CommonOptions.Json();
        var command = new Command("split", "Undo a merge, or split one document's occurrences out of an entity.") { target, document, by, expect, json };
        command.SetAction(parse =>
        {
            var expected = parse.GetValue(expect);
            if (expected is not null && parse.GetValue(document) is null)
            {
                throw HarmattanError.BadArgument.At("--expect", "applies to a split by --document; an undo is refused anyway when a later change is in force");
            }

            using var store = Workspace.OpenStore(parse, env);
            var who = parse.GetValue(by)!;
            var change = parse.GetValue(document) is { } doc
                ? store.SplitDocument(parse.GetValue(target)!, doc, who, expected)
                : store.UndoChange(store.FindMerge(parse.GetValue(target)!).Id, who);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, EntityChangeOutput.Json(change));
            }
            else
            {
                env.Output.WriteLine(EntityChangeOutput.Line(change));
                if (change.UndoneBy is null)
                {
                    env.Output.WriteLine($"undo with: harmattan split {change.Id}");
                }
            }

            return HarmattanCli.Ok;
        });
        return command;
    }
}
