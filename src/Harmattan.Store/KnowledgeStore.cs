using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;
using Harmattan.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store;

/// <summary>
/// The knowledge base: documents, the entities and facts extracted from them, and full-text search,
/// in one SQLite file. Each operation is plain SQL in its own transaction, so a document is stored
/// whole or not at all.
/// </summary>
/// <remarks>
/// An instance holds one connection and is not thread-safe: use it from one thread at a time (or
/// behind a lock). Several processes may open the same file; the write-ahead log lets readers run
/// beside a writer, and writers wait for each other up to a few seconds. <see cref="Dispose"/> closes
/// the file (no pooling), after which it may be moved or deleted.
/// </remarks>
public sealed partial class KnowledgeStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _clock;

    private KnowledgeStore(DbConnection connection, StoreDialect dialect, string path, int schemaVersion, TimeProvider clock)
    {
        _connection = connection;
        _dialect = dialect;
        _clock = clock;
        Path = path;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open database; after <see cref="Open"/> it is always the latest.</summary>
    public int SchemaVersion { get; }

    /// <summary>The schema version this code writes; a database at a higher version is refused (HRM0202).</summary>
    public static int LatestSchemaVersion => SqliteMigrator.LatestVersion;

    /// <summary>
    /// Opens the knowledge base at <paramref name="path"/>, creating it if the file is missing or empty
    /// and migrating it if its schema is older. Throws <see cref="HarmattanException"/>: HRM0201 when the
    /// file is not a Harmattan database (it is then left untouched), HRM0202 when a newer Harmattan wrote
    /// it, HRM0203 when it cannot be opened or written (missing directory, read-only file).
    /// </summary>
    /// <param name="path">The database file; its directory must exist.</param>
    /// <param name="clock">Stamps <c>ingested_at</c>; the system clock unless a test supplies one.</param>
    public static KnowledgeStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var connection = SqliteDatabase.Open(fullPath);
        try
        {
            var version = SqliteMigrator.Migrate(connection, fullPath, out var previous);
            if (previous is > 0 and < 2)
            {
                // Entities stored before version 2 have no lookup keys; they are computed in C#, not SQL.
                BackfillKeys(connection, SqliteDialect.Instance);
            }

            return new KnowledgeStore(connection, SqliteDialect.Instance, fullPath, version, clock ?? TimeProvider.System);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteDatabase.Translate(e, fullPath);
        }
        catch (HarmattanException)
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether a document with exactly this id is stored.</summary>
    public bool Contains(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM documents WHERE id = @Id", new { Id = documentId }) > 0;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>A read transaction: one consistent state of the store, no lock that blocks a writer for long.</summary>
    private DbTransaction BeginRead() => _dialect.BeginRead(_connection);

    /// <summary>A write transaction; writers are serialised (<see cref="StoreDialect.BeginWrite"/>).</summary>
    private DbTransaction BeginWrite() => _dialect.BeginWrite(_connection);
}
