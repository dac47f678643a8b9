using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harmattan.Documents;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>ingest PATH...</c>: reads files, folders (recursively) or <c>-</c> (stdin), with the metadata of their
/// sidecars and manifests (<see cref="IngestInputs"/>), extracts and stores each document in its own
/// transaction. On a terminal it shows a progress bar with documents per second; otherwise one plain line
/// per input. Ends with a summary; exit code 1 if any input failed.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Report files, folders (searched recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var title = new Option<string?>("--title") { Description = "Title to store instead of the one the document, its sidecar or manifest gives (one input only)." };
        var published = new Option<string?>("--published") { Description = "Publication date (2012, 2012-03 or 2012-03-22) instead of the document's, its sidecar's or manifest's." };
        var url = new Option<string?>("--url") { Description = "Source URL to record instead of the document's, its sidecar's or manifest's (one input only)." };
        var maxSize = new Option<double>("--max-size-mb")
        {
            Description = "Refuse files larger than this many megabytes.",
            DefaultValueFactory = _ => 20,
        };
        var json = CommonOptions.Json();

        var command = new Command("ingest", "Read, extract and store reports.") { paths, title, published, url, maxSize, json };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths)!;
            var options = new ReadOptions
            {
                MaxBytes = (long)(parse.GetValue(maxSize) * 1024 * 1024),
                Title = parse.GetValue(title),
                Published = CommonOptions.ParseDate(parse.GetValue(published), "--published"),
                Url = parse.GetValue(url),
            };
            if (options.MaxBytes <= 0)
            {
                throw HarmattanError.BadArgument.At("--max-size-mb", "must be positive");
            }

            var inputs = IngestInputs.Expand(given, () => IngestInputs.ReadAll(env.OpenStdin(), options.MaxBytes)).ToList();
            if (inputs.Count > 1 && (options.Title is not null || options.Url is not null))
            {
                throw HarmattanError.BadArgument.At("--title/--url", $"these describe one document, but {inputs.Count} inputs were given");
            }

            using var store = Workspace.OpenStore(parse, env);
            var ingestor = new Ingestor(Workspace.Reader(), Workspace.Pipeline(parse), store, EntityChangeOutput.DefaultAnalyst());
            var clock = Stopwatch.StartNew();
            var results = parse.GetValue(json) || !env.Interactive
                ? RunPlain(env, ingestor, inputs, options, quiet: parse.GetValue(json))
                : RunWithProgress(env, ingestor, inputs, options, clock);
            var summary = Ingestor.Summarize(results, clock.Elapsed);

            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new
                {
                    summary = new { summary.Added, summary.Unchanged, summary.Failed, seconds = Math.Round(summary.Elapsed.TotalSeconds, 3) },
                    documents = results.Select(r => new
                    {
                        source = r.Input.Name,
                        status = r.Status,
                        id = r.DocumentId,
                        title = r.Title,
                        error = r.Error?.Code,
                        message = r.Message,
                        entities = r.Entities,
                        claims = r.Claims,
                        events = r.Events,
                    }),
                });
            }
            else
            {
                foreach (var failure in results.Where(r => r.Status == IngestStatus.Failed && env.Interactive))
                {
                    env.Error.WriteLine($"failed     {failure.Message}");
                }

                env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Added} added, {summary.Unchanged} unchanged, {summary.Failed} failed in {summary.Elapsed.TotalSeconds:0.0} s ({summary.DocumentsPerSecond:0.0} documents/s) -> {store.Location}"));
            }

            return summary.Failed > 0 ? HarmattanCli.SomeInputsFailed : HarmattanCli.Ok;
        });
        return command;
    }

    private static List<IngestResult> RunPlain(CliEnvironment env, Ingestor ingestor, List<IngestInput> inputs, ReadOptions options, bool quiet)
    {
        var results = new List<IngestResult>(inputs.Count);
        foreach (var result in ingestor.Run(inputs, options))
        {
            results.Add(result);
            if (quiet)
            {
                continue;
            }

            if (result.Status == IngestStatus.Failed)
            {
                env.Error.WriteLine($"failed     {result.Message}");
            }
            else
            {
                var status = result.Status == IngestStatus.Added ? "added    " : "unchanged";
                var counts = result.Status == IngestStatus.Added
                    ? $" ({result.Entities} entities, {result.Claims} claims, {result.Events} events)"
                    : "";
                env.Output.WriteLine($"{status}  {Workspace.ShortId(result.DocumentId!)}  {result.Input.Name}{counts}");
            }
        }

        return results;
    }

    private static List<IngestResult> RunWithProgress(CliEnvironment env, Ingestor ingestor, List<IngestInput> inputs, ReadOptions options, Stopwatch clock)
    {
        var results = new List<IngestResult>(inputs.Count);
        env.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: Math.Max(1, inputs.Count));
                foreach (var result in ingestor.Run(inputs, options))
                {
                    results.Add(result);
                    var rate = results.Count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"ingesting {results.Count}/{inputs.Count} ({rate:0.0} docs/s)");
                    task.Increment(1);
                }
            });
        return results;
    }
}
