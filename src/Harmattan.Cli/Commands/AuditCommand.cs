using System.CommandLine;
using System.Globalization;
using Harmattan.Knowledge;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>audit [--since DATE] [--action ACTION] [--by WHO] [--json]</c>: who changed what. The table is newest
/// first; <c>--json</c> exports every matching line as JSON Lines, oldest first.
/// </summary>
internal static class AuditCommand
{
    private const int Page = 500;

    public static Command Create(CliEnvironment env)
    {
        var since = new Option<string?>("--since") { Description = "Only changes at or after this ISO date or time (2013-01-11, 2013-01-11T08:00Z)." };
        var action = new Option<string?>("--action") { Description = "Only this action (ingest, import, reextract, review, review.undo, merge, split, change.undo, user.add, token.issue ...); a family such as 'review' or 'token' matches its sub-actions." };
        var by = new Option<string?>("--by") { Description = "Only changes made by this user." };
        var json = new Option<bool>("--json") { Description = "Export as JSON Lines (one change per line, oldest first), every matching line." };
        var limit = CommonOptions.Limit(100);
        var command = new Command("audit", "The audit log: every change to the knowledge base with who and when.") { since, action, by, json, limit };
        command.SetAction(parse =>
        {
            var filter = new AuditFilter(ParseSince(parse.GetValue(since)), parse.GetValue(action), parse.GetValue(by));
            using var store = Workspace.OpenStore(parse, env);
            if (parse.GetValue(json))
            {
                for (var offset = 0; ; offset += Page)
                {
                    var (entries, total) = store.ListAudit(filter, offset, Page, oldestFirst: true);
                    foreach (var e in entries)
                    {
                        JsonOutput.WriteLine(env.Output, e);
                    }

                    if (offset + Page >= total || entries.Count == 0)
                    {
                        return HarmattanCli.Ok;
                    }
                }
            }

            var (lines, count) = store.ListAudit(filter, 0, parse.GetValue(limit));
            var table = new Table().Border(TableBorder.Simple).AddColumns("at", "by", "action", "subject", "detail");
            foreach (var e in lines)
            {
                table.AddRow(
                    e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(e.By), e.Action,
                    Markup.Escape(e.Subject), Markup.Escape(e.Detail));
            }

            env.Console.Write(table);
            env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines.Count} of {count} change(s)"));
            return HarmattanCli.Ok;
        });
        return command;
    }

    private static DateTimeOffset? ParseSince(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw HarmattanError.BadArgument.At("--since", $"'{text}' is not an ISO date or time");
    }
}
