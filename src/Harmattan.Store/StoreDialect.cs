using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace Harmattan.Store;

/// <summary>
/// What the SQL of <see cref="KnowledgeStore"/> cannot say the same way on every database: how a
/// transaction starts, how a row is named for merge/split undo, how a list parameter is matched, full-text
/// search and its index, and a few catalogue questions. Everything else is one SQL text for all backends.
/// The implementations live in <c>Sqlite/</c> and <c>Postgres/</c>.
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Tables known to exist, when this dialect serves one database for a <see cref="KnowledgeStoreSource"/>; null otherwise.</summary>
    private readonly ConcurrentDictionary<string, bool>? _presentTables;

    /// <param name="rememberTables">
    /// Remember the tables <see cref="HasTable"/> found: for a dialect that serves one database (a
    /// <see cref="KnowledgeStoreSource"/>'s), where every transaction confirms the schema version first, so a table
    /// found once stays there for as long as the version does. A table not found is asked again.
    /// </param>
    protected StoreDialect(bool rememberTables) => _presentTables = rememberTables ? new(StringComparer.Ordinal) : null;

    /// <summary>
    /// The column that names a row for as long as it exists, in every table (merge and split record the
    /// rows they touch by it, and undo finds them again by it): SQLite's <c>rowid</c>, PostgreSQL's <c>seq</c>.
    /// </summary>
    public abstract string RowId { get; }

    /// <summary>A transaction that reads one consistent state of the store and writes nothing.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary>
    /// A transaction that writes. Writers are serialised, as SQLite serialises them, so a writer reads what
    /// every earlier writer committed and two ingests never resolve the same entity twice.
    /// </summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Adds a just-written document and its claims to the full-text index; call in the transaction that wrote them.</summary>
    public abstract void IndexDocument(DbConnection connection, DbTransaction transaction, string documentId);

    /// <summary>Removes a document and its claims from the full-text index; call before they are deleted.</summary>
    public abstract void UnindexDocument(DbConnection connection, DbTransaction transaction, string documentId);

    /// <summary>Removes a document's claims from the full-text index; call before they are deleted or replaced.</summary>
    public abstract void UnindexClaims(DbConnection connection, DbTransaction transaction, string documentId);

    /// <summary>Adds a document's claims (after they were replaced) to the full-text index.</summary>
    public abstract void IndexClaims(DbConnection connection, DbTransaction transaction, string documentId);

    /// <summary>
    /// At the start of a search's read transaction, before <see cref="CountMatches"/> and <see cref="Search"/>:
    /// whatever the database needs to plan them for the words searched. Nothing on SQLite.
    /// </summary>
    public virtual void BeginSearch(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>
    /// How many documents, or claims (rejected ones left out), match <paramref name="query"/>, whichever are
    /// more, counted up to <paramref name="cap"/>: a count that stops early, to choose how to search. A backend
    /// whose ranking reads more than the matches counts what it reads (PostgreSQL: the rows holding the words).
    /// </summary>
    public abstract long CountMatches(DbConnection connection, DbTransaction transaction, SearchQuery query, int cap);

    /// <summary>
    /// Documents and claims (rejected claims left out) matching <paramref name="query"/>, at most
    /// <paramref name="limit"/>: best first when <paramref name="ranked"/>, else newest first by the stored order
    /// of their documents; each with a snippet marking the matched terms with <see cref="SearchQuery.MatchOpen"/>
    /// and <see cref="SearchQuery.MatchClose"/>.
    /// </summary>
    public abstract IReadOnlyList<SearchRow> Search(DbConnection connection, DbTransaction transaction, SearchQuery query, int limit, bool ranked);

    /// <summary>The bytes the knowledge base occupies on disk.</summary>
    public abstract long DatabaseSize(DbConnection connection, DbTransaction transaction);

    /// <summary>Whether the knowledge base has a table of that name (asked of the database once, when remembered).</summary>
    public bool HasTable(DbConnection connection, DbTransaction transaction, string table)
    {
        if (_presentTables is not null && _presentTables.ContainsKey(table))
        {
            return true;
        }

        var present = TableExists(connection, transaction, table);
        if (present)
        {
            _presentTables?.TryAdd(table, true);
        }

        return present;
    }

    /// <summary>Whether the database's catalogue lists a table of that name.</summary>
    protected abstract bool TableExists(DbConnection connection, DbTransaction transaction, string table);

    /// <summary>
    /// The schema version the database records, read inside <paramref name="transaction"/> as its first statement,
    /// so that what the transaction reads or writes afterwards is of that version (see <see cref="KnowledgeStore"/>).
    /// </summary>
    public abstract int SchemaVersion(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// What the database itself can say is wrong with the knowledge base (its integrity check, references,
    /// the full-text index against the rows); one line per problem, none when all is well. Read-only.
    /// </summary>
    public abstract IEnumerable<string> CheckDatabase(DbConnection connection, DbTransaction transaction);

    /// <summary>Whether a statement failed because it broke a unique, foreign-key or check constraint.</summary>
    public abstract bool IsConstraintViolation(DbException exception);

    /// <summary>The tables of the knowledge base (not the full-text index's own), by name.</summary>
    public abstract IReadOnlyList<string> Tables(DbConnection connection, DbTransaction transaction);

    /// <summary>A table's stored columns in definition order (a column the database computes is not one).</summary>
    public abstract IReadOnlyList<string> Columns(DbConnection connection, DbTransaction transaction, string table);

    /// <summary>
    /// The seq (documents' row id) the next document this write transaction stores takes. It is handed out before
    /// the document's row is inserted, since the rows of its mentions, quantities and resolutions name it.
    /// <paramref name="previous"/> is the seq this transaction handed out last (null for the first): the rows of
    /// a batch are inserted only at its end.
    /// </summary>
    public abstract long NextDocumentSeq(DbConnection connection, DbTransaction transaction, long? previous);

    /// <summary>Writes rows (values in <paramref name="columns"/> order) into an empty table, as fast as the database allows.</summary>
    public abstract long InsertRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows);

    /// <summary>
    /// Inserts rows (values in <paramref name="columns"/> order) one by one, in order, each meeting an existing
    /// row as <paramref name="onConflict"/> says (an <c>ON CONFLICT ...</c> clause), with the statement prepared
    /// once: for rows that the statements after them read, such as the entities a document names.
    /// </summary>
    public abstract void MergeRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, string onConflict, IEnumerable<object?[]> rows);

    /// <summary>
    /// After a whole knowledge base was written by <see cref="InsertRows"/>: whatever the database keeps
    /// beside the rows (SQLite's full-text index, PostgreSQL's identity sequences) is brought up to date.
    /// </summary>
    public abstract void FinishCopy(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables);

    /// <summary>
    /// Before a batch of documents is written, outside its transaction: settings for a connection that writes
    /// in bulk. Nothing on PostgreSQL.
    /// </summary>
    public virtual void BeforeBatch(DbConnection connection)
    {
    }

    /// <summary>
    /// After a batch of documents was committed: whatever the database needs to keep planning the next
    /// batch's statements well. Nothing on SQLite.
    /// </summary>
    public virtual void AfterBatch(DbConnection connection)
    {
    }

    /// <summary>
    /// For each probe (an entity type and its folded names), the stored entities of that type with a folded
    /// name or alias spelled like one of the names, found through an index of their spelling, at most
    /// <paramref name="limit"/> each, for the fuzzy rule of entity resolution. One list per probe, in order;
    /// all empty where the database has no such index (SQLite), where resolution compares only names that
    /// share a word.
    /// </summary>
    public virtual IReadOnlyList<IReadOnlyList<string>> SimilarlySpelled(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, IReadOnlyList<string> Names)> probes, int limit) =>
        probes.Select(_ => (IReadOnlyList<string>)[]).ToList();

    /// <summary>
    /// For each (type, kind, key) of <paramref name="keys"/>, the stored entities of that type indexed under that
    /// key of that kind: one index probe each, in one statement whose text does not change with the number of keys.
    /// </summary>
    public abstract IReadOnlyList<(string Type, string Kind, string Key, string EntityId)> EntitiesByKey(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Kind, string Key)> keys);

    /// <summary>
    /// For each (type, word) of <paramref name="words"/>, the stored entities of that type with that word among
    /// their token keys, at most <paramref name="limit"/> per word, the first by id: one statement
    /// whose text does not change with the number of words, so the database prepares it once.
    /// </summary>
    public abstract IReadOnlyList<(string Type, string Key, string EntityId)> SharedWords(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Type, string Word)> words, int limit);

    /// <summary>
    /// A condition that the text <paramref name="expression"/> holds a character beyond the Basic Multilingual
    /// Plane (U+10000 and up: one code point, two UTF-16 units), where the database's substr and the stored
    /// UTF-16 offsets stop counting alike (see <see cref="FactReader"/>).
    /// </summary>
    public abstract string HasCharacterBeyondBmp(string expression);

    /// <summary>
    /// A condition that <paramref name="expression"/> is one of the strings the parameter holds, passed as
    /// <see cref="Strings"/> makes it: one parameter however many strings, so the statement's text does not
    /// change with their number and the database prepares it once (Dapper's list expansion would make a statement
    /// per length and a named parameter per value).
    /// </summary>
    public abstract string InStrings(string expression, string parameter);

    /// <summary>The value of an <see cref="InStrings"/> parameter.</summary>
    public abstract object Strings(IEnumerable<string> values);

    /// <summary>
    /// The strings of a <see cref="Strings"/> parameter as a table to join, aliased <paramref name="alias"/>, with one
    /// column, <c>value</c>. Where many strings each select a few rows by an index (the facts of two thousand
    /// documents), a join lets the database look each up: PostgreSQL reads a whole table for <c>= ANY</c> of a long
    /// array once it expects a tenth of its rows.
    /// </summary>
    public abstract string StringRows(string parameter, string alias);

    /// <summary>
    /// The rows of a query a page at a time, each page a list, such that other statements may run on the
    /// connection between pages (to read what a page needs): SQLite steps one statement while others run,
    /// PostgreSQL reads through a cursor of the transaction.
    /// </summary>
    public abstract IEnumerable<List<TRow>> Pages<TRow>(DbConnection connection, DbTransaction transaction, string sql, object? parameters, int pageSize);

    /// <summary>
    /// An aggregate of <paramref name="expression"/> over a group's rows as a JSON array of strings, in
    /// <paramref name="order"/>: the members of a fact in the fact's own row (<c>[]</c> for none).
    /// </summary>
    public abstract string JsonArray(string expression, string order);
}
