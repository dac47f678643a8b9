using System.Data.Common;
using System.Globalization;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Postgres;
using Harmattan.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Harmattan.Store;

/// <summary>
/// The knowledge base: documents, the entities and facts extracted from them, and full-text search, in
/// one SQLite file or in a PostgreSQL database. Each operation is plain SQL in its own transaction, so a
/// document is stored whole or not at all; what the two databases say differently is in
/// <see cref="StoreDialect"/>, and both pass the same contract tests.
/// </summary>
/// <remarks>
/// An instance holds one connection and is not thread-safe: use it from one thread at a time (or
/// behind a lock). Several processes may open the same knowledge base: readers run beside a writer,
/// and writers wait for each other (SQLite: up to a few seconds; PostgreSQL: an advisory lock).
/// <see cref="Dispose"/> closes an SQLite file (no pooling), after which it may be moved or deleted; a
/// PostgreSQL connection goes back to Npgsql's pool. A host that opens a store per request takes its stores
/// from a <see cref="KnowledgeStoreSource"/> instead, which checks and migrates once and pools.
/// <para>
/// Every transaction first reads the schema version the database records (SQLite: the file header's
/// user_version; PostgreSQL: harmattan_meta) and refuses to go on if it is no longer the version the store was
/// opened at: a newer Harmattan that migrated the knowledge base while this one held it open (a server runs for
/// weeks) gets HRM0202, before anything is read or written with the old schema in mind. The check runs inside
/// the transaction, so the snapshot a read sees and the lock a writer holds are of that version; a migration
/// takes the writers' lock, so none can begin while a write transaction runs.
/// </para>
/// </remarks>
public sealed partial class KnowledgeStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly StoreLocation _location;
    private readonly KnowledgeStoreSource? _source;
    private bool _disposed;

    private KnowledgeStore(DbConnection connection, StoreDialect dialect, StoreLocation location, int schemaVersion, TimeProvider clock)
    {
        _connection = connection;
        _location = location;
        _dialect = dialect;
        _clock = clock;
        Location = location.Display;
        Backend = location.Backend == StoreBackend.Postgres ? "PostgreSQL" : "SQLite";
        SchemaVersion = schemaVersion;
    }

    /// <summary>A store of a source: its connection comes from the source's pool, already checked.</summary>
    internal KnowledgeStore(KnowledgeStoreSource source, DbConnection connection, StoreDialect dialect, StoreLocation location, int schemaVersion, TimeProvider clock)
        : this(connection, dialect, location, schemaVersion, clock)
    {
        _source = source;
    }

    /// <summary>
    /// Where the knowledge base is, as messages show it: the absolute path of an SQLite file, or
    /// <c>postgres://user@host:port/database</c> (never a password).
    /// </summary>
    public string Location { get; }

    /// <summary>How messages name <paramref name="location"/>: the full path, or <c>postgres://user@host:port/database</c>, never a password.</summary>
    public static string DisplayLocation(string location) => StoreLocation.Parse(location).Display;

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Backend { get; }

    /// <summary>The schema version of the open database; after <see cref="Open"/> it is always the latest.</summary>
    public int SchemaVersion { get; }

    /// <summary>The schema version this code writes, on either backend; a database at a higher version is refused (HRM0202).</summary>
    public static int LatestSchemaVersion => MigrationScripts.LatestVersion;

    /// <summary>
    /// Opens the knowledge base at <paramref name="location"/>, creating its tables if there are none and
    /// migrating them if their schema is older. The location is a file path (or <c>sqlite:PATH</c>) for
    /// SQLite, which creates the file if it is missing; for PostgreSQL a <c>postgres://user@host:port/db</c>
    /// (or <c>postgresql://</c>) URI or an Npgsql connection string (<c>Host=...;Database=...</c>), whose
    /// database must exist (the tables go in its current schema). Throws <see cref="HarmattanException"/>:
    /// HRM0201 when the location holds something other than a Harmattan knowledge base (it is then left
    /// untouched), HRM0202 when a newer Harmattan wrote it, HRM0203 when it cannot be opened or written
    /// (missing directory, read-only file, unreachable server, no such database, login refused).
    /// </summary>
    /// <param name="location">An SQLite file (its directory must exist) or a PostgreSQL database.</param>
    /// <param name="clock">Stamps <c>ingested_at</c>; the system clock unless a test supplies one.</param>
    /// <param name="migrating">
    /// Told before an existing knowledge base is migrated (not when one is created), in the migration's
    /// transaction: the caller may say that it can take a while.
    /// </param>
    public static KnowledgeStore Open(string location, TimeProvider? clock = null, Action<SchemaMigration>? migrating = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var parsed = StoreLocation.Parse(location);
        return Open(parsed, clock ?? TimeProvider.System, migrating);
    }

    internal static KnowledgeStore Open(StoreLocation location, TimeProvider clock, Action<SchemaMigration>? migrating = null) =>
        location.Backend == StoreBackend.Postgres ? OpenPostgres(location, clock, migrating) : OpenSqlite(location, clock, migrating);

    private static KnowledgeStore OpenSqlite(StoreLocation location, TimeProvider clock, Action<SchemaMigration>? migrating)
    {
        var connection = SqliteDatabase.Open(location.Target);
        try
        {
            var version = SqliteMigrator.Migrate(connection.Inner, location.Target, Starting(location, migrating), out var previous);
            if (previous is > 0 and < 2)
            {
                // Entities stored before version 2 have no lookup keys; they are computed in C#, not SQL.
                BackfillKeys(connection, SqliteDialect.Instance);
            }

            return new KnowledgeStore(connection, SqliteDialect.Instance, location, version, clock);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteDatabase.Translate(e, location.Target);
        }
        catch (HarmattanException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>What a migrator calls with the version it found, when it is about to migrate an existing knowledge base.</summary>
    private static Action<int>? Starting(StoreLocation location, Action<SchemaMigration>? migrating) =>
        migrating is null ? null : from => migrating(new SchemaMigration(location.Display, from, LatestSchemaVersion));

    private static KnowledgeStore OpenPostgres(StoreLocation location, TimeProvider clock, Action<SchemaMigration>? migrating)
    {
        var connection = PostgresDatabase.Open(location);
        try
        {
            var version = PostgresMigrator.Migrate(connection, location.Display, Starting(location, migrating), out var previous);
            var dialect = PostgresDialect.For(connection);
            if (previous is > 0 and < 2)
            {
                BackfillKeys(connection, dialect);
            }

            return new KnowledgeStore(connection, dialect, location, version, clock);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw PostgresDatabase.Translate(e, location.Display);
        }
        catch (HarmattanException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A second connection to the same knowledge base, with transactions of its own: a reader that runs
    /// beside this store's long write transactions instead of waiting for them (the ingest's probe of known
    /// documents). Dispose it like any store.
    /// </summary>
    public KnowledgeStore OpenAnother() => _source?.OpenStore() ?? Open(_location, _clock);

    /// <summary>Whether a document with exactly this id is stored.</summary>
    public bool Contains(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM documents WHERE id = @Id", new { Id = documentId }) > 0;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_source is not null)
        {
            _source.Release(_connection);
        }
        else
        {
            _connection.Dispose();
        }
    }

    /// <summary>A read transaction: one consistent state of the store, no lock that blocks a writer for long.</summary>
    private DbTransaction BeginRead() => Confirmed(_dialect.BeginRead(_connection));

    /// <summary>A write transaction; writers are serialised (<see cref="StoreDialect.BeginWrite"/>).</summary>
    private DbTransaction BeginWrite() => Confirmed(_dialect.BeginWrite(_connection));

    /// <summary>
    /// The transaction, once it has read that the schema is still at the version the store was opened at; otherwise
    /// it is rolled back and HRM0202 (a newer Harmattan migrated it) or HRM0203 (replaced by an older one) thrown.
    /// </summary>
    private DbTransaction Confirmed(DbTransaction transaction)
    {
        int version;
        try
        {
            version = _dialect.SchemaVersion(_connection, transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }

        if (version == SchemaVersion)
        {
            return transaction;
        }

        transaction.Dispose();
        MigrationScripts.RefuseNewer(version, Location);
        throw HarmattanError.DatabaseUnavailable.At(
            Location,
            string.Create(
                CultureInfo.InvariantCulture,
                $"its schema version went from {SchemaVersion} to {version} while it was open (was the database replaced or restored?); open it again"));
    }
}
