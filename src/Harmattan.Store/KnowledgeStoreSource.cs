using Harmattan.Store.Postgres;
using Harmattan.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Harmattan.Store;

/// <summary>
/// One knowledge base that a long-running host opens many times over: the web server takes a store per request.
/// Creating the source does once what <see cref="KnowledgeStore.Open"/> does at every open (look at the location,
/// check it holds Harmattan's tables and no newer schema, migrate, ask the catalogue what the database can do);
/// <see cref="OpenStore"/> then only takes a pooled connection, as Npgsql's <c>NpgsqlDataSource</c> hands them out.
/// </summary>
/// <remarks>
/// Skipping the check at open is safe because every transaction of every store reads the schema version first
/// (see <see cref="KnowledgeStore"/>): a newer Harmattan that migrates the database while the host runs makes the
/// next transaction fail with HRM0202, before it reads or writes anything, and so every request after it. What the
/// source remembers of the catalogue (PostgreSQL's trigram operator, column types, tables found) belongs to the
/// schema version and is only used once a transaction has confirmed it.
/// <para>
/// On PostgreSQL the source's connections prepare the statements they run often (Npgsql's automatic preparation,
/// <see cref="AutoPreparedStatements"/> per connection, unless the location sets <c>Max Auto Prepare</c> itself): in
/// <c>bench serve</c> the PostgreSQL server's CPU per request fell from 3.5–3.8 ms to 1.5 ms with it. Thread-safe; dispose it when the host stops, which
/// closes the pooled connections (an SQLite file may be moved or deleted afterwards).
/// </para>
/// </remarks>
public sealed class KnowledgeStoreSource : IDisposable
{
    /// <summary>Statements each pooled PostgreSQL connection keeps prepared, the most used first (Npgsql's Max Auto Prepare).</summary>
    public const int AutoPreparedStatements = 100;

    private readonly StoreLocation _location;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;
    private bool _disposed;

    private KnowledgeStoreSource(StoreLocation location, StoreDialect dialect, int schemaVersion, TimeProvider clock, string? sqlite, NpgsqlDataSource? postgres)
    {
        _location = location;
        _dialect = dialect;
        _clock = clock;
        _sqliteConnectionString = sqlite;
        _postgres = postgres;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Where the knowledge base is, as messages show it (never a password); as <see cref="KnowledgeStore.Location"/>.</summary>
    public string Location => _location.Display;

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Backend => _location.Backend == StoreBackend.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>The schema version the database was brought to when the source was created: the latest.</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// Checks and migrates the knowledge base at <paramref name="location"/> as <see cref="KnowledgeStore.Open"/>
    /// does, with the same errors (HRM0201, HRM0202, HRM0203), and keeps what its stores need to open quickly.
    /// </summary>
    /// <param name="location">As <see cref="KnowledgeStore.Open"/> takes it.</param>
    /// <param name="clock">Stamps <c>ingested_at</c> in every store of the source; the system clock unless a test supplies one.</param>
    public static KnowledgeStoreSource Create(string location, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var parsed = StoreLocation.Parse(location);
        var time = clock ?? TimeProvider.System;

        // The first open does every check and migration; its connection is the pool's first.
        using var first = KnowledgeStore.Open(parsed, time, pooled: true);
        if (parsed.Backend == StoreBackend.Sqlite)
        {
            return new KnowledgeStoreSource(
                parsed, new SqliteDialect(rememberTables: true), first.SchemaVersion, time, SqliteDatabase.ConnectionString(parsed.Target, pooled: true), null);
        }

        var settings = new NpgsqlConnectionStringBuilder(parsed.Target);
        if (!settings.Keys.Cast<string>().Contains("Max Auto Prepare", StringComparer.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        var dataSource = NpgsqlDataSource.Create(settings);
        try
        {
            using var connection = PostgresDatabase.Open(dataSource, parsed.Display);
            var dialect = PostgresDialect.For(connection, rememberTables: true);
            return new KnowledgeStoreSource(parsed, dialect, first.SchemaVersion, time, null, dataSource);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            dataSource.Dispose();
            throw PostgresDatabase.Translate(e, parsed.Display);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A store on a pooled connection, without the checks at open (the source made them); its transactions still
    /// confirm the schema version. Dispose it as soon as it is done (the connection goes back to the pool).
    /// Throws HRM0203 when the database cannot be reached.
    /// </summary>
    public KnowledgeStore OpenStore()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        System.Data.Common.DbConnection connection = _postgres is not null
            ? PostgresDatabase.Open(_postgres, _location.Display)
            : SqliteDatabase.OpenPooled(_sqliteConnectionString!, _location.Target);
        return new KnowledgeStore(this, connection, _dialect, _location, SchemaVersion, _clock);
    }

    /// <summary>Closes the pooled connections (stores still open keep theirs until they are disposed).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_postgres is not null)
        {
            _postgres.Dispose();
        }
        else
        {
            using var connection = new SqliteConnection(_sqliteConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
