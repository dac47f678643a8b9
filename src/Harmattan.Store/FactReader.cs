using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// What every analyst query needs to turn rows into read models, for the duration of one read
/// transaction: entity names, document titles and dates, and the evidence sentences (document texts
/// are read once each, on first use, and sliced here because offsets are UTF-16 units, which neither
/// SQLite's nor PostgreSQL's substr counts). Entities and documents are looked up by primary key when a
/// fact first names them and kept for the rest of the read, so a query costs what its answer holds, not
/// the size of the knowledge base.
/// </summary>
internal sealed class FactReader
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDialect _dialect;
    private readonly Dictionary<string, EntityRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentMeta> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public FactReader(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
    }

    public DbConnection Connection => _connection;

    public DbTransaction Transaction => _transaction;

    public EntityRef Entity(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            var row = _connection.QuerySingle<EntityRefRow>("SELECT id, name, type FROM entities WHERE id = @Id", new { Id = id }, _transaction);
            _entities[id] = entity = new EntityRef(row.Id, row.Name, Enum.Parse<EntityType>(row.Type));
        }

        return entity;
    }

    /// <summary>The date a document speaks for: its published date, else the day it was ingested.</summary>
    public PartialDate DocumentDate(string documentId) => Meta(documentId).Date;

    /// <summary>A document's title and date, without reading its text.</summary>
    public (string Title, PartialDate Date, bool Published) Document(string documentId)
    {
        var meta = Meta(documentId);
        return (meta.Title, meta.Date, meta.Published);
    }

    public FactSource Source(string documentId, long evidenceStart, long evidenceEnd)
    {
        var meta = Meta(documentId);
        if (!_texts.TryGetValue(documentId, out var text))
        {
            text = _connection.QuerySingle<string>("SELECT text FROM documents WHERE id = @Id", new { Id = documentId }, _transaction);
            _texts[documentId] = text;
        }

        var start = (int)Math.Clamp(evidenceStart, 0, text.Length);
        var end = (int)Math.Clamp(evidenceEnd, start, text.Length);
        return new FactSource(documentId, meta.Title, meta.Date, meta.Published, text[start..end].ReplaceLineEndings(" ").Trim(), start, end);
    }

    /// <summary>The members of the facts an owner query selects, from one link table, in their stored order.</summary>
    public LinkIndex Links(string table, string ownerColumn, string ownerQuery, object? args)
    {
        var rows = _connection.Query<FactLinkRow>(
            $"""
            SELECT l.document_id AS DocumentId, l.{ownerColumn} AS OwnerId, l.entity_id AS EntityId
            FROM {table} l
            WHERE (l.document_id, l.{ownerColumn}) IN ({ownerQuery})
            ORDER BY l.document_id, l.{ownerColumn}, l.position
            """,
            args,
            _transaction);
        var index = new LinkIndex();
        foreach (var row in rows)
        {
            index.Add(row.DocumentId, row.OwnerId, Entity(row.EntityId));
        }

        return index;
    }

    internal sealed class LinkIndex
    {
        private readonly Dictionary<(string, string), List<EntityRef>> _members = [];

        public void Add(string documentId, string ownerId, EntityRef member)
        {
            if (!_members.TryGetValue((documentId, ownerId), out var list))
            {
                _members[(documentId, ownerId)] = list = [];
            }

            list.Add(member);
        }

        public List<EntityRef> Members(string documentId, string ownerId) =>
            _members.TryGetValue((documentId, ownerId), out var list) ? list : [];
    }

    /// <summary>Whether a table exists: the queries on tables added by later migrations check first.</summary>
    public bool HasTable(string name) => _dialect.HasTable(_connection, _transaction, name);

    private DocumentMeta Meta(string documentId)
    {
        if (!_documents.TryGetValue(documentId, out var meta))
        {
            var row = _connection.QuerySingle<DocumentMetaRow>(
                "SELECT id, title, published, published_precision AS PublishedPrecision, ingested_at AS IngestedAt FROM documents WHERE id = @Id",
                new { Id = documentId },
                _transaction);
            _documents[documentId] = meta = ToMeta(row);
        }

        return meta;
    }

    private static DocumentMeta ToMeta(DocumentMetaRow row)
    {
        var published = StoredValues.ParseOptionalDate(row.Published, row.PublishedPrecision);
        var date = published ?? DayOf(StoredValues.ParseTimestamp(row.IngestedAt));
        return new DocumentMeta(row.Title, date, published is not null);
    }

    private static PartialDate DayOf(DateTimeOffset instant) => PartialDate.OfDay(instant.Year, instant.Month, instant.Day);

    private sealed record DocumentMeta(string Title, PartialDate Date, bool Published);
}
