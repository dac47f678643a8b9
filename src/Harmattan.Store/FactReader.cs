using System.Data.Common;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// What every analyst query needs to turn rows into read models, for the duration of one read
/// transaction: entity names, document titles and dates, and the evidence sentences. Entities and
/// documents are looked up by primary key when a fact first names them and kept for the rest of the read,
/// so a query costs what its answer holds, not the size of the knowledge base.
/// </summary>
/// <remarks>
/// Evidence is sliced out of the document text by the database (<see cref="EvidenceColumns"/>), so a
/// query never reads whole texts. Offsets are UTF-16 code units while SQLite's substr and PostgreSQL's
/// substr count code points; the two agree up to the first character beyond the Basic Multilingual Plane
/// (an emoji, a mathematical letter, a rare CJK ideograph), which takes two UTF-16 units and one code point.
/// So the database slices by code point when the text holds no such character up to the evidence's end,
/// and otherwise returns that prefix of the text, which is sliced here by UTF-16 offsets: exact either way,
/// and never more than the text up to the evidence.
/// </remarks>
internal sealed class FactReader
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StoreDialect _dialect;
    private readonly Dictionary<string, EntityRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentMeta> _documents = new(StringComparer.Ordinal);

    public FactReader(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
    }

    public DbConnection Connection => _connection;

    public DbTransaction Transaction => _transaction;

    public StoreDialect Dialect => _dialect;

    /// <summary>The column that orders rows as they were written (SQLite's rowid, PostgreSQL's seq).</summary>
    public string RowId => _dialect.RowId;

    /// <summary>
    /// The columns a <see cref="SourceRow"/> reads, from a fact table aliased <paramref name="fact"/> (with
    /// evidence_start and evidence_end) joined to its document aliased <paramref name="document"/>.
    /// </summary>
    public string SourceColumns(string fact, string document) =>
        $"""
        {document}.title AS Title, {document}.published AS Published, {document}.published_precision AS PublishedPrecision,
        {document}.ingested_at AS IngestedAt, {fact}.evidence_start AS EvidenceStart, {fact}.evidence_end AS EvidenceEnd,
        {EvidenceColumns(document, $"{fact}.evidence_start", $"{fact}.evidence_end")}
        """;

    /// <summary>
    /// EvidenceText and EvidenceIsPrefix: the evidence sliced by the database, or the text's prefix up to
    /// the evidence's end when code points and UTF-16 units part there (see the remarks above). Only the
    /// documents that hold such a character at all (documents.beyond_bmp, set when they are written) are
    /// looked at, so a fact costs its evidence, not the text before it.
    /// </summary>
    public string EvidenceColumns(string document, string start, string end)
    {
        var text = $"{document}.text";
        var prefix = $"substr({text}, 1, CAST({end} AS integer))";
        var beyond = $"({document}.beyond_bmp = 1 AND {_dialect.HasCharacterBeyondBmp(prefix)})";
        return $"""
            CASE WHEN {beyond} THEN {prefix}
                 ELSE substr({text}, CAST({start} AS integer) + 1, CASE WHEN {end} > {start} THEN CAST({end} - {start} AS integer) ELSE 0 END)
            END AS EvidenceText,
            CASE WHEN {beyond} THEN 1 ELSE 0 END AS EvidenceIsPrefix
            """;
    }

    public EntityRef Entity(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            var row = _connection.QuerySingle<EntityRefRow>("SELECT id, name, type FROM entities WHERE id = @Id", new { Id = id }, _transaction);
            _entities[id] = entity = new EntityRef(row.Id, row.Name, Enum.Parse<EntityType>(row.Type));
        }

        return entity;
    }

    /// <summary>An entity the query read with its row: kept for later facts that name it.</summary>
    public EntityRef Entity(string id, string name, string type)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            _entities[id] = entity = new EntityRef(id, name, Enum.Parse<EntityType>(type));
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

    /// <summary>The source of one fact, its evidence sliced by the database.</summary>
    public FactSource Source(string documentId, long evidenceStart, long evidenceEnd)
    {
        var row = _connection.QuerySingle<SourceRow>(
            $"""
            SELECT d.id AS DocumentId, {SourceColumns("x", "d")}
            FROM (SELECT @Start AS evidence_start, @End AS evidence_end) x, documents d
            WHERE d.id = @Id
            """,
            new { Id = documentId, Start = evidenceStart, End = evidenceEnd },
            _transaction);
        return Source(row);
    }

    /// <summary>The source of a fact whose row carried the <see cref="SourceColumns"/>.</summary>
    public FactSource Source(SourceRow row)
    {
        var meta = Meta(row);
        var start = (int)Math.Max(0, row.EvidenceStart);
        var end = (int)Math.Max(start, row.EvidenceEnd);
        var evidence = row.EvidenceText ?? "";
        if (row.EvidenceIsPrefix != 0)
        {
            // The prefix holds characters beyond the BMP: here, indexing is by UTF-16 units as the offsets are.
            var from = Math.Min(start, evidence.Length);
            evidence = evidence[from..Math.Min(end, evidence.Length)];
        }

        return new FactSource(row.DocumentId, meta.Title, meta.Date, meta.Published, evidence.ReplaceLineEndings(" ").Trim(), start, end);
    }

    /// <summary>
    /// The members of some facts (event places or actors, what claims are about) from one link table, in
    /// their stored order: one query for the page, by the facts' keys.
    /// </summary>
    public LinkIndex Links(string table, string ownerColumn, IReadOnlyList<(string DocumentId, string Id)> owners) =>
        Links([table], ownerColumn, owners)[0];

    /// <summary>The members of some facts from two link tables (an event's places and actors), in one query.</summary>
    public (LinkIndex First, LinkIndex Second) Links(string first, string second, string ownerColumn, IReadOnlyList<(string DocumentId, string Id)> owners)
    {
        var both = Links([first, second], ownerColumn, owners);
        return (both[0], both[1]);
    }

    private LinkIndex[] Links(string[] tables, string ownerColumn, IReadOnlyList<(string DocumentId, string Id)> owners)
    {
        var indexes = tables.Select(_ => new LinkIndex()).ToArray();
        var keys = owners.Distinct().ToList();
        // A few hundred keys per query keep the statement small on both databases.
        foreach (var chunk in keys.Chunk(200))
        {
            var args = new DynamicParameters();
            var pairs = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                args.Add("d" + n, chunk[i].DocumentId);
                args.Add("o" + n, chunk[i].Id);
                pairs.Add($"(l.document_id = @d{n} AND l.{ownerColumn} = @o{n})");
            }

            var selects = tables.Select((table, t) => $"""
                SELECT {t} AS Link, l.document_id AS DocumentId, l.{ownerColumn} AS OwnerId, l.entity_id AS EntityId, e.name AS Name, e.type AS Type, l.position AS Position
                FROM {table} l JOIN entities e ON e.id = l.entity_id
                WHERE {string.Join(" OR ", pairs)}
                """);
            var rows = _connection.Query<FactLinkRow>(
                string.Join("\nUNION ALL\n", selects) + "\nORDER BY Link, DocumentId, OwnerId, Position",
                args,
                _transaction);
            foreach (var row in rows)
            {
                indexes[row.Link].Add(row.DocumentId, row.OwnerId, Entity(row.EntityId, row.Name, row.Type));
            }
        }

        return indexes;
    }

    /// <summary>
    /// The members of every fact an owner query selects, from one link table: for the queries that read a
    /// whole list (exports, briefs), where one join beats a key list.
    /// </summary>
    public LinkIndex Links(string table, string ownerColumn, string ownerQuery, object? args)
    {
        var rows = _connection.Query<FactLinkRow>(
            $"""
            SELECT l.document_id AS DocumentId, l.{ownerColumn} AS OwnerId, l.entity_id AS EntityId, e.name AS Name, e.type AS Type
            FROM {table} l JOIN entities e ON e.id = l.entity_id
            WHERE (l.document_id, l.{ownerColumn}) IN ({ownerQuery})
            ORDER BY l.document_id, l.{ownerColumn}, l.position
            """,
            args,
            _transaction);
        var index = new LinkIndex();
        foreach (var row in rows)
        {
            index.Add(row.DocumentId, row.OwnerId, Entity(row.EntityId, row.Name, row.Type));
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

    /// <summary>The date of a document as <see cref="FactSource.Date"/> gives it, from its stored columns.</summary>
    public static (PartialDate Date, bool Published) DateOf(string? published, string? precision, string ingestedAt)
    {
        var date = StoredValues.ParseOptionalDate(published, precision);
        return date is { } d ? (d, true) : (DayOf(StoredValues.ParseTimestamp(ingestedAt)), false);
    }

    private DocumentMeta Meta(SourceRow row)
    {
        if (!_documents.TryGetValue(row.DocumentId, out var meta))
        {
            var (date, published) = DateOf(row.Published, row.PublishedPrecision, row.IngestedAt);
            _documents[row.DocumentId] = meta = new DocumentMeta(row.Title, date, published);
        }

        return meta;
    }

    private DocumentMeta Meta(string documentId)
    {
        if (!_documents.TryGetValue(documentId, out var meta))
        {
            var row = _connection.QuerySingle<DocumentMetaRow>(
                "SELECT id, title, published, published_precision AS PublishedPrecision, ingested_at AS IngestedAt FROM documents WHERE id = @Id",
                new { Id = documentId },
                _transaction);
            var (date, published) = DateOf(row.Published, row.PublishedPrecision, row.IngestedAt);
            _documents[documentId] = meta = new DocumentMeta(row.Title, date, published);
        }

        return meta;
    }

    private static PartialDate DayOf(DateTimeOffset instant) => PartialDate.OfDay(instant.Year, instant.Month, instant.Day);

    private sealed record DocumentMeta(string Title, PartialDate Date, bool Published);
}
