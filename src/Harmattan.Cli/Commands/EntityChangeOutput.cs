using System.CommandLine;
using System.Globalization;
using Harmattan.Store;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>How merge, split and entity-log print a change: one line, or a JSON object.</summary>
internal static class EntityChangeOutput
{
    /// <summary>The analyst a change is recorded under when --by is not given: $USER, else the account name.</summary>
    public static string DefaultAnalyst() =>
        Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user : Environment.UserName;

    /// <summary>
    /// The optimistic-concurrency option of merge and split: the latest change in force on the entity as
    /// <c>entity-log ENTITY</c> showed it, or <c>none</c>; the change is refused (HRM0221) if that is no longer so.
    /// </summary>
    public static Option<string?> Expect(string entity, string name = "--expect") => new(name)
    {
        Description = $"Change {entity} only if its latest change in force is still this one (as 'entity-log' shows it), or '{KnowledgeStore.NoChange}' "
            + "if it still has none; refused with HRM0221 if someone merged, split or undid meanwhile.",
        HelpName = "CHANGE",
    };

    public static object Json(EntityChange c) => new
    {
        c.Id,
        c.Kind,
        entity = c.EntityId,
        entity_name = c.EntityName,
        other = c.OtherId,
        other_name = c.OtherName,
        document = c.DocumentId,
        by = c.By,
        at = c.At,
        rows = c.Rows,
        undone_by = c.UndoneBy,
        undone_at = c.UndoneAt,
    };

    public static string Line(EntityChange c)
    {
        var what = c.Kind == EntityChangeKind.Merge
            ? $"merged '{c.OtherName}' ({c.OtherId}) into '{c.EntityName}' ({c.EntityId})"
            : $"split document {Workspace.ShortId(c.DocumentId ?? "")} out of '{c.EntityName}' ({c.EntityId}) as '{c.OtherName}' ({c.OtherId})";
        var undone = c.UndoneBy is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; undone by {c.UndoneBy} at {c.UndoneAt:yyyy-MM-dd HH:mm:ss}Z");
        return string.Create(CultureInfo.InvariantCulture, $"{c.Id} {what}, {c.Rows} rows, by {c.By} at {c.At:yyyy-MM-dd HH:mm:ss}Z{undone}");
    }

    public static Table Table(IEnumerable<EntityChange> changes)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("change", "kind", "entity", "other", "document", "rows", "by", "at", "undone");
        foreach (var c in changes)
        {
            table.AddRow(
                c.Id,
                c.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(c.EntityName),
                Markup.Escape(c.OtherName),
                c.DocumentId is null ? "" : Workspace.ShortId(c.DocumentId),
                c.Rows.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(c.By),
                c.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                c.UndoneBy is null ? "" : Markup.Escape($"{c.UndoneBy} {c.UndoneAt:yyyy-MM-dd HH:mm}"));
        }

        return table;
    }
}
