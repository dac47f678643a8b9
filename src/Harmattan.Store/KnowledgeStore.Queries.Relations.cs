using System.Globalization;
using Dapper;
using Harmattan.Knowledge;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Every stored relation the filter admits, one per document that states it, in document date order.
    /// The period is compared with the dates of the documents (published, else ingested). With entity types,
    /// a relation is kept when both parties have one of them, so the network is the one among those actors.
    /// Relations an analyst rejected, or whose party they rejected, are left out. Reads the whole list: for
    /// exports and briefs; hosts page through <see cref="RelationsPage"/>, and a network reads
    /// <see cref="RelationStatementsAround"/>.
    /// </summary>
    public IReadOnlyList<RelationFact> FindRelations(RelationFilter? filter = null)
    {
        filter ??= new RelationFilter();
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var (where, args, _) = RelationConditions(reader, "r", filter);
        return ReadRelations(
            reader,
            $"SELECT r.{reader.RowId} AS k, r.day AS o1, r.document_id AS o2 FROM relations r WHERE {where}",
            "p.o1, p.o2, p.k",
            args,
            null).Items;
    }

    /// <summary>
    /// A page of one actor's relations in either direction, newest document first, with how many there are;
    /// with <paramref name="types"/>, only relations of those types.
    /// </summary>
    public FactPage<RelationFact> ActorRelations(EntityRef entity, int offset = 0, int limit = 20, IReadOnlyCollection<string>? types = null) =>
        EntityPage(entity, offset, limit, (reader, id) => ActorRelations(reader, id, offset, limit, types));

    /// <summary>
    /// For each of <paramref name="actors"/>, the newest relation statements (by document date) in which it is
    /// a party and that the filter admits, at most <paramref name="perActor"/>, and whether it had more: what
    /// a network reads around the actors it reaches. Per actor, two index scans from the newest end, one per
    /// direction, and one row read per statement, no evidence; the parties' names are read once for the whole call.
    /// </summary>
    public IReadOnlyList<RelationStatements> RelationStatementsAround(IReadOnlyList<EntityRef> actors, RelationFilter? filter, int perActor)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perActor);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var r = reader.RowId;
        var (where, args, _) = RelationConditions(reader, "r", filter ?? new RelationFilter());
        args.Add("Take", perActor + 1);
        var sql = $"""
            SELECT * FROM (
                SELECT r.type, r.document_id AS DocumentId, r.source_id AS SourceId, r.target_id AS TargetId,
                       r.day AS Day, r.target_id AS Other, r.{r} AS RowId
                FROM relations r WHERE r.source_id = @Id AND {where}
                ORDER BY r.day DESC, r.target_id DESC, r.{r} DESC LIMIT @Take) outgoing
            UNION ALL
            SELECT * FROM (
                SELECT r.type, r.document_id AS DocumentId, r.source_id AS SourceId, r.target_id AS TargetId,
                       r.day AS Day, r.source_id AS Other, r.{r} AS RowId
                FROM relations r WHERE r.target_id = @Id AND r.source_id <> @Id AND {where}
                ORDER BY r.day DESC, r.source_id DESC, r.{r} DESC LIMIT @Take) incoming
            """;
        var rows = new List<RelationStatementRow>();
        for (var i = 0; i < actors.Count; i++)
        {
            args.Add("Id", actors[i].Id);
            foreach (var row in _connection.Query<RelationStatementRow>(sql, args, transaction))
            {
                row.Actor = i;
                rows.Add(row);
            }
        }

        var names = EntityNames(reader, rows.SelectMany(row => new[] { row.SourceId, row.TargetId }));
        var byActor = rows.ToLookup(row => row.Actor);
        return actors
            .Select((_, i) =>
            {
                // The two directions, merged newest first as each was read.
                var newest = byActor[i]
                    .OrderByDescending(row => row.Day, StringComparer.Ordinal)
                    .ThenByDescending(row => row.Other, StringComparer.Ordinal)
                    .ThenByDescending(row => row.RowId)
                    .ToList();
                return new RelationStatements(
                    newest.Take(perActor).Select(row => new RelationStatement(row.Type, names[row.SourceId], names[row.TargetId], row.DocumentId)).ToList(),
                    newest.Count > perActor);
            })
            .ToList();
    }

    /// <summary>
    /// The newest relation statements of the whole knowledge base (by document date) that the filter admits,
    /// at most <paramref name="limit"/>, and whether there were more: a network with no actor at its centre.
    /// </summary>
    public RelationStatements RecentRelationStatements(RelationFilter? filter, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var (where, args, _) = RelationConditions(reader, "r", filter ?? new RelationFilter());
        args.Add("Take", limit + 1);
        var rows = _connection.Query<RelationStatementRow>(
                $"""
                SELECT r.type, r.document_id AS DocumentId, r.source_id AS SourceId, r.target_id AS TargetId
                FROM relations r WHERE {where}
                ORDER BY r.day DESC, r.{reader.RowId} DESC LIMIT @Take
                """,
                args,
                transaction)
            .AsList();
        var more = rows.Count > limit;
        var kept = rows.Take(limit).ToList();
        var names = EntityNames(reader, kept.SelectMany(row => new[] { row.SourceId, row.TargetId }));
        return new RelationStatements(
            kept.Select(row => new RelationStatement(row.Type, names[row.SourceId], names[row.TargetId], row.DocumentId)).ToList(),
            more);
    }

    /// <summary>The names and types of some entities, read in one query.</summary>
    private Dictionary<string, EntityRef> EntityNames(FactReader reader, IEnumerable<string> ids)
    {
        var names = new Dictionary<string, EntityRef>(StringComparer.Ordinal);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return names;
        }

        foreach (var row in _connection.Query<EntityRefRow>(
                     $"SELECT id, name, type FROM entities WHERE {_dialect.InStrings("id", "@Ids")}", new { Ids = _dialect.Strings(wanted) }, reader.Transaction))
        {
            names[row.Id] = reader.Entity(row.Id, row.Name, row.Type);
        }

        return names;
    }

    /// <summary>
    /// A page of the relations the filter admits, newest document first, with how many there are (counted up
    /// to <see cref="CountLimit"/>); with <paramref name="party"/>, only those in which it is a party, in either
    /// direction (as its profile lists them). The page is read from an index from its newest end, so it costs
    /// the page, not the size of the knowledge base: the party's two indexes with a party, the relations' day
    /// index without; a period is a range of days on it, relation and entity types are checked on the way.
    /// Relations an analyst rejected, or whose party they rejected, are left out.
    /// </summary>
    public FactPage<RelationFact> RelationsPage(RelationFilter? filter = null, EntityRef? party = null, int offset = 0, int limit = 50)
    {
        CheckPage(offset, limit);
        filter ??= new RelationFilter();
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        return party is null ? RelationsPage(reader, filter, offset, limit) : ActorRelations(reader, party.Id, filter, offset, limit);
    }

    private FactPage<RelationFact> ActorRelations(FactReader reader, string entityId, int offset, int limit, IReadOnlyCollection<string>? types) =>
        ActorRelations(reader, entityId, new RelationFilter(Types: types), offset, limit);

    private FactPage<RelationFact> ActorRelations(FactReader reader, string entityId, RelationFilter filter, int offset, int limit)
    {
        var r = reader.RowId;
        var (types, untyped, where, args, rejected) = TypedRelationConditions(reader, filter);
        args.Add("Id", entityId);
        args.Add("Offset", offset);
        args.Add("Take", limit + 1);
        args.Add("Window", offset + limit + 1);
        var rejectedEntity = rejected?.Contains(entityId, StringComparer.Ordinal)
            ?? _connection.ExecuteScalar<long>("SELECT count(*) FROM entities WHERE id = @Id AND status = 'rejected'", args, reader.Transaction) > 0;
        if (rejectedEntity)
        {
            // A rejected entity's relations leave every query.
            return new FactPage<RelationFact>([], 0, false, offset, limit, false);
        }

        // Each direction from the party's index from its newest end; with relation types, one scan per type and
        // direction on the party's (type, day) index, so a rare type costs its page, not the party's relations.
        var keys = string.Join("\nUNION ALL\n", Directions(types).Select(scan => $"""
            SELECT k, o1, o2 FROM (
                SELECT r.{r} AS k, r.day AS o1, r.{scan.Other} AS o2 FROM relations r
                WHERE {scan.Party}{scan.Type} AND {untyped}
                ORDER BY r.day DESC, r.{scan.Other} DESC, r.{r} DESC LIMIT @Window) {scan.Name}
            """));
        var totals = filter.EntityTypes is { Count: > 0 }
            // Entity types leave out relations by their other party's type: the count reads the rows it counts.
            ? new Totals(
                $"""
                SELECT 1 FROM relations r WHERE r.source_id = @Id AND {where}
                UNION ALL
                SELECT 1 FROM relations r WHERE r.target_id = @Id AND r.source_id <> @Id AND {where}
                """,
                null)
            : ActorRelationTotals(rejected, DocumentPeriod("r", filter.Period ?? DatePeriod.Always), types);
        var read = ReadRelations(
            reader,
            $"SELECT k, o1, o2 FROM ({keys}\nORDER BY o1 DESC, o2 DESC, k DESC LIMIT @Take OFFSET @Offset) paged",
            "p.o1 DESC, p.o2 DESC, p.k DESC",
            args,
            totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// The index scans a party's relations are read from: outgoing (the party is the source) and incoming (the
    /// party is the target, and not the source too), each of one type (@Type0, @Type1, ...) when there are types.
    /// </summary>
    private static IEnumerable<(string Name, string Party, string Other, string Type)> Directions(IReadOnlyList<string>? types)
    {
        IEnumerable<(string Suffix, string Type)> scans = types is null
            ? [("", "")]
            : types.Select((_, i) => (i.ToString(CultureInfo.InvariantCulture), $" AND r.type = @Type{i}"));
        foreach (var (suffix, type) in scans)
        {
            yield return ("outgoing" + suffix, "r.source_id = @Id", "target_id", type);
            yield return ("incoming" + suffix, "r.target_id = @Id AND r.source_id <> @Id", "source_id", type);
        }
    }

    /// <summary>
    /// What a page of one entity's relations counts (@Id; relation types as @Types and @Type0, @Type1, ... when
    /// there are <paramref name="types"/>; the period's condition <paramref name="period"/>): its entries in its
    /// indexes (by type and day with types), less the rejected relations (from the status index) and those with
    /// a rejected other party (there are few rejected entities; the entity's index holds the other party's id),
    /// once each; past a thousand rejected entities (<paramref name="rejected"/> null), those are counted by
    /// looking each other party up.
    /// </summary>
    private Totals ActorRelationTotals(IReadOnlyList<string>? rejected, string period, IReadOnlyList<string>? types)
    {
        var scope = (types is null ? "" : " AND " + _dialect.InStrings("r.type", "@Types")) + " AND " + period;
        var rejectedRelations = $"SELECT count(*) FROM relations r WHERE r.status = 'rejected' AND (r.source_id || '' = @Id OR r.target_id || '' = @Id){scope}";
        var party = rejected is null
            ? "EXISTS (SELECT 1 FROM entities x WHERE x.id IN (r.source_id, r.target_id) AND x.status = 'rejected')"
            : $"({_dialect.InStrings("r.source_id", "@RejectedParties")} OR {_dialect.InStrings("r.target_id", "@RejectedParties")})";
        var excluded = rejected is { Count: 0 }
            ? rejectedRelations
            : $"""
              SELECT ({rejectedRelations})
                + (SELECT count(*) FROM (
                    SELECT 1 FROM relations r WHERE r.source_id = @Id AND {party}{scope}
                    UNION ALL
                    SELECT 1 FROM relations r WHERE r.target_id = @Id AND r.source_id <> @Id AND {party}{scope}
                    LIMIT {CountLimit + 1}) with_party)
                - (SELECT count(*) FROM relations r
                   WHERE r.status = 'rejected' AND (r.source_id || '' = @Id OR r.target_id || '' = @Id){scope} AND {party})
              """;
        // Each scan counted from the newest end (with a period, the relations dated before it, which look their
        // document up, come last).
        return new Totals(
            string.Join("\nUNION ALL\n", Directions(types).Select(scan =>
                $"SELECT 1 FROM (SELECT 1 AS x FROM relations r WHERE {scan.Party}{scan.Type} AND {period} ORDER BY r.day DESC LIMIT {CountLimit + 1}) {scan.Name}")),
            excluded);
    }

    /// <summary>
    /// A page of the whole knowledge base's relations the filter admits, newest document first: from the
    /// relations' day index, or with relation types from the (type, day) index, one newest-first scan per type
    /// merged, so that a rare type costs its page, not the table. The count walks the same indexes from the
    /// newest end, less the rejected relations (status index) and those with a rejected party (from the parties'
    /// indexes); with entity types or past a thousand rejected entities, it reads the rows it counts.
    /// </summary>
    private FactPage<RelationFact> RelationsPage(FactReader reader, RelationFilter filter, int offset, int limit)
    {
        var r = reader.RowId;
        var (types, untyped, where, args, rejected) = TypedRelationConditions(reader, filter);
        args.Add("Offset", offset);
        args.Add("Take", limit + 1);
        var keys = $"SELECT r.{r} AS k, r.day AS o1, r.{r} AS o2 FROM relations r WHERE {where}";
        string page;
        if (types is null)
        {
            page = $"{keys}\nORDER BY r.day DESC, r.{r} DESC LIMIT @Take OFFSET @Offset";
        }
        else
        {
            args.Add("Window", offset + limit + 1);

            var scans = types.Select((_, i) => $"""
                SELECT k, o1, o2 FROM (
                    SELECT r.{r} AS k, r.day AS o1, r.{r} AS o2 FROM relations r WHERE r.type = @Type{i} AND {untyped}
                    ORDER BY r.day DESC, r.{r} DESC LIMIT @Window) t{i}
                """);
            page = $"SELECT k, o1, o2 FROM ({string.Join("\nUNION ALL\n", scans)}\nORDER BY o1 DESC, o2 DESC LIMIT @Take OFFSET @Offset) paged";
        }

        Totals totals;
        if (filter.EntityTypes is { Count: > 0 } || rejected is null)
        {
            totals = new Totals(keys, null);
        }
        else
        {
            var period = DocumentPeriod("r", filter.Period ?? DatePeriod.Always);
            var scope = (types is null ? "" : " AND " + _dialect.InStrings("r.type", "@Types")) + " AND " + period;
            var rejectedRelations = $"SELECT count(*) FROM relations r WHERE r.status = 'rejected'{scope}";
            totals = new Totals(
                types is null
                    ? $"SELECT 1 FROM relations r WHERE 1 = 1{scope} ORDER BY r.day DESC"
                    : string.Join(
                        "\nUNION ALL\n",
                        types.Select((_, i) =>
                            $"SELECT 1 FROM (SELECT 1 AS x FROM relations r WHERE r.type = @Type{i} AND {period} ORDER BY r.day DESC LIMIT {CountLimit + 1}) c{i}")),
                rejected.Count == 0
                    ? rejectedRelations
                    : $"""
                      SELECT ({rejectedRelations})
                        + (SELECT count(*) FROM (
                            SELECT 1 FROM relations r
                            WHERE r.status <> 'rejected'
                              AND ({_dialect.InStrings("r.source_id", "@RejectedParties")} OR {_dialect.InStrings("r.target_id", "@RejectedParties")}){scope}
                            LIMIT {CountLimit + 1}) with_party)
                      """);
        }

        var read = ReadRelations(reader, page, "p.o1 DESC, p.o2 DESC", args, totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// The conditions of a query that scans once per relation type (<see cref="RelationConditions"/> without the
    /// types): the filter's distinct types (null for any), the conditions without them, which each per-type
    /// scan has as its equality instead (@Type0, @Type1, ...), and with them (@Types), for the queries that read
    /// the rows.
    /// </summary>
    private (List<string>? Types, string Untyped, string Where, DynamicParameters Args, IReadOnlyList<string>? Rejected) TypedRelationConditions(
        FactReader reader, RelationFilter filter)
    {
        var types = filter.Types is { Count: > 0 } ? filter.Types.Distinct(StringComparer.Ordinal).ToList() : null;
        var (untyped, args, rejected) = RelationConditions(reader, "r", filter with { Types = null });
        var where = untyped;
        if (types is not null)
        {
            where += " AND " + _dialect.InStrings("r.type", "@Types");
            args.Add("Types", _dialect.Strings(types));
            for (var i = 0; i < types.Count; i++)
            {
                args.Add($"Type{i}", types[i]);
            }
        }

        return (types, untyped, where, args, rejected);
    }

    /// <summary>
    /// The conditions every relation query shares, on the relation aliased <paramref name="alias"/>: not
    /// rejected, no rejected party, and the filter's types, parties' types and document period; with the
    /// rejected entities' ids when there are at most a thousand (passed as @RejectedParties), else null.
    /// </summary>
    private (string Sql, DynamicParameters Args, IReadOnlyList<string>? Rejected) RelationConditions(FactReader reader, string alias, RelationFilter filter)
    {
        var (period, args) = DocumentPeriod(reader, alias, filter.Period ?? DatePeriod.Always);
        var sql = $"{alias}.status <> 'rejected' AND {period}";
        // Rejected entities are few (an analyst rejects them one by one): their ids, read through a partial
        // index, keep their relations out without a lookup per relation; past a thousand, a lookup it is.
        var rejected = _connection.Query<string>(
            "SELECT id FROM entities WHERE status = 'rejected' LIMIT 1001", transaction: reader.Transaction).AsList();
        if (rejected.Count > 1000)
        {
            sql += $" AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.id IN ({alias}.source_id, {alias}.target_id) AND x.status = 'rejected')";
        }
        else if (rejected.Count > 0)
        {
            sql += $" AND NOT ({_dialect.InStrings($"{alias}.source_id", "@RejectedParties")}) AND NOT ({_dialect.InStrings($"{alias}.target_id", "@RejectedParties")})";
            args.Add("RejectedParties", _dialect.Strings(rejected));
        }

        if (filter.Types is { Count: > 0 } types)
        {
            sql += " AND " + _dialect.InStrings($"{alias}.type", "@Types");
            args.Add("Types", _dialect.Strings(types));
        }

        if (filter.EntityTypes is { Count: > 0 } kinds)
        {
            sql += $"""
                 AND EXISTS (SELECT 1 FROM entities x WHERE x.id = {alias}.source_id AND {_dialect.InStrings("x.type", "@EntityTypes")})
                 AND EXISTS (SELECT 1 FROM entities x WHERE x.id = {alias}.target_id AND {_dialect.InStrings("x.type", "@EntityTypes")})
                """;
            args.Add("EntityTypes", _dialect.Strings(kinds.Select(k => k.ToString())));
        }

        return (sql, args, rejected.Count > 1000 ? null : rejected);
    }

    /// <summary>
    /// The relations whose row ids <paramref name="page"/> selects (as k), with their parties and sources, in
    /// <paramref name="order"/>, and the <paramref name="totals"/> when a page asks for them.
    /// </summary>
    private static Read<RelationFact> ReadRelations(FactReader reader, string page, string order, object? args, Totals? totals)
    {
        var rows = reader.Connection.Query<RelationFactRow>(
                $"""
                WITH page AS ({page})
                SELECT r.id, r.document_id AS DocumentId, r.type, r.role, r.confidence,
                       r.source_id AS SourceId, s.name AS SourceName, s.type AS SourceType,
                       r.target_id AS TargetId, t.name AS TargetName, t.type AS TargetType,
                       {reader.SourceColumns("r", "d")}{TotalsColumns(totals)}
                FROM page p
                JOIN relations r ON r.{reader.RowId} = p.k
                JOIN documents d ON d.id = r.document_id
                JOIN entities s ON s.id = r.source_id
                JOIN entities t ON t.id = r.target_id
                ORDER BY {order}
                """,
                args,
                reader.Transaction)
            .AsList();
        var relations = rows
            .Select(row => new RelationFact(
                row.Id,
                row.Type,
                reader.Entity(row.SourceId, row.SourceName, row.SourceType),
                reader.Entity(row.TargetId, row.TargetName, row.TargetType),
                row.Role,
                row.Confidence,
                reader.Source(row)))
            .ToList();
        return new Read<RelationFact>(relations, rows.FirstOrDefault()?.Counted ?? 0, rows.FirstOrDefault()?.Excluded ?? 0);
    }
}
