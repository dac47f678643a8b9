using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harmattan.Corpus;
using Harmattan.Extraction.Output;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>bench [--words N]</c>: generates a synthetic corpus (seeded, outside the timing), warms the
/// pipeline up, then extracts every report on the given number of threads and prints words and
/// documents per second (wall and per CPU second), allocation per word and memory. CPU time is the
/// figure to compare on a shared machine: wall time there depends on what else runs.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var words = new Option<long>("--words") { Description = "Size of the generated corpus in words.", DefaultValueFactory = _ => 2_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the corpus generator (same seed, same corpus).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Threads extracting in parallel; 1 gives the one-core figure. Default: all cores.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var save = new Option<string?>("--save") { Description = "Also write the generated reports to this folder (one .txt each), to read or extract them.", HelpName = "DIR" };
        var byComponent = new Option<bool>("--by-component") { Description = "Also time each component on one thread (wall clock): where the time goes." };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Measure the extraction pipeline on a generated corpus: words/s, documents/s, memory.") { words, seed, threads, save, byComponent, json };
        command.Subcommands.Add(BenchStoreCommand.Create(env));
        command.Subcommands.Add(BenchServeCommand.Create(env));
        command.SetAction(parse =>
        {
            var wordCount = parse.GetValue(words);
            var threadCount = parse.GetValue(threads);
            if (wordCount < 1)
            {
                throw HarmattanError.BadArgument.At("--words", "must be at least 1");
            }

            if (threadCount < 1)
            {
                throw HarmattanError.BadArgument.At("--threads", "must be at least 1");
            }

            var data = Workspace.Data(parse);
            var resources = ExtractionResources.Load(data);
            var pipeline = PipelineFactory.FromResources(resources);
            var corpus = CorpusGenerator.Load(data, resources.Registry).Generate(parse.GetValue(seed), wordCount).ToArray();
            if (parse.GetValue(save) is { } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (var report in corpus)
                {
                    File.WriteAllText(Path.Combine(folder, report.Id + ".txt"), report.Text);
                }
            }

            var result = Measure(pipeline, corpus, threadCount);
            var components = parse.GetValue(byComponent) ? MeasureComponents(pipeline, corpus) : null;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, new { run = result, components });
            }
            else
            {
                Print(env.Output, result);
                if (components is not null)
                {
                    PrintComponents(env.Output, components, result.Words);
                }
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>What one run measured; per-second figures are derived from the totals.</summary>
    internal sealed record BenchResult(
        long Words,
        int Documents,
        int Threads,
        int ProcessorCount,
        double WallSeconds,
        double CpuSeconds,
        double WordsPerSecond,
        double DocumentsPerSecond,
        double WordsPerCpuSecond,
        double AllocatedBytesPerWord,
        long WorkingSetBeforeBytes,
        long PeakWorkingSetBytes,
        long CorpusChars,
        int Gen0Collections,
        int Gen2Collections,
        long Entities,
        long Claims,
        long Events);

    private const long WarmUpWords = 500_000;

    internal static BenchResult Measure(ExtractionPipeline pipeline, GeneratedReport[] corpus, int threads)
    {
        // Warm-up: JIT and tiered compilation (which recompiles hot methods about a second in),
        // first-use indexes. Not timed. A small corpus is gone through more than once.
        var warmUpWords = 0L;
        for (var i = 0; warmUpWords < WarmUpWords; i = (i + 1) % corpus.Length)
        {
            Extract(pipeline, corpus[i]);
            warmUpWords += corpus[i].Words;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        using var sampler = new WorkingSetSampler(workingSetBefore);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        long entities = 0, claims = 0, events = 0;
        if (threads == 1)
        {
            foreach (var report in corpus)
            {
                var (e, c, v) = Extract(pipeline, report);
                entities += e;
                claims += c;
                events += v;
            }
        }
        else
        {
            Parallel.ForEach(
                corpus,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => (0L, 0L, 0L),
                (report, _, sums) =>
                {
                    var (e, c, v) = Extract(pipeline, report);
                    return (sums.Item1 + e, sums.Item2 + c, sums.Item3 + v);
                },
                sums =>
                {
                    Interlocked.Add(ref entities, sums.Item1);
                    Interlocked.Add(ref claims, sums.Item2);
                    Interlocked.Add(ref events, sums.Item3);
                });
        }

        clock.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var wall = clock.Elapsed.TotalSeconds;
        var words = corpus.Sum(r => (long)r.Words);
        return new BenchResult(
            words,
            corpus.Length,
            threads,
            Environment.ProcessorCount,
            Math.Round(wall, 3),
            Math.Round(cpuSeconds, 3),
            Math.Round(words / wall),
            Math.Round(corpus.Length / wall, 1),
            Math.Round(words / cpuSeconds),
            Math.Round((double)allocatedBytes / words, 1),
            workingSetBefore,
            sampler.Stop(),
            corpus.Sum(r => (long)r.Text.Length),
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2,
            entities,
            claims,
            events);
    }

    /// <summary>Seconds spent in one component over the whole corpus, and the bytes it allocated.</summary>
    internal sealed record ComponentTime(string Component, double Seconds, long AllocatedBytes);

    /// <summary>
    /// Runs the components one by one over every report (after the whole-pipeline run has warmed
    /// them up) and adds up the wall time of each, plus the assembly of the records.
    /// </summary>
    internal static List<ComponentTime> MeasureComponents(ExtractionPipeline pipeline, GeneratedReport[] corpus)
    {
        var ticks = new long[pipeline.Components.Count + 1];
        var bytes = new long[pipeline.Components.Count + 1];
        foreach (var report in corpus)
        {
            var document = new AnalyzedDocument(report.Id, report.Text, report.Published);
            for (var k = 0; k < pipeline.Components.Count; k++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                pipeline.Components[k].Process(document);
                ticks[k] += Stopwatch.GetTimestamp() - start;
                bytes[k] += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            var assemblyBytes = GC.GetAllocatedBytesForCurrentThread();
            var assembly = Stopwatch.GetTimestamp();
            ExtractionAssembler.Assemble(document);
            ticks[^1] += Stopwatch.GetTimestamp() - assembly;
            bytes[^1] += GC.GetAllocatedBytesForCurrentThread() - assemblyBytes;
        }

        return [.. ticks.Select((t, k) => new ComponentTime(
            k < pipeline.Components.Count ? pipeline.Components[k].Name : "output.assemble",
            Math.Round((double)t / Stopwatch.Frequency, 3),
            bytes[k]))];
    }

    private static void PrintComponents(TextWriter output, List<ComponentTime> components, long words)
    {
        var total = components.Sum(c => c.Seconds);
        output.WriteLine("by component (one thread, wall clock)");
        foreach (var c in components)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Component,-26} {c.Seconds,8:F3} s  {100 * c.Seconds / total,5:F1} %  {words / c.Seconds,14:N0} words/s  {(double)c.AllocatedBytes / words,7:F1} bytes/word"));
        }
    }

    private static (int Entities, int Claims, int Events) Extract(ExtractionPipeline pipeline, GeneratedReport report)
    {
        var extraction = pipeline.Extract(report.Id, report.Text, report.Published);
        return (extraction.Entities.Count, extraction.Claims.Count, extraction.Events.Count);
    }

    private static void Print(TextWriter output, BenchResult r)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"corpus        {r.Documents:N0} reports, {r.Words:N0} words ({r.CorpusChars / 1048576.0:F1} M chars)"));
        output.WriteLine(string.Create(c, $"threads       {r.Threads} of {r.ProcessorCount} cores"));
        output.WriteLine(string.Create(c, $"wall          {r.WallSeconds:F2} s   {r.WordsPerSecond:N0} words/s   {r.DocumentsPerSecond:N1} documents/s"));
        output.WriteLine(string.Create(c, $"cpu           {r.CpuSeconds:F2} s   {r.WordsPerCpuSecond:N0} words per CPU second"));
        output.WriteLine(string.Create(c, $"allocated     {r.AllocatedBytesPerWord:N1} bytes/word   gen0 {r.Gen0Collections}   gen2 {r.Gen2Collections}"));
        output.WriteLine(string.Create(c, $"memory        working set {r.WorkingSetBeforeBytes / 1048576.0:N0} MB before the run (corpus held), peak {r.PeakWorkingSetBytes / 1048576.0:N0} MB during it"));
        output.WriteLine(string.Create(c, $"extracted     {r.Entities:N0} entities, {r.Claims:N0} claims, {r.Events:N0} events"));
    }

    /// <summary>Samples the process working set every 20 ms while the run lasts and keeps the highest value.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public WorkingSetSampler(long start)
        {
            _peak = start;
            _timer = new Timer(_ => Sample(), null, 0, 20);
        }

        public long Stop()
        {
            _timer.Dispose();
            Sample();
            return Interlocked.Read(ref _peak);
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var now = process.WorkingSet64;
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }
}
