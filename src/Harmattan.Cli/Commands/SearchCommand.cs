using System.CommandLine;
using System.Globalization;
using System.Text;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary><c>search QUERY</c>: full-text search over documents and claims, best first, with the matched words highlighted.</summary>
internal static class SearchCommand
{
    public static Command Create(CliEnvironment env)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Words to find; \"a phrase\" in quotes, a prefix with *.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(20);
        var command = new Command("search", "Search documents and claims.") { query, json, limit };
        command.SetAction(parse =>
        {
            using var store = Workspace.OpenStore(parse, env);
            var text = string.Join(' ', parse.GetValue(query)!);
            var hits = store.Search(text, parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(env.Output, hits.Select(h => new
                {
                    kind = h.Kind,
                    document = h.DocumentId,
                    h.Title,
                    claim = h.ClaimId,
                    // Newest-first hits of a broad query carry no score (null), not a score of 0.
                    score = hits.Ranked ? Math.Round(h.Score, 6) : (double?)null,
                    snippet = h.Snippet,
                }));
                return HarmattanCli.Ok;
            }

            var rank = 0;
            foreach (var hit in hits)
            {
                rank++;
                var kind = hit.Kind.ToString().ToLowerInvariant();
                // bm25 values are small on a small store: three significant digits, not two decimals ("0.00").
                var score = hits.Ranked ? string.Create(CultureInfo.InvariantCulture, $", score {hit.Score:G3}") : "";
                env.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rank,2}. [bold]{Markup.Escape(hit.Title)}[/] [dim]({kind} in {Workspace.ShortId(hit.DocumentId)}{score})[/]"));
                env.Console.MarkupLine("    " + Highlight(hit.Snippet, env.Interactive));
            }

            // The query as typed, a phrase with its own quotes.
            env.Output.WriteLine($"{hits.Count} result(s) for: {text}");
            if (!hits.Ranked)
            {
                env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"newest first, not ranked: more than {KnowledgeStore.SearchWindow:N0} documents or claims hold its words (add words to rank them)"));
            }
            return HarmattanCli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Turns the store's [[...]] match markers into colour on a terminal, and keeps them as visible
    /// brackets in plain output so a pipe still shows what matched.
    /// </summary>
    internal static string Highlight(string snippet, bool colour)
    {
        var result = new StringBuilder();
        var rest = snippet.AsSpan();
        while (true)
        {
            var open = rest.IndexOf("[[", StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest[open..].IndexOf("]]", StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                result.Append(Markup.Escape(rest.ToString()));
                return result.ToString().ReplaceLineEndings(" ");
            }

            result.Append(Markup.Escape(rest[..open].ToString()));
            var word = Markup.Escape(rest.Slice(open + 2, close - 2).ToString());
            result.Append(colour ? $"[bold yellow]{word}[/]" : $"[[[[{word}]]]]");
            rest = rest[(open + close + 2)..];
        }
    }
}
