namespace Harmattan.Store.Tests;

/// <summary>
/// What the contract needs from a backend: fresh locations, opening a store there, and a few ways to
/// prepare or inspect a location behind the store's back. One instance per test; Dispose removes
/// everything it created.
/// </summary>
public interface IStoreFixture : IDisposable
{
    /// <summary>A location no store has used yet.</summary>
    string NewLocation();

    KnowledgeStore Open(string location);

    /// <summary>A location that exists but holds nothing yet (for SQLite, a zero-byte file).</summary>
    string CreateEmptyLocation();

    /// <summary>A location holding a database of some other application (tables, no harmattan_meta).</summary>
    string CreateForeignDatabase();

    /// <summary>A location holding something that is not a database at all.</summary>
    string CreateNonDatabase();

    /// <summary>A location that cannot be opened (its directory does not exist).</summary>
    string UnavailableLocation();

    /// <summary>
    /// A location holding a schema version 1 database (as Harmattan wrote it before entity resolution)
    /// with one stored entity and its aliases, and no documents.
    /// </summary>
    string CreateVersion1Database(string entityId, string type, string name, params string[] aliases);

    /// <summary>Runs SQL at the location behind the store's back (to leave what an older Harmattan left, say).</summary>
    void Execute(string location, string sql);

    /// <summary>Rewrites the recorded schema version, as a newer Harmattan would have left it.</summary>
    void SetSchemaVersion(string location, int version);

    /// <summary>Changes whenever anything stored at the location changes.</summary>
    string Fingerprint(string location);

    /// <summary>The names of the tables at the location.</summary>
    IReadOnlySet<string> Tables(string location);

    /// <summary>
    /// Every row of every table except <paramref name="except"/>, each rendered as text with its row id, in
    /// row id order: two equal results mean the stored content is the same row for row.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> Contents(string location, params string[] except);

    /// <summary>
    /// <see cref="Contents"/> with each row's id (its seq, or SQLite's rowid) replaced by its position in the
    /// table, and each reference to a document by its seq by the document's id: two equal results mean the same
    /// rows in the same order, whatever numbers a sequence skipped (PostgreSQL's take one for every row an insert
    /// attempts, kept or not; a document refused in a batch leaves its seq unused).
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> RowsInOrder(string location, params string[] except);

    /// <summary>Row counts of every table at the location, index tables included.</summary>
    IReadOnlyDictionary<string, long> RowCounts(string location);
}
