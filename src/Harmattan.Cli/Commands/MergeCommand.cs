using System.CommandLine;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>merge A B</c>: folds entity B into entity A, recorded with who and when; <c>split</c> undoes it.</summary>
internal static class MergeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var kept = new Argument<string>("A") { Description = "The entity that stays: an id, id prefix, name or alias." };
        var absorbed = new Argument<string>("B") { Description = "The entity folded into A; its names become A's aliases." };
        var by = new Option<string>("--by") { Description = "Who merges (recorded). Default: $USER.", DefaultValueFactory = _ => EntityChangeOutput.DefaultAnalyst() };
        var expect = EntityChangeOutput.Expect("A");
        var expectAbsorbed = EntityChangeOutput.Expect("B", "--expect-absorbed");
        var json = CommonOptions.Json();
        var command = new Command("merge", "Merge entity B into entity A (same type only); undo with 'split'.") { kept, absorbed, by, expect, expectAbsorbed, json };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var change = store.MergeEntities(parse.GetValue(kept)!, parse.GetValue(absorbed)!, parse.GetValue(by)!, parse.GetValue(expect), parse.GetValue(expectAbsorbed));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, EntityChangeOutput.Json(change));
            }
            else
            {
                env.Output.WriteLine(EntityChangeOutput.Line(change));
                env.Output.WriteLine($"undo with: harmattan split {change.Id}");
            }

            return HarmattanCli.Ok;
        });
        return command;
    }
}
