using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// The embedded migrations of both backends (<c>Migrations/NNNN_name.sql</c> for SQLite,
/// <c>Migrations/Postgres/NNNN_name.sql</c> for PostgreSQL). Both series must have the same version numbers,
/// so a schema version means the same tables everywhere: a migration added to one series and not the other
/// fails every store at once, not a user's copy later.
/// </summary>
internal static class MigrationScripts
{
    public static readonly IReadOnlyList<Migration> Sqlite = Load("Sqlite");
    public static readonly IReadOnlyList<Migration> Postgres = Load("Postgres");

    public static int LatestVersion { get; } = CheckSameVersions();

    /// <summary>
    /// The schema version harmattan_meta records, after checking the table says the database is Harmattan's
    /// (HRM0201 otherwise); both backends read it the same way. <paramref name="location"/> names the
    /// database in the messages.
    /// </summary>
    public static int ReadMetaVersion(IDbConnection connection, DbTransaction? transaction, string location)
    {
        var meta = connection.Query<(string Key, string Value)>(
            "SELECT key, value FROM harmattan_meta WHERE key IN ('application', 'schema_version')",
            transaction: transaction).ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
        if (!meta.TryGetValue("application", out var application) || !string.Equals(application, "harmattan", StringComparison.Ordinal))
        {
            throw HarmattanError.NotHarmattanDatabase.At(location, "harmattan_meta does not name the application 'harmattan'");
        }

        if (!meta.TryGetValue("schema_version", out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version < 1)
        {
            throw HarmattanError.NotHarmattanDatabase.At(location, "harmattan_meta has no valid schema_version");
        }

        return version;
    }

    /// <summary>Records in harmattan_meta that the database is Harmattan's, at <paramref name="version"/> (in the migration's transaction).</summary>
    public static void WriteMetaVersion(IDbConnection connection, DbTransaction transaction, int version) =>
        connection.Execute(
            """
            INSERT INTO harmattan_meta (key, value) VALUES ('application', 'harmattan'), ('schema_version', @Version)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """,
            new { Version = version.ToString(CultureInfo.InvariantCulture) },
            transaction);

    /// <summary>HRM0202 when <paramref name="version"/> is newer than this code knows.</summary>
    public static void RefuseNewer(int version, string location)
    {
        if (version > LatestVersion)
        {
            throw HarmattanError.NewerSchema.At(
                location,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the database has schema version {version}; this Harmattan knows versions up to {LatestVersion}"));
        }
    }

    private static int CheckSameVersions()
    {
        if (Sqlite.Count != Postgres.Count)
        {
            throw new InvalidOperationException(
                $"Migrations: the SQLite series ends at version {Sqlite[^1].Version} and the PostgreSQL series (Migrations/Postgres) at {Postgres[^1].Version}; every migration is written for both backends");
        }

        return Sqlite[^1].Version;
    }

    private static List<Migration> Load(string series)
    {
        var prefix = $"Harmattan.Store.Migrations.{series}.";
        var assembly = typeof(MigrationScripts).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = name[prefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !int.TryParse(file.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migrations ({series}) {file}: a migration is named NNNN_description.sql");
            }

            migrations.Add(new Migration(version, file, ReadResource(assembly, name)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations ({series}) {migrations[i].File}: versions must run 1, 2, 3 ... without gaps");
            }
        }

        return migrations.Count > 0 ? migrations : throw new InvalidOperationException($"no embedded {series} migrations");
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal sealed record Migration(int Version, string File, string Sql);
}
