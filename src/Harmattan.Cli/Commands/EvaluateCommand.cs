using System.CommandLine;
using System.Text;
using Harmattan.Extraction.Evaluation;
using Harmattan.Extraction.Output;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>evaluate --gold DIR</c>: extracts every <c>NN.txt</c> of a gold folder (published date from
/// <c>NN.meta.json</c>) and scores it exactly as <c>score.py</c> does, printing the same table;
/// <c>--explain</c> lists every miss and false positive, <c>--pred-out</c> keeps the predictions.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var gold = new Option<string>("--gold") { Description = "Folder of NN.txt, NN.meta.json and NN.gold.json.", Required = true, HelpName = "DIR" };
        var explain = new Option<bool>("--explain") { Description = "List every miss and false positive." };
        var json = CommonOptions.Json();
        var only = new Option<string?>("--only") { Description = "Comma-separated document numbers to score." };
        var predOut = new Option<string?>("--pred-out") { Description = "Also write each prediction as NN.json into this folder.", HelpName = "DIR" };
        var command = new Command("evaluate", "Score the extractor against gold annotations.") { gold, explain, json, only, predOut };
        command.SetAction(parse =>
        {
            var set = GoldSet.Load(parse.GetValue(gold)!);
            if (parse.GetValue(only) is { } names)
            {
                set = set.Only(names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            var pipeline = Workspace.Pipeline(parse);
            var output = parse.GetValue(predOut);
            if (output is not null)
            {
                Directory.CreateDirectory(output);
            }

            var report = new EvaluationReport();
            var scored = set.Documents.AsParallel().AsOrdered().Select(doc =>
            {
                var extraction = pipeline.Extract(Knowledge.StableId.Sha256Hex(doc.Text), doc.Text, doc.Metadata?.Published);
                if (output is not null)
                {
                    File.WriteAllBytes(Path.Combine(output, doc.Name + ".json"),
                        GuidelinesJson.ToUtf8Bytes(null, doc.Metadata?.Title, doc.Metadata?.Published, extraction));
                }

                return (doc.Name, Score: EvaluationScorer.ScoreDocument(doc.Gold, GuidelinesDocument.From(extraction)));
            });
            foreach (var (name, score) in scored)
            {
                report.Add(name, score);
            }

            if (parse.GetValue(json))
            {
                env.Output.WriteLine(report.ToJson());
                return HarmattanCli.Ok;
            }

            if (parse.GetValue(explain))
            {
                report.WriteExplain(env.Output);
            }

            report.WriteTable(env.Output);
            return HarmattanCli.Ok;
        });
        return command;
    }
}
