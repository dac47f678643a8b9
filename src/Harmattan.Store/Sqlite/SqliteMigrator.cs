using System.Globalization;
using Dapper;
using Harmattan.Knowledge;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order. The version lives twice, in
/// <c>PRAGMA user_version</c> (cheap to read, visible to any SQLite tool) and in <c>harmattan_meta</c>
/// (which also says the file belongs to Harmattan); both are written in the migration's transaction.
/// </summary>
internal static class SqliteMigrator
{
    private static IReadOnlyList<MigrationScripts.Migration> Migrations => MigrationScripts.Sqlite;

    public static int LatestVersion => MigrationScripts.LatestVersion;

    /// <summary>
    /// Checks that the open database is empty or Harmattan's and not newer than this code, then brings
    /// it to <see cref="LatestVersion"/>. Returns the version it is at afterwards.
    /// </summary>
    /// <remarks>
    /// <paramref name="previous"/> is the version the database was at before (0 when new); <paramref name="starting"/>
    /// is told that version before an existing database is migrated.
    /// </remarks>
    public static int Migrate(SqliteConnection connection, string path, Action<int>? starting, out int previous)
    {
        // Look before writing anything: a foreign or newer file must be left byte-identical.
        var version = ReadVersion(connection, transaction: null, path);
        previous = version;
        if (version == LatestVersion)
        {
            return version;
        }

        SqliteDatabase.EnableWriteAheadLog(connection, path);

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the write lock first, so two processes
        // opening a new file at once migrate it once: the second re-reads the version and finds it done.
        using var transaction = connection.BeginTransaction();
        version = ReadVersion(connection, transaction, path);
        previous = version;
        if (version > 0 && version < LatestVersion)
        {
            starting?.Invoke(version);
        }

        foreach (var migration in Migrations.Where(m => m.Version > version))
        {
            connection.Execute(migration.Sql, transaction: transaction);
            MigrationScripts.WriteMetaVersion(connection, transaction, migration.Version);
            connection.Execute(
                "PRAGMA user_version = " + migration.Version.ToString(CultureInfo.InvariantCulture),
                transaction: transaction);
        }

        transaction.Commit();
        return LatestVersion;
    }

    /// <summary>0 for an empty database; throws HRM0201 or HRM0202 for a file that is not ours to touch.</summary>
    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'",
            transaction: transaction).AsList();
        var userVersion = connection.ExecuteScalar<long>("PRAGMA user_version", transaction: transaction);
        if (tables.Count == 0 && userVersion == 0)
        {
            return 0;
        }

        if (!tables.Contains("harmattan_meta", StringComparer.Ordinal))
        {
            throw HarmattanError.NotHarmattanDatabase.At(
                path, "it is an SQLite database of another application: it has tables but no harmattan_meta");
        }

        var version = MigrationScripts.ReadMetaVersion(connection, transaction, path);
        MigrationScripts.RefuseNewer((int)Math.Min(int.MaxValue, Math.Max(version, userVersion)), path);
        return version;
    }
}
