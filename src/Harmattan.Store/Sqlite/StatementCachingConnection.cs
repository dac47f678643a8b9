using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// An SQLite connection that keeps its compiled statements. Microsoft.Data.Sqlite compiles a command's SQL
/// when the command first runs and finalises it when the command is disposed, and Dapper makes and disposes a
/// command per call: so every query was compiled anew, and for the store's short reads (an actor profile is
/// some fifty statements of a few rows each) compiling cost more than running. Here a command Dapper disposes
/// goes back to a cache keyed by its SQL, and the next command with the same SQL runs its compiled statements
/// again with new parameters.
/// </summary>
/// <remarks>
/// The cache holds at most <see cref="Capacity"/> idle commands and drops the least recently used; statements
/// built with a varying number of parameters (IN lists) take a few entries each. A cached statement is reset
/// when its reader is disposed, so it holds no read snapshot between uses. If another connection changes the
/// schema, SQLite recompiles the statement on its next run. Not thread-safe, like the connection it wraps.
/// </remarks>
internal sealed class StatementCachingConnection : DbConnection
{
    /// <summary>Idle compiled commands kept per connection.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();

    public StatementCachingConnection(SqliteConnection inner)
    {
        Inner = inner;
    }

    /// <summary>The Microsoft.Data.Sqlite connection: its handle, deferred transactions.</summary>
    public SqliteConnection Inner { get; }

    /// <summary>Idle compiled commands in the cache (for tests).</summary>
    public int CachedCount() => _idle.Count;

    /// <summary>Idle compiled commands for this SQL: 0 or 1 (for tests).</summary>
    public int CachedCount(string sql) => _idle.ContainsKey(sql) ? 1 : 0;

    /// <summary>The Microsoft.Data.Sqlite connection behind a store's connection (SqliteDatabase opens only these).</summary>
    public static SqliteConnection Native(DbConnection connection) => ((StatementCachingConnection)connection).Inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Open() => Inner.Open();

    public override void Close()
    {
        Clear();
        Inner.Close();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new CachedCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Clear();
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A compiled command for this SQL if one is idle, else a new one.</summary>
    private SqliteCommand Take(string sql)
    {
        if (_idle.Remove(sql, out var node))
        {
            _recent.Remove(node);
            return node.Value;
        }

        var command = Inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command done with: kept for its SQL, unless one is kept already.</summary>
    private void Give(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        command.CommandTimeout = Inner.DefaultTimeout;
        if (Inner.State != ConnectionState.Open || _idle.ContainsKey(command.CommandText))
        {
            command.Dispose();
            return;
        }

        _idle[command.CommandText] = _recent.AddFirst(command);
        if (_idle.Count > Capacity)
        {
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _idle.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }
    }

    private void Clear()
    {
        foreach (var command in _recent)
        {
            command.Dispose();
        }

        _recent.Clear();
        _idle.Clear();
    }

    /// <summary>
    /// What Dapper (or the store) holds as a command: it takes a compiled command for its SQL when it first needs
    /// one, and gives it back to the cache when disposed.
    /// </summary>
    private sealed class CachedCommand(StatementCachingConnection owner) : DbCommand
    {
        private string _text = "";
        private SqliteTransaction? _transaction;
        private SqliteCommand? _command;
        private int? _timeout;
        private CommandType _type = CommandType.Text;

        [AllowNull]
        public override string CommandText
        {
            get => _text;
            set
            {
                _text = value ?? "";
                if (_command is not null && _command.CommandText != _text)
                {
                    // Dapper rewrites the SQL after adding parameters when it expands a list: the command is
                    // recompiled, and goes back to the cache under its new SQL.
                    _command.CommandText = _text;
                }
            }
        }

        public override int CommandTimeout
        {
            get => _timeout ?? owner.Inner.DefaultTimeout;
            set => _timeout = value;
        }

        public override CommandType CommandType
        {
            get => _type;
            set => _type = value;
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => owner;
            set
            {
                if (!ReferenceEquals(value, owner))
                {
                    throw new NotSupportedException("a cached command stays on the connection that made it");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => Command.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _transaction;
            set => _transaction = (SqliteTransaction?)value;
        }

        private SqliteCommand Command => _command ??= owner.Take(_text);

        public override void Cancel() => _command?.Cancel();

        public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

        public override object? ExecuteScalar() => Ready().ExecuteScalar();

        public override void Prepare() => Ready().Prepare();

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _command is not null)
            {
                var command = _command;
                _command = null;
                owner.Give(command);
            }

            base.Dispose(disposing);
        }

        private SqliteCommand Ready()
        {
            var command = Command;
            command.Transaction = _transaction;
            command.CommandType = _type;
            if (_timeout is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            return command;
        }
    }
}
