using System.CommandLine;
using System.Globalization;
using Harmattan.Store;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>migrate --from LOCATION --to LOCATION</c>: copies a whole knowledge base to another location, typically
/// from an SQLite file to a PostgreSQL database when one machine's file is no longer enough, or back. The
/// target must be new or empty; it is written in one transaction, so a failed copy leaves it empty. Both are
/// opened as every verb opens a knowledge base, so a source from an older Harmattan is first brought to the
/// current schema.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var from = new Option<string>("--from")
        {
            Description = "The knowledge base to copy: sqlite:FILE (or a path), postgres://user@host:port/db, or an Npgsql connection string.",
            Required = true,
            HelpName = "LOCATION",
        };
        var to = new Option<string>("--to")
        {
            Description = "Where to copy it, in the same forms; a new or empty knowledge base (a PostgreSQL database must exist).",
            Required = true,
            HelpName = "LOCATION",
        };
        var command = new Command("migrate", "Copy a knowledge base to another location or backend (SQLite <-> PostgreSQL), row for row.") { from, to };
        command.SetAction(parse =>
        {
            using var source = KnowledgeStore.Open(parse.GetValue(from)!, migrating: m => Workspace.Migrating(m, env));
            using var target = KnowledgeStore.Open(parse.GetValue(to)!, migrating: m => Workspace.Migrating(m, env));
            var copied = source.CopyTo(target);
            foreach (var table in copied)
            {
                env.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-20} {table.Rows,10}"));
            }

            env.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"copied {copied.Sum(t => t.Rows)} rows from {source.Location} ({source.Backend}) to {target.Location} ({target.Backend}), schema version {target.SchemaVersion}"));
            return HarmattanCli.Ok;
        });
        return command;
    }
}
