using Dapper;
using Harmattan.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Tests;

/// <summary>
/// SQLite connections that keep their compiled statements (<see cref="StatementCachingConnection"/>), and the
/// source's pool of them: a statement run again gives the answers a new one would.
/// </summary>
public sealed class StatementCacheTests : IDisposable
{
    private readonly SqliteStoreFixture _files = new();
    private readonly string _path;
    private readonly StatementCachingConnection _connection;

    public StatementCacheTests()
    {
        _path = _files.NewLocation();
        _connection = SqliteDatabase.Open(_path);
        SqliteDatabase.EnableWriteAheadLog(_connection.Inner, _path);
        _connection.Execute("CREATE TABLE t (x INTEGER NOT NULL); INSERT INTO t (x) VALUES (1), (2), (3), (4), (5);");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _files.Dispose();
    }

    [Fact]
    public void A_statement_run_again_binds_its_new_parameters_and_reads_what_other_connections_wrote_since()
    {
        const string Sql = "SELECT x FROM t WHERE x > @Min ORDER BY x";
        Assert.Equal([2, 3, 4, 5], _connection.Query<long>(Sql, new { Min = 1 }));
        Assert.Equal([4, 5], _connection.Query<long>(Sql, new { Min = 3 }));
        Assert.Equal(1, _connection.CachedCount(Sql));

        using (var other = new SqliteConnection(SqliteDatabase.ConnectionString(_path)))
        {
            other.Open();
            other.Execute("INSERT INTO t (x) VALUES (6)");

            // The cached statement was reset after its last read, so it holds no snapshot: the other
            // connection can checkpoint the whole log, and this one reads the new row.
            var (busy, _, _) = other.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
            Assert.Equal(0, busy);
        }

        Assert.Equal([4, 5, 6], _connection.Query<long>(Sql, new { Min = 3 }));
        Assert.Equal(1, _connection.CachedCount(Sql));
    }

    [Fact]
    public void Lists_several_statements_and_transactions_run_on_cached_commands_as_on_new_ones()
    {
        // Dapper rewrites "IN @Xs" for the list's length, after the command took its statement.
        Assert.Equal([2, 4], _connection.Query<long>("SELECT x FROM t WHERE x IN @Xs ORDER BY x", new { Xs = new[] { 2, 4 } }));
        Assert.Equal([1, 3, 5], _connection.Query<long>("SELECT x FROM t WHERE x IN @Xs ORDER BY x", new { Xs = new[] { 1, 3, 5 } }));
        Assert.Equal([2, 4], _connection.Query<long>("SELECT x FROM t WHERE x IN @Xs ORDER BY x", new { Xs = new[] { 4, 2 } }));

        const string Two = "SELECT count(*) FROM t WHERE x < @Limit; SELECT max(x) FROM t WHERE x < @Limit";
        for (var limit = 3; limit <= 4; limit++)
        {
            using var grid = _connection.QueryMultiple(Two, new { Limit = limit });
            Assert.Equal(limit - 1, grid.ReadSingle<long>());
            Assert.Equal(limit - 1, grid.ReadSingle<long>());
        }

        const string Count = "SELECT count(*) FROM t";
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO t (x) VALUES (@X)", new { X = 7 }, transaction);
            Assert.Equal(6, _connection.ExecuteScalar<long>(Count, transaction: transaction));
            transaction.Rollback();
        }

        Assert.Equal(5, _connection.ExecuteScalar<long>(Count));
        using (var transaction = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO t (x) VALUES (@X)", new { X = 7 }, transaction);
            Assert.Equal(6, _connection.ExecuteScalar<long>(Count, transaction: transaction));
            transaction.Commit();
        }

        Assert.Equal(6, _connection.ExecuteScalar<long>(Count));
    }

    [Fact]
    public void A_cached_statement_follows_a_schema_change_made_by_another_connection()
    {
        const string Sql = "SELECT * FROM t WHERE x = 1";
        Assert.Single(_connection.Query(Sql).Cast<IDictionary<string, object>>().Single().Keys);
        using (var other = new SqliteConnection(SqliteDatabase.ConnectionString(_path)))
        {
            other.Open();
            other.Execute("ALTER TABLE t ADD COLUMN y TEXT NOT NULL DEFAULT 'added'");
        }

        var row = _connection.Query(Sql).Cast<IDictionary<string, object>>().Single();
        Assert.Equal(["x", "y"], row.Keys);
        Assert.Equal("added", row["y"]);
    }

    [Fact]
    public void The_cache_keeps_the_most_recently_used_statements_up_to_its_capacity()
    {
        string Sql(int n) => $"SELECT x + {n} FROM t WHERE x = @X";
        for (var n = 0; n < StatementCachingConnection.Capacity + 20; n++)
        {
            Assert.Equal(n + 2, _connection.ExecuteScalar<long>(Sql(n), new { X = 2 }));
        }

        Assert.Equal(StatementCachingConnection.Capacity, _connection.CachedCount());
        Assert.Equal(0, _connection.CachedCount(Sql(0)));
        Assert.Equal(1, _connection.CachedCount(Sql(StatementCachingConnection.Capacity + 19)));
        Assert.Equal(3, _connection.ExecuteScalar<long>(Sql(0), new { X = 3 }));
    }

    [Fact]
    public void A_source_hands_its_sqlite_connections_out_again_and_closes_them_when_disposed()
    {
        var location = _files.NewLocation();
        var source = KnowledgeStoreSource.Create(location);
        using (var store = source.OpenStore())
        {
            Assert.Equal(0, store.GetStats().Documents);
        }

        Assert.Equal(1, source.IdleConnections);
        var twice = source.OpenStore();
        twice.Dispose();
        twice.Dispose();
        Assert.Equal(1, source.IdleConnections);

        Parallel.For(0, 64, _ =>
        {
            using var store = source.OpenStore();
            Assert.Equal(0, store.GetStats().Documents);
        });
        Assert.InRange(source.IdleConnections, 1, KnowledgeStoreSource.IdleSqliteConnections);

        var open = source.OpenStore();
        source.Dispose();
        Assert.Equal(0, source.IdleConnections);
        Assert.Equal(0, open.GetStats().Documents);
        open.Dispose();
        Assert.Equal(0, source.IdleConnections);
    }

    [Fact]
    public void A_source_closes_connections_left_idle_after_a_burst_but_keeps_the_last_used()
    {
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        using var source = KnowledgeStoreSource.Create(_files.NewLocation(), clock);

        // A burst: eight requests at once leave eight idle connections.
        var burst = Enumerable.Range(0, 8).Select(_ => source.OpenStore()).ToList();
        burst.ForEach(store => store.Dispose());
        Assert.Equal(8, source.IdleConnections);

        // Within the lifetime nothing is closed.
        clock.Now += KnowledgeStoreSource.IdleLifetime / 2;
        using (var store = source.OpenStore())
        {
            Assert.Equal(0, store.GetStats().Documents);
        }

        Assert.Equal(8, source.IdleConnections);

        // Past it, the next store given back closes all but the last used.
        clock.Now += KnowledgeStoreSource.IdleLifetime;
        using (var store = source.OpenStore())
        {
            Assert.Equal(0, store.GetStats().Documents);
        }

        Assert.Equal(KnowledgeStoreSource.MinIdleSqliteConnections, source.IdleConnections);
        using var again = source.OpenStore();
        Assert.Equal(0, again.GetStats().Documents);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
