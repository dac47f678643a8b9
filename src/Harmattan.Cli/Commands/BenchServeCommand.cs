using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harmattan.Corpus;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;
using Harmattan.Server;
using Harmattan.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>bench serve</c>: a bounded load test of the web server on loopback. Starts the real server over a
/// store (a given one, or a fresh one filled with a generated corpus), loads it unmeasured until the runtime has
/// stopped recompiling the hot code (<c>--warmup</c>: at most that long), then keeps a number of
/// connections busy for some seconds with a mix of reads (actor profiles, search, timeline) and writes (a
/// review and its undo), and prints the requests per second and latency percentiles of each kind. A 409 on a
/// review (two workers on one fact) is the optimistic concurrency working and is counted apart from errors.
/// The process's CPU time and allocation per request are printed too: the load generator runs in the same
/// process as the server, so they count both, but unlike requests per second they do not depend on what
/// else the machine is running. With <c>--url</c> it loads a server already running in another process
/// (whose own CPU time can then be read apart, from the operating system).
/// </summary>
internal static class BenchServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var target = new Option<string?>("--target") { Description = "The store to serve (its facts are reviewed and the reviews undone). Default: a temporary one filled with --docs generated reports.", HelpName = "LOCATION" };
        var docs = new Option<int>("--docs") { Description = "Generated reports for the temporary store.", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "How long to load the server, measured.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Load it first, unmeasured, until the runtime has stopped recompiling the hot code (a server in this process) or for this many seconds (at most).",
            DefaultValueFactory = _ => 60,
        };
        var connections = new Option<int>("--connections") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 16 };
        var writes = new Option<double>("--writes") { Description = "Share of operations that are writes (a review and its undo), 0 to 1.", DefaultValueFactory = _ => 0.05 };
        var token = new Option<string?>("--token") { Description = "An analyst's API token (harmattan tokens issue), sent with every request; needed when the store has users.", HelpName = "SECRET" };
        var url = new Option<string?>("--url") { Description = "Load a server already running (harmattan serve) instead of starting one; the CPU and allocation figures then count the load generator only.", HelpName = "URL" };
        var cache = ServeCommand.CacheOption();
        var json = CommonOptions.Json();
        var command = new Command("serve", "Load-test the web server on loopback: requests/s and latency percentiles of profile reads, search, timeline and reviews.")
        {
            target, docs, url, seconds, warmup, connections, writes, token, cache, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var share = parse.GetValue(writes);
            if (share is < 0 or > 1)
            {
                throw HarmattanError.BadArgument.At("--writes", "must be between 0 and 1");
            }

            async Task Measure(Uri server, EntityAnswerCache? answers)
            {
                var results = await Load(
                    server,
                    answers,
                    parse.GetValue(token),
                    TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(warmup))),
                    TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(seconds))),
                    Math.Max(1, parse.GetValue(connections)),
                    share,
                    cancellation);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(env.Output, results);
                }
                else
                {
                    Print(env.Output, results);
                }
            }

            if (parse.GetValue(url) is { } running)
            {
                if (parse.GetValue(target) is not null)
                {
                    throw HarmattanError.BadArgument.At("--url", "a running server serves its own store: give --url or --target, not both");
                }

                if (!Uri.TryCreate(running, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                {
                    throw HarmattanError.BadArgument.At("--url", $"'{running}' is not an http:// or https:// address");
                }

                await Measure(address, answers: null);
                return HarmattanCli.Ok;
            }

            var cacheMegabytes = ServeCommand.CacheMegabytes(parse, cache);
            var location = parse.GetValue(target);
            var temporary = location is null ? Directory.CreateTempSubdirectory("harmattan-load-").FullName : null;
            try
            {
                var data = Workspace.Data(parse);
                if (temporary is not null)
                {
                    location = Path.Combine(temporary, "load.db");
                    Fill(location, data, Math.Max(1, parse.GetValue(docs)));
                }
                else
                {
                    KnowledgeStore.Open(location!).Dispose();
                }

                var app = HarmattanServer.Build(["--Logging:LogLevel:Default=Warning"], s =>
                {
                    s.Database = location!;
                    s.Data = data.Root;
                    s.CacheMegabytes = cacheMegabytes;
                });
                app.Urls.Add("http://127.0.0.1:0");
                await app.StartAsync(cancellation);
                try
                {
                    await Measure(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), app.Services.GetRequiredService<EntityAnswerCache>());
                }
                finally
                {
                    await app.StopAsync(CancellationToken.None);
                    await app.DisposeAsync();
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

    internal sealed record KindFigures(string Kind, int Requests, double PerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, int Conflicts, int Errors);

    /// <param name="ServerInProcess">Whether the server ran in this process (else <c>--url</c> named one running elsewhere).</param>
    /// <param name="CpuMsPerRequest">This process's CPU time (user and system, every thread: the load generator, and the server when in process) over the requests.</param>
    /// <param name="KilobytesPerRequest">Bytes this process allocated over the requests, in KB.</param>
    /// <param name="WarmupSeconds">How long the unmeasured load before ran.</param>
    internal sealed record LoadFigures(
        int Connections, double Seconds, int Requests, double PerSecond, bool ServerInProcess, double CpuMsPerRequest, double KilobytesPerRequest, IReadOnlyList<KindFigures> Kinds)
    {
        public double WarmupSeconds { get; init; }

        /// <summary>Profiles and timelines the server sent from its cache over the requests (null: the server runs elsewhere).</summary>
        public long? CacheHits { get; init; }

        /// <summary>Profiles and timelines the server read from the store over the requests (null: the server runs elsewhere).</summary>
        public long? CacheMisses { get; init; }
    }

    private static void Fill(string location, DataDirectory data, int count)
    {
        var resources = ExtractionResources.Load(data);
        var generator = CorpusGenerator.Load(data, resources.Registry);
        using var store = KnowledgeStore.Open(location);
        var ingestor = new Harmattan.Ingest.Ingestor(new Harmattan.Documents.DocumentReader(), PipelineFactory.FromResources(resources), store);
        foreach (var _ in ingestor.Run(BenchCorpus.Inputs(generator, seed: 1, count), new Harmattan.Documents.ReadOptions()))
        {
        }
    }

    private static async Task<LoadFigures> Load(
        Uri server, EntityAnswerCache? cache, string? token, TimeSpan warmup, TimeSpan duration, int connections, double writeShare, CancellationToken cancellation)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrWhiteSpace(token))
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Trim());
        }

        var actors = new List<string>();
        foreach (var type in new[] { "ArmedGroup", "Person" })
        {
            using var page = await GetJson($"/api/entities?type={type}&limit=200");
            actors.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
        }

        using var queue = await GetJson("/api/review/queue?kind=claim&limit=500");
        var facts = queue.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (Document: i.GetProperty("documentId").GetString()!, Fact: i.GetProperty("factId").GetString()!))
            .ToList();
        if (actors.Count == 0)
        {
            throw HarmattanError.BadArgument.At(server.ToString(), "the store holds no actors to read; fill it first");
        }

        // Unmeasured first: under load the runtime compiles the hot code again, optimised (tiered compilation with
        // profile-guided optimisation); on a busy 2-core machine that goes on for half a minute and took a tenth of
        // the CPU of a measured window that started after 5 s. A server in this process is warm once the runtime
        // compiles fewer than a few methods a second; one elsewhere cannot be watched, so it is loaded for as long
        // as --warmup says.
        var warmed = Stopwatch.StartNew();
        while (warmed.Elapsed < warmup)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var slice = warmup - warmed.Elapsed < WarmupSlice ? warmup - warmed.Elapsed : WarmupSlice;
            await Run(slice);
            if (cache is not null && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < SettledMethodsPerSlice)
            {
                break;
            }
        }

        return (await Run(duration)) with { WarmupSeconds = warmed.Elapsed.TotalSeconds };

        async Task<LoadFigures> Run(TimeSpan length)
        {
            var tally = new Tally();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var countsBefore = cache?.Counts;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(
                async () =>
                {
                    var random = new Random(worker);
                    while (clock.Elapsed < length && !cancellation.IsCancellationRequested)
                    {
                        var roll = random.NextDouble();
                        if (roll < writeShare && facts.Count > 0)
                        {
                            var (document, fact) = facts[random.Next(facts.Count)];
                            var review = await Timed(tally, "review", () => client.PostAsJsonAsync(
                                "/api/reviews", new { kind = "claim", documentId = document, factId = fact, action = "confirm", by = "load-test", expectedStatus = "proposed" }, cancellation));
                            if (review is not null)
                            {
                                using var body = JsonDocument.Parse(review);
                                await Timed(tally, "undo", () => client.PostAsJsonAsync(
                                    $"/api/reviews/{body.RootElement.GetProperty("id").GetString()}/undo", new { by = "load-test" }, cancellation));
                            }

                            continue;
                        }

                        var actor = Uri.EscapeDataString(actors[random.Next(actors.Count)]);
                        var (kind, path) = roll switch
                        {
                            < 0.85 => ("profile", $"/api/entities/{actor}"),
                            < 0.93 => ("search", "/api/search?q=" + Uri.EscapeDataString(SearchTerms[random.Next(SearchTerms.Length)])),
                            _ => ("timeline", $"/api/timeline?actor={actor}&limit=50"),
                        };
                        await Timed(tally, kind, () => client.GetAsync(path, cancellation));
                    }
                },
                cancellation)).ToArray();
            await Task.WhenAll(workers);
            var elapsed = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;

            var kinds = tally.Timings.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
            {
                var sorted = t.Value.Order().ToList();
                return new KindFigures(
                    t.Key,
                    sorted.Count,
                    sorted.Count / elapsed,
                    BenchCorpus.Percentile(sorted, 0.50),
                    BenchCorpus.Percentile(sorted, 0.95),
                    BenchCorpus.Percentile(sorted, 0.99),
                    sorted[^1],
                    tally.Conflicts.GetValueOrDefault(t.Key),
                    tally.Errors.GetValueOrDefault(t.Key));
            }).ToList();
            var total = kinds.Sum(k => k.Requests);
            return new LoadFigures(
                connections, elapsed, total, total / elapsed, cache is not null, cpu.TotalMilliseconds / Math.Max(1, total), allocated / 1024.0 / Math.Max(1, total), kinds)
            {
                CacheHits = cache?.Counts.Hits - countsBefore?.Hits,
                CacheMisses = cache?.Counts.Misses - countsBefore?.Misses,
            };
        }

        // What the workers pick from; a refusal here is the token's fault (or its absence), said as such.
        async Task<JsonDocument> GetJson(string path)
        {
            using var response = await client.GetAsync(path, cancellation);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw HarmattanError.BadArgument.At(
                    "--token", $"the server answered {(int)response.StatusCode} to {path}: a store with users needs an analyst's token (harmattan tokens issue USER)");
            }

            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
        }

        // Times one request; returns the body of a success (for the review's id), else null.
        async Task<string?> Timed(Tally tally, string kind, Func<Task<HttpResponseMessage>> send)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync(cancellation);
            tally.Timings.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                tally.Conflicts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }
            else
            {
                tally.Errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }

            return null;
        }
    }

    /// <summary>What one run of the load counted: latencies, 409s and other failures, by kind of request.</summary>
    private sealed class Tally
    {
        public ConcurrentDictionary<string, ConcurrentBag<double>> Timings { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, int> Conflicts { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>How long the load runs between two looks at the runtime's compilation count during warm-up.</summary>
    private static readonly TimeSpan WarmupSlice = TimeSpan.FromSeconds(3);

    /// <summary>Fewer methods compiled than this in a slice, and the runtime has settled.</summary>
    private const int SettledMethodsPerSlice = 15;

    private static readonly string[] SearchTerms = ["jihad", "Gao", "sharia", "ceasefire", "Kidal", "attack", "talks", "MNLA"];

    private static void Print(TextWriter output, LoadFigures r)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Requests:N0} requests in {r.Seconds:F1} s on {r.Connections} connections = {r.PerSecond:F0} requests/s (after {r.WarmupSeconds:F0} s of warm-up)"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"per request, {(r.ServerInProcess ? "server and load generator together" : "load generator only")}: {r.CpuMsPerRequest:F2} ms of CPU, {r.KilobytesPerRequest:F0} KB allocated"));
        if (r is { CacheHits: { } hits, CacheMisses: { } misses } && hits + misses > 0)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"profiles and timelines sent from the server's cache: {hits:N0} of {hits + misses:N0} ({100.0 * hits / (hits + misses):F1}%)"));
        }

        output.WriteLine("kind         requests      req/s     p50 ms     p95 ms     p99 ms     max ms  409s  errors");
        foreach (var k in r.Kinds)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{k.Kind,-10} {k.Requests,10:N0} {k.PerSecond,10:F0} {k.P50Ms,10:F2} {k.P95Ms,10:F2} {k.P99Ms,10:F2} {k.MaxMs,10:F2} {k.Conflicts,5} {k.Errors,7}"));
        }
    }
}
