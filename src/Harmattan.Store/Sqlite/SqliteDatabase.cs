using Dapper;
using Harmattan.Knowledge;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Harmattan.Store.Sqlite;

/// <summary>
/// Opens an SQLite file for the store: refuses files that are not SQLite without letting SQLite touch
/// them, maps SQLite's open failures onto the HRM02xx catalogue, and sets the connection up.
/// </summary>
internal static class SqliteDatabase
{
    private static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

    // SQLite primary result codes (sqlite3.h).
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Milliseconds a writer waits for another process's lock before SQLITE_BUSY.</summary>
    private const int BusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// SQLite counts the memory it allocates under one process-wide mutex unless told not to before it starts:
    /// a server's connections on several threads queued on it for every allocation (futex waits were a fifth of a
    /// loaded server's CPU). Harmattan never asks SQLite for those counts. If SQLite was started before this
    /// class (another library opened a database first), the call is refused and the counting stays.
    /// </summary>
    static SqliteDatabase()
    {
        Batteries_V2.Init();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    /// <summary>How much of the file a connection maps into memory: SQLite's compiled-in maximum (0x7fff0000).</summary>
    public const long MemoryMapBytes = 0x7fff0000;

    /// <summary>
    /// How the store connects to a file: without Microsoft.Data.Sqlite's pool, so Dispose really closes the file
    /// and callers (and tests) can delete it afterwards. A <see cref="KnowledgeStoreSource"/>, which opens a store
    /// per request, keeps its own open connections instead, with their compiled statements.
    /// </summary>
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();

    /// <summary>Looks at the file first (a file that is not SQLite is refused untouched), then connects and makes the settings.</summary>
    public static StatementCachingConnection Open(string path)
    {
        CheckLocation(path);
        return Connect(path);
    }

    /// <summary>
    /// Another connection to a file a <see cref="KnowledgeStoreSource"/> has checked and migrated: the file is not
    /// looked at again.
    /// </summary>
    public static StatementCachingConnection Reopen(string path) => Connect(path);

    /// <summary>Opens a connection and sets it up; a failure closes it and is reported in the catalogue's terms.</summary>
    private static StatementCachingConnection Connect(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            Configure(connection, path);
            return new StatementCachingConnection(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e, path);
        }
        catch (HarmattanException)
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Configure(SqliteConnection connection, string path)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw HarmattanError.DatabaseUnavailable.At(path, "the file is read-only");
        }

        // The planner's stability guarantee: a statement's plan does not depend on the values bound to it. Without
        // it SQLite looks at bound LIMITs and at values compared with partial indexes' conditions, and compiles a
        // cached statement anew whenever such a value changes: about 4.5 compilations per profile request, which
        // undid the statement cache. Harmattan's queries are written for their indexes, not for the values bound.
        if (raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _) != raw.SQLITE_OK)
        {
            throw HarmattanError.DatabaseUnavailable.At(path, "cannot fix query plans independently of bound values");
        }

        // Connection settings only: none of these writes to the file. The file is read through a memory map (up
        // to SQLite's limit of 2 GB): a page not in the connection's own cache is then read from the OS without a
        // system call and a copy, which were 40% of a loaded server's CPU on 10,000 documents (the map gained
        // 10-13% of requests/s there, in three paired runs).
        connection.Execute(
            $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = {MemoryMapBytes};");
    }

    /// <summary>WAL persists in the file header, so it is set only once the file is known to be ours.</summary>
    public static void EnableWriteAheadLog(SqliteConnection connection, string path)
    {
        var mode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw HarmattanError.DatabaseUnavailable.At(path, $"cannot switch to write-ahead logging (journal mode stays '{mode}')");
        }
    }

    /// <summary>The catalogued error for an SQLite failure while opening or migrating.</summary>
    public static HarmattanException Translate(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        SqliteNotADatabase => HarmattanError.NotHarmattanDatabase.At(path, "it is not an SQLite database", e),
        SqliteCorrupt => HarmattanError.DatabaseUnavailable.At(path, "the database file is corrupt", e),
        _ => HarmattanError.DatabaseUnavailable.At(path, e.Message, e),
    };

    private static void CheckLocation(string path)
    {
        if (Directory.Exists(path))
        {
            throw HarmattanError.DatabaseUnavailable.At(path, "the path is a directory");
        }

        var directory = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            throw HarmattanError.DatabaseUnavailable.At(path, "its directory does not exist");
        }

        if (!File.Exists(path))
        {
            return;
        }

        Span<byte> start = stackalloc byte[Header.Length];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HarmattanError.DatabaseUnavailable.At(path, e.Message, e);
        }

        // An empty file is a new database; anything else must start with SQLite's magic string.
        if (read > 0 && !start[..read].SequenceEqual(Header))
        {
            throw HarmattanError.NotHarmattanDatabase.At(path, "it is not an SQLite database");
        }
    }
}
