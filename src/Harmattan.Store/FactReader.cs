using Dapper;
using Harmattan.Knowledge;
using Microsoft.Data.Sqlite;

namespace Harmattan.Store;

/// <summary>
/// What every analyst query needs to turn rows into read models, for the duration of one read
/// transaction: entity names, document titles and dates, and the evidence sentences (document texts
/// are read once each, on first use, and sliced here because offsets are UTF-16 units, which SQLite's
/// substr does not count).
/// </summary>
internal sealed class FactReader
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, EntityRef> _entities;
    private readonly Dictionary<string, DocumentMeta> _documents;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public FactReader(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _entities = connection.Query<EntityRefRow>("SELECT id, name, type FROM entities", transaction: transaction)
            .ToDictionary(r => r.Id, r => new EntityRef(r.Id, r.Name, Enum.Parse<EntityType>(r.Type)), StringComparer.Ordinal);
        _documents = connection.Query<DocumentMetaRow>(
                "SELECT id, title, published, published_precision AS PublishedPrecision, ingested_at AS IngestedAt FROM documents",
                transaction: transaction)
            .ToDictionary(r => r.Id, ToMeta, StringComparer.Ordinal);
    }

    public SqliteConnection Connection => _connection;

    public SqliteTransaction Transaction => _transaction;

    public EntityRef Entity(string id) => _entities[id];

    /// <summary>The date a document speaks for: its published date, else the day it was ingested.</summary>
    public PartialDate DocumentDate(string documentId) => _documents[documentId].Date;

    public FactSource Source(string documentId, long evidenceStart, long evidenceEnd)
    {
        var meta = _documents[documentId];
        if (!_texts.TryGetValue(documentId, out var text))
        {
            text = _connection.QuerySingle<string>("SELECT text FROM documents WHERE id = @Id", new { Id = documentId }, _transaction);
            _texts[documentId] = text;
        }

        var start = (int)Math.Clamp(evidenceStart, 0, text.Length);
        var end = (int)Math.Clamp(evidenceEnd, start, text.Length);
        return new FactSource(documentId, meta.Title, meta.Date, meta.Published, text[start..end].ReplaceLineEndings(" ").Trim());
    }

    /// <summary>Whether a table exists: the queries on tables added by later migrations check first.</summary>
    public bool HasTable(string name) =>
        _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @Name", new { Name = name }, _transaction) > 0;

    private static DocumentMeta ToMeta(DocumentMetaRow row)
    {
        var published = StoredValues.ParseOptionalDate(row.Published, row.PublishedPrecision);
        var date = published ?? DayOf(StoredValues.ParseTimestamp(row.IngestedAt));
        return new DocumentMeta(row.Title, date, published is not null);
    }

    private static PartialDate DayOf(DateTimeOffset instant) => PartialDate.OfDay(instant.Year, instant.Month, instant.Day);

    private sealed record DocumentMeta(string Title, PartialDate Date, bool Published);
}
