using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Harmattan.Store.Postgres;
using Harmattan.Store.Sqlite;
using Npgsql;

namespace Harmattan.Store;

/// <summary>
/// One knowledge base that a long-running host opens many times over: the web server takes a store per request.
/// Creating the source does once what <see cref="KnowledgeStore.Open"/> does at every open (look at the location,
/// check it holds Harmattan's tables and no newer schema, migrate, ask the catalogue what the database can do);
/// <see cref="OpenStore"/> then only takes a pooled connection, as Npgsql's <c>NpgsqlDataSource</c> hands them out.
/// On SQLite the source keeps its own pool of open connections, each with the statements it compiled
/// (<see cref="StatementCachingConnection"/>): a web request reads with statements earlier requests compiled.
/// </summary>
/// <remarks>
/// Skipping the check at open is safe because every transaction of every store reads the schema version first
/// (see <see cref="KnowledgeStore"/>): a newer Harmattan that migrates the database while the host runs makes the
/// next transaction fail with HRM0202, before it reads or writes anything, and so every request after it. What the
/// source remembers of the catalogue (PostgreSQL's trigram operator, column types, tables found) belongs to the
/// schema version and is only used once a transaction has confirmed it.
/// <para>
/// On PostgreSQL the source's connections prepare the statements they run often (Npgsql's automatic preparation,
/// <see cref="PostgresDatabase.AutoPreparedStatements"/> per connection, unless the location sets <c>Max Auto Prepare</c> itself): in
/// <c>bench serve</c> the PostgreSQL server's CPU per request fell from 3.5–3.8 ms to 1.5 ms with it. Thread-safe; dispose it when the host stops, which
/// closes the pooled connections (an SQLite file may be moved or deleted afterwards).
/// </para>
/// </remarks>
public sealed class KnowledgeStoreSource : IDisposable
{
    /// <summary>
    /// Idle SQLite connections the source keeps open: as many as requests a loaded server runs at once (Kestrel does not
    /// bound them; 16 clients keep 16 requests in flight). A connection returned beyond it is closed with its compiled
    /// statements, and the next request over the bound opens one and compiles them all again: with a bound of 8 under 16
    /// clients, that churn made every request compile a dozen statements. Each idle connection holds at most SQLite's
    /// 2 MB page cache and its <see cref="StatementCachingConnection.Capacity"/> statements.
    /// </summary>
    public static readonly int IdleSqliteConnections = Math.Max(32, 8 * Environment.ProcessorCount);

    /// <summary>
    /// How long a connection may wait unused before it is closed, beyond the <see cref="MinIdleSqliteConnections"/>
    /// used last: a burst of requests leaves up to <see cref="IdleSqliteConnections"/> connections, each with its
    /// page cache and statements, and a quiet server gives them back. Stores take the connection returned last,
    /// so the ones a steady load does not need are those that age.
    /// </summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Idle SQLite connections kept however long they wait.</summary>
    public const int MinIdleSqliteConnections = 2;

    /// <summary>How often a returned connection looks for idle ones to close.</summary>
    private static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(10);

    private readonly StoreLocation _location;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly NpgsqlDataSource? _postgres;
    private readonly ConcurrentStack<(StatementCachingConnection Connection, DateTimeOffset Since)> _idle = new();
    private long _nextTrimTicks;
    private volatile bool _disposed;

    private KnowledgeStoreSource(StoreLocation location, StoreDialect dialect, int schemaVersion, TimeProvider clock, NpgsqlDataSource? postgres)
    {
        _location = location;
        _dialect = dialect;
        _clock = clock;
        _postgres = postgres;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Where the knowledge base is, as messages show it (never a password); as <see cref="KnowledgeStore.Location"/>.</summary>
    public string Location => _location.Display;

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Backend => _location.Backend == StoreBackend.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>Open SQLite connections waiting for a store (for tests).</summary>
    internal int IdleConnections => _idle.Count;

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

        // The first open does every check and migration.
        using var first = KnowledgeStore.Open(parsed, time);
        if (parsed.Backend == StoreBackend.Sqlite)
        {
            return new KnowledgeStoreSource(parsed, new SqliteDialect(rememberTables: true), first.SchemaVersion, time, null);
        }

        var dataSource = NpgsqlDataSource.Create(PostgresDatabase.Settings(parsed));
        try
        {
            using var connection = PostgresDatabase.Open(dataSource, parsed.Display);
            var dialect = PostgresDialect.For(connection, rememberTables: true);
            return new KnowledgeStoreSource(parsed, dialect, first.SchemaVersion, time, dataSource);
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
        DbConnection connection = _postgres is not null
            ? PostgresDatabase.Open(_postgres, _location.Display)
            : _idle.TryPop(out var idle) ? idle.Connection : SqliteDatabase.Reopen(_location.Target);
        return new KnowledgeStore(this, connection, _dialect, _location, SchemaVersion, _clock);
    }

    /// <summary>A store's connection when the store is disposed: back to the pool (Npgsql's, or the source's own).</summary>
    internal void Release(DbConnection connection)
    {
        if (connection is StatementCachingConnection sqlite && !_disposed && sqlite.State == ConnectionState.Open && _idle.Count < IdleSqliteConnections)
        {
            var now = _clock.GetUtcNow();
            _idle.Push((sqlite, now));
            if (_disposed)
            {
                // Dispose ran meanwhile, and may have emptied the pool before this connection was in it.
                DisposeIdle();
            }
            else
            {
                CloseAged(now);
            }

            return;
        }

        connection.Dispose();
    }

    /// <summary>Closes the pooled connections (stores still open keep theirs until they are disposed).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _postgres?.Dispose();
        DisposeIdle();
    }

    /// <summary>
    /// Closes the connections idle longer than <see cref="IdleLifetime"/> beyond the <see cref="MinIdleSqliteConnections"/>
    /// returned last; one caller at a time, every <see cref="TrimInterval"/> at most. A store opened meanwhile may
    /// find the pool empty and open a connection of its own.
    /// </summary>
    private void CloseAged(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextTrimTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextTrimTicks, now.UtcTicks + TrimInterval.Ticks, due) != due)
        {
            return;
        }

        var idle = new (StatementCachingConnection Connection, DateTimeOffset Since)[IdleSqliteConnections + 1];
        var count = _idle.TryPopRange(idle);
        var kept = new List<(StatementCachingConnection Connection, DateTimeOffset Since)>(count);
        for (var i = 0; i < count; i++)
        {
            // Popped newest first.
            if (i < MinIdleSqliteConnections || now - idle[i].Since < IdleLifetime)
            {
                kept.Add(idle[i]);
            }
            else
            {
                idle[i].Connection.Dispose();
            }
        }

        if (kept.Count > 0)
        {
            kept.Reverse();
            _idle.PushRange([.. kept]);
        }

        if (_disposed)
        {
            DisposeIdle();
        }
    }

    private void DisposeIdle()
    {
        while (_idle.TryPop(out var idle))
        {
            idle.Connection.Dispose();
        }
    }
}
