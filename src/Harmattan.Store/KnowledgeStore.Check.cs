using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Checks that the knowledge base is whole: the database's own integrity check, every reference
    /// between tables, the full-text indexes against the rows they index, and no fact left without its
    /// document, every row listed by the days of its document or event, every document marked as its text
    /// leaves the BMP or not, and the counts kept of each entity (<c>entity_tallies</c>) against its rows. Empty
    /// when all is well; otherwise one line per problem. Read-only. What a crash or a killed process must never
    /// leave behind, since every write is one transaction.
    /// </summary>
    public IReadOnlyList<string> CheckConsistency()
    {
        using var transaction = BeginRead();
        var problems = new List<string>(_dialect.CheckDatabase(_connection, transaction));
        foreach (var table in FactTables)
        {
            var orphans = _connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE {DocumentColumn.Joins(table, "t", "d")})", transaction: transaction);
            if (orphans > 0)
            {
                problems.Add($"{table}: {orphans} rows name a document that is not stored");
            }
        }

        // The days rows are listed by (migration 0006) must be their document's or their event's.
        foreach (var table in DocumentDayTables)
        {
            var wrong = _connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM {table} t JOIN document_days d ON d.id = t.document_id WHERE t.day IS NULL OR t.day <> d.day",
                transaction: transaction);
            if (wrong > 0)
            {
                problems.Add($"{table}: {wrong} rows are not listed by their document's day");
            }
        }

        foreach (var table in (string[])["event_places", "event_actors"])
        {
            var wrong = _connection.ExecuteScalar<long>(
                $"""
                SELECT count(*) FROM {table} t JOIN events e ON e.document_id = t.document_id AND e.id = t.event_id
                WHERE t.earliest_day IS NULL OR t.latest_day IS NULL OR t.earliest_day <> e.earliest_day OR t.latest_day <> e.latest_day
                """,
                transaction: transaction);
            if (wrong > 0)
            {
                problems.Add($"{table}: {wrong} rows are not listed by their event's days");
            }
        }

        // Evidence is sliced by code points unless the document is marked as leaving the BMP (migration 0008).
        var unmarked = _connection.ExecuteScalar<long>(
            $"SELECT count(*) FROM documents d WHERE d.beyond_bmp <> CASE WHEN {_dialect.HasCharacterBeyondBmp("d.text")} THEN 1 ELSE 0 END",
            transaction: transaction);
        if (unmarked > 0)
        {
            problems.Add($"documents: {unmarked} documents are not marked as they hold (or lack) characters beyond the BMP");
        }

        // The counts the writers keep must be what the rows say.
        var miscounted = WrongTallies(transaction);
        if (miscounted.Count > 0)
        {
            var (entityId, kept, counted) = miscounted[0];
            problems.Add(
                $"entity_tallies: {miscounted.Count} entities' counts differ from their rows (first, {entityId}: documents, mentions, events kept as "
                + $"{kept.Documents}, {kept.Mentions}, {kept.Events}; the rows say {counted.Documents}, {counted.Mentions}, {counted.Events})");
        }

        return problems;
    }

    private static readonly string[] DocumentDayTables = ["document_entities", "claims", "claim_about", "relations", "properties"];

    /// <summary>The tables whose rows belong to one document (<see cref="DocumentColumn"/> says how each names it).</summary>
    private static readonly string[] FactTables =
    [
        "document_entities", "mentions", "claims", "claim_about", "relations", "events", "event_places", "event_actors",
        "quantities", "properties", "entity_resolutions",
    ];
}
