using System.Data.Common;
using System.Globalization;
using Dapper;
using Harmattan.Knowledge;
using Npgsql;

namespace Harmattan.Store.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/Postgres/NNNN_name.sql</c> files in order, in the current schema of
/// the database (the first of the connection's search_path, normally public). The version lives in
/// <c>harmattan_meta</c>, which also says the schema belongs to Harmattan; it is written in the
/// migration's transaction, and PostgreSQL's DDL is transactional, so a failed migration leaves nothing.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock that serialises migrations and writers of one database.</summary>
    public const long LockKey = 0x4861726D61747461; // "Harmatta"

    private static IReadOnlyList<MigrationScripts.Migration> Migrations => MigrationScripts.Postgres;

    /// <summary>Npgsql's command timeout meaning none.</summary>
    private const int NoTimeLimit = 0;

    /// <summary>
    /// Checks that the schema is empty or Harmattan's and not newer than this code, then brings it to
    /// <see cref="MigrationScripts.LatestVersion"/>. Returns the version it is at afterwards.
    /// </summary>
    /// <remarks><paramref name="previous"/> is the version the database was at before (0 when new).</remarks>
    public static int Migrate(NpgsqlConnection connection, string display, Action<int>? starting, out int previous)
    {
        // Look before writing anything: a foreign or newer database must be left as it is.
        var version = ReadVersion(connection, transaction: null, display);
        previous = version;
        if (version == MigrationScripts.LatestVersion)
        {
            return version;
        }

        // Two processes opening a new database at once migrate it once: the second waits for the lock,
        // re-reads the version and finds it done. Neither statement has a time limit: a migration that rewrites
        // a table takes minutes on a large knowledge base (version 12 recomputes every search vector), and
        // Npgsql's default of 30 s failed it, rolled back, at every start.
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = LockKey }, transaction, commandTimeout: NoTimeLimit);
        version = ReadVersion(connection, transaction, display);
        previous = version;
        if (version > 0 && version < MigrationScripts.LatestVersion)
        {
            starting?.Invoke(version);
        }

        foreach (var migration in Migrations.Where(m => m.Version > version))
        {
            connection.Execute(migration.Sql, transaction: transaction, commandTimeout: NoTimeLimit);
            MigrationScripts.WriteMetaVersion(connection, transaction, migration.Version);
        }

        transaction.Commit();
        return MigrationScripts.LatestVersion;
    }

    /// <summary>0 for an empty schema; throws HRM0201 or HRM0202 for one that is not ours to touch.</summary>
    private static int ReadVersion(NpgsqlConnection connection, DbTransaction? transaction, string display)
    {
        var tables = connection.Query<string>(
            $"""
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND {PostgresDialect.NotOfAnExtension}
            """,
            transaction: transaction).AsList();
        if (tables.Count == 0)
        {
            return 0;
        }

        if (!tables.Contains("harmattan_meta", StringComparer.Ordinal))
        {
            throw HarmattanError.NotHarmattanDatabase.At(
                display, "it holds the tables of another application: it has tables but no harmattan_meta");
        }

        var version = MigrationScripts.ReadMetaVersion(connection, transaction, display);
        MigrationScripts.RefuseNewer(version, display);
        return version;
    }
}
