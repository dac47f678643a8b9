using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harmattan.Analysis.Disputes;
using Harmattan.Analysis.Network;
using Harmattan.Corpus;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>bench store [--docs N]</c>: the knowledge base at scale. Generates N reports (seeded, streamed so the
/// corpus is never held in memory), ingests them through the real Ingestor (extraction included) into a
/// fresh store, and prints documents per second with the memory at every tenth of the run (it must not
/// grow with the corpus), the database size, then the latency percentiles of the analyst queries (actor
/// profile, search, network at depth 2, timeline, disputes around an actor) over random actors, each as a
/// host asks it: the profile's first pages, the first page of the timeline, the network within its default
/// limits, the disputes about the actor; and two lists that name no actor, a page among the first twenty of the
/// review queue and the places list.
/// </summary>
internal static class BenchStoreCommand
{
    private static readonly string[] QueryKinds = ["profile", "search", "network", "timeline", "disputes", "review", "places"];

    public static Command Create(CliEnvironment env)
    {
        var docs = new Option<int>("--docs") { Description = "How many reports to generate and ingest.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the corpus generator and of the query sample.", DefaultValueFactory = _ => 1 };
        var queries = new Option<int>("--queries") { Description = "Queries of each kind to time.", DefaultValueFactory = _ => 100 };
        var threads = new Option<int>("--threads") { Description = "Threads reading and extracting in parallel (the store writes on one).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var target = new Option<string?>("--target") { Description = "The store to fill (must be new or empty). Default: a temporary SQLite file, removed afterwards.", HelpName = "LOCATION" };
        var existing = new Option<bool>("--existing") { Description = "Ingest nothing: time the queries on --target as it is (a store an earlier run filled)." };
        var grow = new Option<bool>("--grow")
        {
            Description = "Ingest into --target although it holds documents (an earlier run's), to measure a larger store. "
                + "Give a --seed it was not filled with: the same seed generates the same reports, which are skipped as already stored.",
        };
        var only = new Option<string[]>("--query")
        {
            Description = "Time only these queries (" + string.Join(", ", QueryKinds) + "); repeatable.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "QUERY",
        };
        var json = CommonOptions.Json();
        var command = new Command("store", "Measure ingest throughput, memory, size and query latency of the knowledge base on a generated corpus.")
        {
            docs, seed, queries, threads, target, existing, grow, only, json,
        };
        command.SetAction(parse =>
        {
            var kinds = parse.GetValue(only) is { Length: > 0 } chosen ? chosen : QueryKinds;
            foreach (var kind in kinds.Where(k => !QueryKinds.Contains(k, StringComparer.Ordinal)))
            {
                throw HarmattanError.BadArgument.At("--query", $"'{kind}' is not one of {string.Join(", ", QueryKinds)}");
            }

            var count = parse.GetValue(docs);
            if (count < 1)
            {
                throw HarmattanError.BadArgument.At("--docs", "must be at least 1");
            }

            var threadCount = Math.Max(1, parse.GetValue(threads));
            var location = parse.GetValue(target);
            var temporary = location is null ? Directory.CreateTempSubdirectory("harmattan-bench-").FullName : null;
            location ??= Path.Combine(temporary!, "bench.db");
            try
            {
                var data = Workspace.Data(parse);
                var resources = ExtractionResources.Load(data);
                var pipeline = PipelineFactory.FromResources(resources);
                var generator = CorpusGenerator.Load(data, resources.Registry);
                if (parse.GetValue(existing) && temporary is not null)
                {
                    throw HarmattanError.BadArgument.At("--existing", "needs --target, the store to time");
                }

                if (parse.GetValue(grow) && (temporary is not null || parse.GetValue(existing)))
                {
                    throw HarmattanError.BadArgument.At("--grow", "needs --target, the store to add to, and ingests: it cannot go with --existing");
                }

                using var store = KnowledgeStore.Open(location);
                IngestFigures? ingest = null;
                if (parse.GetValue(existing))
                {
                    if (store.CountDocuments() == 0)
                    {
                        throw HarmattanError.BadArgument.At(location, "--existing times the queries of a filled store; this one is empty");
                    }
                }
                else if (store.CountDocuments() > 0 && !parse.GetValue(grow))
                {
                    throw HarmattanError.BadArgument.At(location, "the benchmark fills a new, empty store; this one holds documents (time it with --existing, or add to it with --grow)");
                }
                else
                {
                    ingest = MeasureIngest(env, store, pipeline, generator, parse.GetValue(seed), count, threadCount, parse.GetValue(json));
                }

                var loadBefore = LoadAverage();
                var latencies = MeasureQueries(store, resources.Registry, Schema.Load(data), StanceLexicon.Load(data), kinds, parse.GetValue(seed), Math.Max(1, parse.GetValue(queries)));
                var load = new LoadFigures(loadBefore, LoadAverage());
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(env.Output, new { ingest, queries = latencies, load_average = load });
                }
                else
                {
                    Print(env.Output, ingest, latencies, load);
                }
            }
            finally
            {
                if (temporary is not null)
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }

            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Memory and progress at one point of the ingest: private memory (which must stay flat), the database
    /// pages mapped in (the operating system's cache, growing with the store), the managed heap.
    /// </summary>
    internal sealed record IngestSample(int Documents, double Seconds, double DocumentsPerSecond, long PrivateBytes, long? MappedFileBytes, long ManagedHeapBytes);

    /// <summary>
    /// <see cref="Documents"/> were generated and went through the ingest (<see cref="Unchanged"/> of them were already
    /// stored, <see cref="Failed"/> failed); the store then held <see cref="StoredDocuments"/>, which a store that was
    /// grown (<c>--grow</c>) counts with its earlier ones.
    /// </summary>
    internal sealed record IngestFigures(
        int Documents,
        long Words,
        int Failed,
        int Unchanged,
        long StoredDocuments,
        int Threads,
        double Seconds,
        double DocumentsPerSecond,
        double CpuMillisecondsPerDocument,
        double StoringMillisecondsPerDocument,
        double WriterBusy,
        long PeakPrivateBytes,
        long PeakWorkingSetBytes,
        long DatabaseBytes,
        IReadOnlyList<IngestSample> Samples);

    /// <summary>
    /// Wall-clock percentiles of one query, and the process's CPU time per query over the timed runs (every
    /// thread, GC included): on a shared machine the wall clock carries the other jobs, the CPU time less so.
    /// </summary>
    internal sealed record LatencyFigures(string Query, int Runs, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double CpuMsPerQuery);

    /// <summary>The machine's load average (1, 5, 15 minutes) before and after the queries were timed, where the system says it.</summary>
    internal sealed record LoadFigures(string? Before, string? After);

    /// <summary>The first three fields of /proc/loadavg, or null where there is none: wall-clock latencies mean little without it.</summary>
    private static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static IngestFigures MeasureIngest(
        CliEnvironment env, KnowledgeStore store, ExtractionPipeline pipeline, CorpusGenerator generator, int seed, int count, int threads, bool quiet)
    {
        long words = 0;
        var inputs = BenchCorpus.Inputs(generator, seed, count, report => words += report.Words);

        var ingestor = new Ingestor(new Harmattan.Documents.DocumentReader(), pipeline, store);
        var samples = new List<IngestSample>();
        var every = Math.Max(1, count / 10);
        // Private memory is read a hundred times over the run for its peak (the system keeps only the working set's).
        var probeEvery = Math.Max(1, count / 100);
        var peakPrivate = ProcessMemory.Now().PrivateBytes;
        var done = 0;
        var failed = 0;
        var unchanged = 0;
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        foreach (var result in ingestor.Run(inputs, new Harmattan.Documents.ReadOptions(), threads))
        {
            done++;
            if (result.Status == IngestStatus.Failed)
            {
                failed++;
            }
            else if (result.Status == IngestStatus.Unchanged)
            {
                unchanged++;
            }

            if (done % probeEvery != 0 && done != count)
            {
                continue;
            }

            var memory = ProcessMemory.Now();
            peakPrivate = Math.Max(peakPrivate, memory.PrivateBytes);
            if (done % every == 0 || done == count)
            {
                var seconds = clock.Elapsed.TotalSeconds;
                var sample = new IngestSample(done, seconds, done / seconds, memory.PrivateBytes, memory.MappedFileBytes, GC.GetTotalMemory(forceFullCollection: false));
                samples.Add(sample);
                if (!quiet)
                {
                    var mapped = sample.MappedFileBytes is { } m ? string.Create(CultureInfo.InvariantCulture, $"  mapped {m / 1048576.0,7:F1} MB") : "";
                    env.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {done,9:N0} documents  {seconds,8:F1} s  {sample.DocumentsPerSecond,8:F1} docs/s  private {sample.PrivateBytes / 1048576.0,7:F1} MB{mapped}  heap {sample.ManagedHeapBytes / 1048576.0,7:F1} MB"));
                }
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = CpuTime() - cpuBefore;
        using var self = Process.GetCurrentProcess();
        var storing = ingestor.StoringTime.TotalMilliseconds;
        return new IngestFigures(done, words, failed, unchanged, store.CountDocuments(), threads, elapsed, done / elapsed, cpu.TotalMilliseconds / Math.Max(1, done),
            storing / Math.Max(1, done), storing / 1000 / elapsed,
            peakPrivate, self.PeakWorkingSet64, store.GetStats().SizeBytes, samples);
    }

    /// <summary>CPU time of the whole process so far (every thread), the figure a loaded machine does not distort much.</summary>
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// The actors whose queries are timed: the registry's armed groups and people that the store holds, the prominent
    /// actors analysts ask about and whose sections are the fullest (the generated corpus also names local people,
    /// each with a few facts, who would make the sample light). A store without any of them (another region's
    /// reports) gives its first armed groups and people by name instead.
    /// </summary>
    private static List<EntityRef> QueriedActors(KnowledgeStore store, ActorRegistry registry)
    {
        var prominent = registry.Entries
            .Where(e => e.Type is EntityType.ArmedGroup or EntityType.Person)
            .SelectMany(e => store.FindEntities(e.Id).Take(1))
            .ToList();
        return prominent.Count > 0
            ? prominent
            : [.. store.ListEntities(EntityType.ArmedGroup, 0, 200).Entities, .. store.ListEntities(EntityType.Person, 0, 200).Entities];
    }

    private static List<LatencyFigures> MeasureQueries(KnowledgeStore store, ActorRegistry registry, Schema schema, StanceLexicon stances, IReadOnlyList<string> kinds, int seed, int runs)
    {
        var actors = QueriedActors(store, registry);
        if (actors.Count == 0)
        {
            return [];
        }

        var finder = new DisputeFinder(stances, new DisputeOptions());
        var results = new List<LatencyFigures>();
        foreach (var kind in kinds)
        {
            // The same actors for every query, whichever are timed.
            var random = new Random(seed);
            var times = new List<double>(runs);
            var cpu = TimeSpan.Zero;
            // Three untimed runs first, as a server has run its queries before: JIT and caches warm.
            for (var i = -3; i < runs; i++)
            {
                var actor = actors[random.Next(actors.Count)];
                if (i == 0)
                {
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                }

                var clock = Stopwatch.StartNew();
                switch (kind)
                {
                    case "profile":
                        _ = store.GetActorProfile(store.ResolveEntity(actor.Id));
                        break;
                    case "search":
                        _ = store.Search('"' + actor.Name.Replace("\"", "", StringComparison.Ordinal) + '"');
                        break;
                    case "network":
                        _ = NetworkReader.Around(store, actor, 2, null, t => !schema.TryGetRelation(t, out var r) || r.Directed);
                        break;
                    case "timeline":
                        _ = store.TimelinePage(new EventFilter(Actor: actor), 0, 50);
                        break;
                    case "disputes":
                        _ = finder.FindAbout(store, actor);
                        break;
                    case "review":
                        _ = store.ReviewQueue(null, random.Next(20) * 50, 50);
                        break;
                    case "places":
                        _ = store.Places();
                        break;
                }

                if (i >= 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            times.Sort();
            results.Add(new LatencyFigures(
                kind, runs, BenchCorpus.Percentile(times, 0.50), BenchCorpus.Percentile(times, 0.95), BenchCorpus.Percentile(times, 0.99), times[^1], cpu.TotalMilliseconds / runs));
        }

        return results;
    }

    private static void Print(TextWriter output, IngestFigures? ingest, List<LatencyFigures> latencies, LoadFigures load)
    {
        if (ingest is not null)
        {
            PrintIngest(output, ingest);
        }

        output.WriteLine("query          runs     p50 ms     p95 ms     p99 ms     max ms  cpu ms/query");
        foreach (var l in latencies)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Query,-12} {l.Runs,6} {l.P50Ms,10:F2} {l.P95Ms,10:F2} {l.P99Ms,10:F2} {l.MaxMs,10:F2} {l.CpuMsPerQuery,13:F2}"));
        }

        if (load.Before is not null)
        {
            output.WriteLine($"load average before / after the queries: {load.Before} / {load.After}");
        }
    }

    private static void PrintIngest(TextWriter output, IngestFigures ingest)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ingest: {ingest.Documents:N0} documents ({ingest.Words:N0} words, {ingest.Failed} failed, {ingest.Unchanged} already stored) on {ingest.Threads} threads in {ingest.Seconds:F1} s = {ingest.DocumentsPerSecond:F1} docs/s"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"cpu: {ingest.CpuMillisecondsPerDocument:F1} ms per document (every thread: generating, reading, extracting, storing)"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"writer: {ingest.StoringMillisecondsPerDocument:F2} ms per document storing, busy {ingest.WriterBusy * 100:F0}% of the run (the rest it waited for extraction)"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"memory: private {ingest.Samples[0].PrivateBytes / 1048576.0:F1} MB at the first tenth, {ingest.Samples[^1].PrivateBytes / 1048576.0:F1} MB at the end, peak {ingest.PeakPrivateBytes / 1048576.0:F1} MB; peak working set {ingest.PeakWorkingSetBytes / 1048576.0:F1} MB with the database pages mapped in"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"database: {ingest.StoredDocuments:N0} documents, {ingest.DatabaseBytes / 1048576.0:F1} MB ({(double)ingest.DatabaseBytes / Math.Max(1, ingest.StoredDocuments):F0} bytes/document)"));
    }
}
