using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// What the knowledge base says about one entity: its aliases and first and last dates, and the first
    /// page (<paramref name="limit"/> items, newest first) of each section with its total: documents naming
    /// it, attributes, relations in both directions, events it takes part in or that happen there, claims it
    /// made and claims about it. Each section is read from the entity's index from the newest end, so the
    /// profile costs its pages, not how often the entity is named; <see cref="GetProfileSection"/> reads
    /// the next pages.
    /// </summary>
    public ActorProfile GetActorProfile(EntityRef entity, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckPage(0, limit);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        // The entity's own lines in one round trip: registry id, aliases, the first and the last document.
        var r = reader.RowId;
        using var header = _connection.QueryMultiple(
            $"""
            SELECT registry_id FROM entities WHERE id = @Id;
            {AliasesSql};
            {NamingEdge(r, "ASC", "1 = 1")};
            {NamingEdge(r, "DESC", "1 = 1")};
            """,
            new { entity.Id },
            transaction);
        var registryId = header.ReadSingleOrDefault<string?>();
        var aliases = header.Read<string>().AsList();
        var first = Naming(header.ReadSingleOrDefault<NamingDocumentRow>());
        var last = Naming(header.ReadSingleOrDefault<NamingDocumentRow>());
        return new ActorProfile(
            entity,
            registryId,
            aliases,
            first?.Date,
            last?.Date,
            DocumentsNaming(reader, entity.Id, 0, limit),
            ActorAttributes(reader, entity.Id, 0, limit, null),
            ActorRelations(reader, entity.Id, 0, limit, null),
            ActorEvents(reader, entity.Id, 0, limit),
            ClaimsBy(reader, entity.Id, 0, limit),
            ClaimsAbout(reader, entity.Id, 0, limit));
    }

    /// <summary>An entity's spellings (<c>@Id</c>), the first stored first, at most <see cref="AliasLimit"/>.</summary>
    private static readonly string AliasesSql = $"SELECT alias FROM entity_aliases WHERE entity_id = @Id ORDER BY seq LIMIT {AliasLimit}";

    /// <summary>The spellings an entity was stored under, the first stored first (at most <see cref="AliasLimit"/>), as its profile lists them.</summary>
    public IReadOnlyList<string> EntityAliases(EntityRef entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var transaction = BeginRead();
        return _connection.Query<string>(AliasesSql, new { entity.Id }, transaction).AsList();
    }

    /// <summary>
    /// The document naming the entity <c>@Id</c> (within <paramref name="within"/>, a condition on its
    /// document_entities row x) whose date starts first (ASC) or last (DESC), as a <see cref="NamingDocumentRow"/>:
    /// one index probe.
    /// </summary>
    private static string NamingEdge(string rowId, string direction, string within) =>
        $"""
        SELECT d.id AS DocumentId, d.title, d.published, d.published_precision AS PublishedPrecision, d.ingested_at AS IngestedAt,
               (SELECT count(*) FROM mentions m WHERE m.entity_id = @Id AND m.document_seq = d.seq) AS Mentions
        FROM document_entities x JOIN documents d ON d.id = x.document_id
        WHERE x.entity_id = @Id AND {within}
        ORDER BY x.day {direction}, x.{rowId} {direction} LIMIT 1
        """;

    /// <summary>
    /// A page of one section of an entity's profile, newest first, with the section's total: the "more" of
    /// a profile. The items are those of the section's own method (<see cref="ClaimsBy"/>,
    /// <see cref="ActorRelations"/>, ...), typed as objects for a host that serves any section.
    /// </summary>
    public FactPage<object> GetProfileSection(EntityRef entity, ProfileSection section, int offset, int limit) =>
        EntityPage(entity, offset, limit, (reader, id) => section switch
        {
            ProfileSection.Documents => Untyped(DocumentsNaming(reader, id, offset, limit)),
            ProfileSection.Attributes => Untyped(ActorAttributes(reader, id, offset, limit, null)),
            ProfileSection.Relations => Untyped(ActorRelations(reader, id, offset, limit, null)),
            ProfileSection.Events => Untyped(ActorEvents(reader, id, offset, limit)),
            ProfileSection.ClaimsBy => Untyped(ClaimsBy(reader, id, offset, limit)),
            ProfileSection.ClaimsAbout => Untyped(ClaimsAbout(reader, id, offset, limit)),
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        });

    private static FactPage<object> Untyped<T>(FactPage<T> page)
        where T : class =>
        new(page.Items, page.Total, page.TotalIsLowerBound, page.Offset, page.Limit, page.More);

    /// <summary>
    /// A page of the documents that name an entity (the extraction listed it; merges and splits keep the
    /// list), newest first, each with how often it mentions the entity.
    /// </summary>
    public FactPage<NamingDocument> DocumentsNaming(EntityRef entity, int offset = 0, int limit = 20) =>
        EntityPage(entity, offset, limit, (reader, id) => DocumentsNaming(reader, id, offset, limit));

    /// <summary>
    /// How many documents dated within <paramref name="period"/> name an entity (counted up to
    /// <see cref="CountLimit"/>), and the first and the last of them by date: three reads of the entity's index,
    /// whatever its size.
    /// </summary>
    public NamingSpan DocumentsNamingIn(EntityRef entity, DatePeriod period)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(period);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var r = reader.RowId;
        var (within, args) = DocumentPeriod(reader, "x", period);
        args.Add("Id", entity.Id);
        using var rows = _connection.QueryMultiple(
            $"""
            SELECT count(*) FROM (SELECT 1 FROM document_entities x WHERE x.entity_id = @Id AND {within} LIMIT {CountLimit + 1}) counted;
            {NamingEdge(r, "ASC", within)};
            {NamingEdge(r, "DESC", within)};
            """,
            args,
            transaction);
        var counted = rows.ReadSingle<long>();
        var first = rows.ReadSingleOrDefault<NamingDocumentRow>();
        var last = rows.ReadSingleOrDefault<NamingDocumentRow>();
        return new NamingSpan(Math.Min(counted, CountLimit), counted > CountLimit, Naming(first), Naming(last));
    }

    private static NamingDocument? Naming(NamingDocumentRow? row)
    {
        if (row is null)
        {
            return null;
        }

        var (date, published) = FactReader.DateOf(row.Published, row.PublishedPrecision, row.IngestedAt);
        return new NamingDocument(row.DocumentId, row.Title, date, published, (int)row.Mentions);
    }

    private static FactPage<NamingDocument> DocumentsNaming(FactReader reader, string entityId, int offset, int limit)
    {
        var r = reader.RowId;
        var args = new { Id = entityId, Offset = offset, Take = limit + 1 };
        var totals = new Totals("SELECT 1 FROM document_entities x WHERE x.entity_id = @Id", null);
        var rows = reader.Connection.Query<NamingDocumentRow>(
                $"""
                WITH page AS (
                    SELECT x.document_id, x.day, x.{r} AS k FROM document_entities x
                    WHERE x.entity_id = @Id
                    ORDER BY x.day DESC, x.{r} DESC LIMIT @Take OFFSET @Offset)
                SELECT d.id AS DocumentId, d.title, d.published, d.published_precision AS PublishedPrecision, d.ingested_at AS IngestedAt,
                       (SELECT count(*) FROM mentions m WHERE m.entity_id = @Id AND m.document_seq = d.seq) AS Mentions,
                       {totals.Columns}
                FROM page p JOIN documents d ON d.id = p.document_id
                ORDER BY p.day DESC, p.k DESC
                """,
                args,
                reader.Transaction)
            .AsList();
        var documents = rows.Select(row => Naming(row)!).ToList();
        return Page(reader, new Read<NamingDocument>(documents, rows.FirstOrDefault()?.Counted ?? 0, 0), offset, limit, totals, args);
    }
}
