using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The table of actor attributes; a database from before its migration has none.</summary>
    private const string PropertiesTable = "properties";

    /// <summary>
    /// Attribute statements (ideology, goal, strength, founded, ...), of one entity or of all, in document
    /// date order. Reads the whole list: for exports and briefs; hosts page through <see cref="ActorAttributes"/>.
    /// </summary>
    public IReadOnlyList<AttributeFact> FindAttributes(EntityRef? entity = null)
    {
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var r = reader.RowId;
        return ReadAttributes(
            reader,
            $"SELECT p.{r} AS k, p.day AS o1, p.document_id AS o2 FROM {PropertiesTable} p WHERE p.status <> 'rejected'{(entity is null ? "" : " AND p.entity_id = @Id")}",
            "p.o1, p.o2, p.k",
            new { entity?.Id },
            null).Items;
    }

    /// <summary>
    /// A page of one actor's attributes, newest document first, with how many there are; with
    /// <paramref name="names"/>, only those attributes (strength, founded, ...).
    /// </summary>
    public FactPage<AttributeFact> ActorAttributes(EntityRef entity, int offset = 0, int limit = 20, IReadOnlyCollection<string>? names = null) =>
        EntityPage(entity, offset, limit, (reader, id) => ActorAttributes(reader, id, offset, limit, names));

    private FactPage<AttributeFact> ActorAttributes(FactReader reader, string entityId, int offset, int limit, IReadOnlyCollection<string>? names)
    {
        var r = reader.RowId;
        var named = names is { Count: > 0 } ? " AND " + _dialect.InStrings("p.name", "@Names") : "";
        var args = new { Id = entityId, Offset = offset, Take = limit + 1, Names = _dialect.Strings(names ?? []) };
        var totals = new Totals(
            $"SELECT 1 FROM {PropertiesTable} p WHERE p.entity_id = @Id{named}",
            $"SELECT count(*) FROM {PropertiesTable} p WHERE p.status = 'rejected' AND p.entity_id || '' = @Id{named}");
        var read = ReadAttributes(
            reader,
            $"""
            SELECT p.{r} AS k, p.day AS o1, p.{r} AS o2 FROM {PropertiesTable} p
            WHERE p.entity_id = @Id AND p.status <> 'rejected'{named}
            ORDER BY p.day DESC, p.{r} DESC LIMIT @Take OFFSET @Offset
            """,
            "p.o1 DESC, p.o2 DESC",
            args,
            totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// The attributes whose row ids <paramref name="page"/> selects (as k), with their sources, in
    /// <paramref name="order"/>, and the <paramref name="totals"/> when a page asks for them.
    /// </summary>
    private static Read<AttributeFact> ReadAttributes(FactReader reader, string page, string order, object? args, Totals? totals)
    {
        var r = reader.RowId;
        var rows = reader.Connection.Query<AttributeFactRow>(
                $"""
                WITH page AS ({page})
                SELECT p2.id, p2.document_id AS DocumentId, p2.entity_id AS EntityId, p2.name, p2.value, p2.surface,
                       p2.speaker_id AS SpeakerId, p2.as_of AS AsOf, p2.as_of_precision AS AsOfPrecision,
                       {reader.SourceColumns("p2", "d")}{TotalsColumns(totals)}
                FROM page p
                JOIN {PropertiesTable} p2 ON p2.{r} = p.k
                JOIN documents d ON d.id = p2.document_id
                ORDER BY {order}
                """,
                args,
                reader.Transaction)
            .AsList();
        var attributes = rows
            .Select(row => new AttributeFact(
                row.Id,
                reader.Entity(row.EntityId),
                row.Name,
                row.Value,
                row.Surface,
                row.SpeakerId is null ? null : reader.Entity(row.SpeakerId),
                StoredValues.ParseOptionalDate(row.AsOf, row.AsOfPrecision),
                reader.Source(row)))
            .ToList();
        return new Read<AttributeFact>(attributes, rows.FirstOrDefault()?.Counted ?? 0, rows.FirstOrDefault()?.Excluded ?? 0);
    }
}
