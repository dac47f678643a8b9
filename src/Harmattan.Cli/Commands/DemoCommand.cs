using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harmattan.Documents;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>demo</c>: the README's first command. Ingests the bundled sample reports into a fresh demo
/// database and shows what Harmattan found in them: documents, the most mentioned entities, claims.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "harmattan-demo.db";

    public static Command Create(CliEnvironment env)
    {
        var samples = new Option<string?>("--samples") { Description = "Folder of reports to use instead of samples/reports.", HelpName = "DIR" };
        var database = new Option<string>("--demo-db")
        {
            Description = "Where to write the demo knowledge base (replaced on every run).",
            DefaultValueFactory = _ => DefaultDatabase,
            HelpName = "PATH",
        };
        var command = new Command("demo", "Ingest the sample reports into a fresh demo database and show what was found.") { samples, database };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(samples) ?? FindSamples()
                ?? throw HarmattanError.BadArgument.At("samples/reports", "the sample reports folder was not found; pass --samples DIR");
            if (!Directory.Exists(folder))
            {
                throw HarmattanError.Unreadable.At(folder, "not a folder");
            }

            var path = parse.GetValue(database)!;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            var clock = Stopwatch.StartNew();
            using var store = KnowledgeStore.Open(path);
            var ingestor = new Ingestor(Workspace.Reader(), Workspace.Pipeline(parse), store);
            var (results, summary) = ingestor.RunAll(IngestInputs.Expand([folder], () => []), new ReadOptions());
            var c = env.Console;
            c.MarkupLine($"[bold]Harmattan demo[/]: {summary.Total} sample reports from {Markup.Escape(folder)} -> {Markup.Escape(path)}");
            foreach (var failure in results.Where(r => r.Status == IngestStatus.Failed))
            {
                env.Error.WriteLine($"failed     {failure.Message}");
            }

            var docs = new Table().Border(TableBorder.Simple).Title("documents").AddColumns("id", "title", "format", "entities", "claims", "events");
            foreach (var d in store.ListDocuments(100).OrderBy(d => d.Source, StringComparer.Ordinal))
            {
                docs.AddRow(Workspace.ShortId(d.Id), Markup.Escape(d.Title), d.Format, N(d.EntityCount), N(d.ClaimCount), N(d.EventCount));
            }

            c.Write(docs);
            var stats = store.GetStats();
            StatsCommand.Render(c, store.Location, stats);

            var claims = new Table().Border(TableBorder.Simple).Title("some claims").AddColumns("speaker", "cue", "statement");
            foreach (var d in store.ListDocuments(100).OrderBy(d => d.Source, StringComparer.Ordinal))
            {
                var stored = store.GetDocument(d.Id);
                var names = stored.Extraction.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
                foreach (var claim in stored.Extraction.Claims.OrderBy(x => x.Evidence.Span.Start).Take(2))
                {
                    claims.AddRow(Markup.Escape(names.GetValueOrDefault(claim.SpeakerId, claim.SpeakerId)), Markup.Escape(claim.Cue), Markup.Escape(Shorten(claim.Text, 110)));
                }
            }

            if (claims.Rows.Count > 0)
            {
                c.Write(claims);
            }

            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Added} added, {summary.Unchanged} unchanged, {summary.Failed} failed in {clock.Elapsed.TotalSeconds:0.0} s. Explore: ./harmattan --db {path} docs | show ID | search WORDS | actor MNLA | network | timeline | claims | disputes | review queue | brief --actor MNLA, or in a browser: ./harmattan --db {path} serve"));
            return summary.Failed > 0 ? HarmattanCli.SomeInputsFailed : HarmattanCli.Ok;
        });
        return command;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>samples/reports under the working directory or above the binaries (a checkout's root).</summary>
    private static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "reports");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
