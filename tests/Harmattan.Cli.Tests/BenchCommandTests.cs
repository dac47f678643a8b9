using System.Text.Json;

namespace Harmattan.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Bench_extracts_the_generated_corpus_it_saved_and_reports_its_figures_as_json()
    {
        var saved = Path.Combine(_dir.Path, "corpus");
        var run = CliRun.Of(_dir.Path, "bench", "--words", "3000", "--threads", "2", "--seed", "4", "--save", saved, "--by-component", "--json");

        Assert.Equal(0, run.ExitCode);
        var result = JsonDocument.Parse(run.Output).RootElement;
        var figures = result.GetProperty("run");
        Assert.True(figures.GetProperty("words").GetInt64() >= 3000);
        Assert.Equal(Directory.GetFiles(saved, "*.txt").Length, figures.GetProperty("documents").GetInt32());
        Assert.Equal(2, figures.GetProperty("threads").GetInt32());
        Assert.True(figures.GetProperty("words_per_cpu_second").GetDouble() > 0);
        Assert.True(figures.GetProperty("allocated_bytes_per_word").GetDouble() > 0);
        Assert.True(figures.GetProperty("entities").GetInt64() > 0);
        var components = result.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component").GetString()).ToList();
        Assert.Contains("text.tokenizer/1", components);
        Assert.Equal("output.assemble", components[^1]);
    }

    [Fact]
    public void Bench_store_ingests_a_generated_corpus_into_the_target_and_times_every_query_kind()
    {
        var target = Path.Combine(_dir.Path, "bench.db");
        var run = CliRun.Of(_dir.Path, "bench", "store", "--docs", "12", "--queries", "3", "--threads", "2", "--target", target, "--json");

        Assert.Equal(0, run.ExitCode);
        var result = JsonDocument.Parse(run.Output).RootElement;
        var ingest = result.GetProperty("ingest");
        Assert.Equal((12, 0), (ingest.GetProperty("documents").GetInt32(), ingest.GetProperty("failed").GetInt32()));
        Assert.True(ingest.GetProperty("database_bytes").GetInt64() > 0);
        var samples = ingest.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(12, samples[^1].GetProperty("documents").GetInt32());
        // Private memory is what must not grow with the corpus; its peak is at least every sample.
        Assert.All(samples, s => Assert.InRange(s.GetProperty("private_bytes").GetInt64(), 1, ingest.GetProperty("peak_private_bytes").GetInt64()));
        // The writer stored for part of the run, never longer than the run.
        Assert.True(ingest.GetProperty("storing_milliseconds_per_document").GetDouble() > 0);
        Assert.InRange(ingest.GetProperty("writer_busy").GetDouble(), double.Epsilon, 1);
        var queries = result.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(["profile", "search", "network", "timeline", "disputes", "review", "places"], queries.Select(q => q.GetProperty("query").GetString()));
        Assert.All(queries, q => Assert.True(q.GetProperty("p50_ms").GetDouble() <= q.GetProperty("p99_ms").GetDouble()));
        Assert.Equal(12, JsonDocument.Parse(CliRun.Of(_dir.Path, "--db", target, "stats", "--json").Output).RootElement.GetProperty("documents").GetInt32());

        // The benchmark fills an empty store, unless told to grow it.
        var again = CliRun.Of(_dir.Path, "bench", "store", "--docs", "2", "--target", target);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("empty store", again.Error, StringComparison.Ordinal);
        Assert.Contains("--grow", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_store_grows_a_filled_store_with_reports_of_another_seed_and_skips_those_it_holds()
    {
        var target = Path.Combine(_dir.Path, "grown.db");
        Assert.Equal(0, CliRun.Of(_dir.Path, "bench", "store", "--docs", "4", "--queries", "1", "--target", target, "--json").ExitCode);

        var grown = CliRun.Of(_dir.Path, "bench", "store", "--grow", "--seed", "2", "--docs", "3", "--queries", "1", "--query", "profile", "--target", target, "--json");

        Assert.True(grown.ExitCode == 0, grown.Error);
        var ingest = JsonDocument.Parse(grown.Output).RootElement.GetProperty("ingest");
        Assert.Equal((3, 0, 7L), (ingest.GetProperty("documents").GetInt32(), ingest.GetProperty("unchanged").GetInt32(), ingest.GetProperty("stored_documents").GetInt64()));
        Assert.Equal(7, JsonDocument.Parse(CliRun.Of(_dir.Path, "--db", target, "stats", "--json").Output).RootElement.GetProperty("documents").GetInt32());

        // The first seed's reports again: the store holds them, so nothing is added.
        var repeated = JsonDocument.Parse(CliRun.Of(_dir.Path, "bench", "store", "--grow", "--docs", "2", "--queries", "1", "--query", "timeline", "--target", target, "--json").Output)
            .RootElement.GetProperty("ingest");
        Assert.Equal((2, 7L), (repeated.GetProperty("unchanged").GetInt32(), repeated.GetProperty("stored_documents").GetInt64()));

        var refused = CliRun.Of(_dir.Path, "bench", "store", "--grow", "--existing", "--target", target);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--grow", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_serve_loads_a_real_server_with_reads_and_reviews_and_reports_each_kind()
    {
        var run = CliRun.Of(_dir.Path, "bench", "serve", "--docs", "6", "--seconds", "2", "--warmup", "2", "--connections", "4", "--writes", "0.3", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var result = JsonDocument.Parse(run.Output).RootElement;
        var kinds = result.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        Assert.Contains("profile", kinds.Keys);
        Assert.Contains("review", kinds.Keys);
        Assert.All(kinds.Values, k => Assert.Equal(0, k.GetProperty("errors").GetInt32()));
        Assert.Equal(kinds.Values.Sum(k => k.GetProperty("requests").GetInt32()), result.GetProperty("requests").GetInt32());
        Assert.True(kinds["profile"].GetProperty("p50_ms").GetDouble() <= kinds["profile"].GetProperty("p99_ms").GetDouble());

        // Every profile and actor timeline was either sent from the server's cache or read from the store.
        var answers = kinds["profile"].GetProperty("requests").GetInt64() + kinds.GetValueOrDefault("timeline").ValueKind switch
        {
            JsonValueKind.Object => kinds["timeline"].GetProperty("requests").GetInt64(),
            _ => 0,
        };
        Assert.Equal(answers, result.GetProperty("cache_hits").GetInt64() + result.GetProperty("cache_misses").GetInt64());
        Assert.True(result.GetProperty("cache_hits").GetInt64() > 0);
    }

    [Fact]
    public void Bench_serve_sends_an_analysts_token_to_a_store_with_users_and_says_when_one_is_missing()
    {
        Assert.Equal(0, CliRun.Of(_dir.Path, "ingest", TempFolder.SampleReports).ExitCode);
        Assert.Equal(0, CliRun.Of(_dir.Path, "users", "add", "load", "--role", "analyst", "--by", "root").ExitCode);
        var secret = JsonDocument.Parse(CliRun.Of(_dir.Path, "tokens", "issue", "load", "--json").Output).RootElement.GetProperty("secret").GetString()!;
        var target = Path.Combine(_dir.Path, "harmattan.db");

        var refused = CliRun.Of(_dir.Path, "bench", "serve", "--target", target, "--seconds", "1", "--warmup", "0", "--connections", "2");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--token", refused.Error, StringComparison.Ordinal);

        var run = CliRun.Of(_dir.Path, "bench", "serve", "--target", target, "--token", secret, "--seconds", "2", "--warmup", "0", "--connections", "2", "--writes", "0.3", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var result = JsonDocument.Parse(run.Output).RootElement;
        var kinds = result.GetProperty("kinds").EnumerateArray().ToList();
        Assert.Contains(kinds, k => k.GetProperty("kind").GetString() == "review");
        Assert.All(kinds, k => Assert.Equal(0, k.GetProperty("errors").GetInt32()));
        Assert.True(result.GetProperty("cpu_ms_per_request").GetDouble() > 0);
        Assert.True(result.GetProperty("kilobytes_per_request").GetDouble() > 0);
    }

    [Fact]
    public async Task Bench_serve_loads_a_server_already_running_when_given_its_url()
    {
        Assert.Equal(0, CliRun.Of(_dir.Path, "ingest", TempFolder.SampleReports).ExitCode);
        var app = Harmattan.Server.HarmattanServer.Build(["--Logging:LogLevel:Default=Warning"], s => s.Database = Path.Combine(_dir.Path, "harmattan.db"));
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var address = app.Urls.Single();
            var run = CliRun.Of(_dir.Path, "bench", "serve", "--url", address, "--seconds", "1", "--warmup", "0", "--connections", "2", "--json");

            Assert.True(run.ExitCode == 0, run.Error);
            var result = JsonDocument.Parse(run.Output).RootElement;
            Assert.False(result.GetProperty("server_in_process").GetBoolean());
            Assert.True(result.GetProperty("requests").GetInt32() > 0);
            Assert.All(result.GetProperty("kinds").EnumerateArray(), k => Assert.Equal(0, k.GetProperty("errors").GetInt32()));

            var both = CliRun.Of(_dir.Path, "bench", "serve", "--url", address, "--target", "harmattan.db");
            Assert.Equal(2, both.ExitCode);
            Assert.Contains("--url", both.Error, StringComparison.Ordinal);
            Assert.Equal(2, CliRun.Of(_dir.Path, "bench", "serve", "--url", "localhost:5080").ExitCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--words", "0")]
    public void A_bench_size_below_one_is_a_usage_error_naming_the_option(string option, string value)
    {
        var run = CliRun.Of(_dir.Path, "bench", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }
}
