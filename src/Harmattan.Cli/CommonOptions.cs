using System.CommandLine;
using Harmattan.Knowledge;

namespace Harmattan.Cli;

/// <summary>Options shared by several verbs, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The environment variable that names the knowledge base when --db is not given.</summary>
    public const string DatabaseVariable = "HARMATTAN_DB";

    public static readonly Option<string> Database = new("--db")
    {
        Description = "The knowledge base: an SQLite file (or sqlite:FILE), or a PostgreSQL database as postgres://user@host:port/db "
            + "or an Npgsql connection string. Default: $" + DatabaseVariable + ", else harmattan.db in the working directory.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } location ? location : "harmattan.db",
        Recursive = true,
        HelpName = "LOCATION",
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "A data folder (registries, lexicons, pipelines) to use instead of the bundled one.",
        Recursive = true,
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON for scripts instead of tables." };

    public static Option<int> Limit(int defaultValue) => new("--limit", "-n")
    {
        Description = "How many rows to show.",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>Parses a --published style value, or fails as a usage error naming the option.</summary>
    public static PartialDate? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return PartialDate.TryParse(value, out var date)
            ? date
            : throw HarmattanError.BadArgument.At(option, $"'{value}' is not a date like 2012, 2012-03 or 2012-03-22");
    }
}
