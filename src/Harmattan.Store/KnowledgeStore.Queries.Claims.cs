using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Claims by a speaker and/or about an entity, in document date order, then text order. The period is
    /// compared with the dates of the documents the claims are in (published, else ingested). Reads the whole
    /// list: for exports and briefs; hosts page through <see cref="ClaimsBy"/> and <see cref="ClaimsAbout"/>.
    /// </summary>
    public IReadOnlyList<ClaimFact> FindClaims(ClaimFilter? filter = null)
    {
        filter ??= new ClaimFilter();
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var (period, args) = DocumentPeriod(reader, "c", filter.Period ?? DatePeriod.Always);
        var where = $"c.status <> 'rejected' AND {period}";
        if (filter.Speaker is not null)
        {
            where += " AND c.speaker_id = @Speaker";
            args.Add("Speaker", filter.Speaker.Id);
        }

        if (filter.About is not null)
        {
            where += " AND EXISTS (SELECT 1 FROM claim_about a WHERE a.document_id = c.document_id AND a.claim_id = c.id AND a.entity_id = @About)";
            args.Add("About", filter.About.Id);
        }

        return ReadClaims(
            reader,
            $"SELECT c.{reader.RowId} AS k, c.day AS o1, c.document_id AS o2 FROM claims c WHERE {where}",
            "p.o1, p.o2, p.k",
            args,
            null).Items;
    }

    /// <summary>
    /// A page of the claims <paramref name="speaker"/> made, newest document first, with how many there are.
    /// Reads the speaker's index from the newest end: the cost is the page, whatever the speaker's total.
    /// </summary>
    public FactPage<ClaimFact> ClaimsBy(EntityRef speaker, int offset = 0, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        CheckPage(offset, limit);
        using var transaction = BeginRead();
        return ClaimsBy(new FactReader(_connection, transaction, _dialect), speaker.Id, offset, limit);
    }

    /// <summary>A page of the claims about <paramref name="subject"/>, newest document first, with how many there are.</summary>
    public FactPage<ClaimFact> ClaimsAbout(EntityRef subject, int offset = 0, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(subject);
        CheckPage(offset, limit);
        using var transaction = BeginRead();
        return ClaimsAbout(new FactReader(_connection, transaction, _dialect), subject.Id, offset, limit);
    }

    private static FactPage<ClaimFact> ClaimsBy(FactReader reader, string speakerId, int offset, int limit)
    {
        var r = reader.RowId;
        var args = new { Id = speakerId, Offset = offset, Take = limit + 1 };
        // Rejected claims are few: counted from the status index (the "|| ''" keeps the planner off the speaker's).
        var totals = new Totals(
            "SELECT 1 FROM claims c WHERE c.speaker_id = @Id",
            "SELECT count(*) FROM claims c WHERE c.status = 'rejected' AND c.speaker_id || '' = @Id");
        var read = ReadClaims(
            reader,
            $"""
            SELECT c.{r} AS k, c.day AS o1, c.{r} AS o2 FROM claims c
            WHERE c.speaker_id = @Id AND c.status <> 'rejected'
            ORDER BY c.day DESC, c.{r} DESC LIMIT @Take OFFSET @Offset
            """,
            "p.o1 DESC, p.o2 DESC",
            args,
            totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    private static FactPage<ClaimFact> ClaimsAbout(FactReader reader, string subjectId, int offset, int limit)
    {
        var r = reader.RowId;
        var args = new { Id = subjectId, Offset = offset, Take = limit + 1 };
        var totals = new Totals(
            "SELECT 1 FROM claim_about a WHERE a.entity_id = @Id",
            """
            SELECT count(*) FROM claims c JOIN claim_about a ON a.document_id = c.document_id AND a.claim_id = c.id
            WHERE c.status = 'rejected' AND a.entity_id || '' = @Id
            """);
        var read = ReadClaims(
            reader,
            $"""
            SELECT c.{r} AS k, a.day AS o1, a.{r} AS o2
            FROM claim_about a JOIN claims c ON c.document_id = a.document_id AND c.id = a.claim_id
            WHERE a.entity_id = @Id AND c.status <> 'rejected'
            ORDER BY a.day DESC, a.{r} DESC LIMIT @Take OFFSET @Offset
            """,
            "p.o1 DESC, p.o2 DESC",
            args,
            totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// The claims whose row ids <paramref name="page"/> selects (as k, with the columns
    /// <paramref name="order"/> sorts by), with their speakers, subjects and sources, in that order, and the
    /// <paramref name="totals"/> when a page asks for them.
    /// </summary>
    private static Read<ClaimFact> ReadClaims(FactReader reader, string page, string order, object? args, Totals? totals)
    {
        var r = reader.RowId;
        var rows = reader.Connection.Query<ClaimFactRow>(
                $"""
                WITH page AS ({page})
                SELECT c.id, c.document_id AS DocumentId, c.speaker_id AS SpeakerId, s.name AS SpeakerName, s.type AS SpeakerType,
                       c.cue, c.text, {reader.SourceColumns("c", "d")}{TotalsColumns(totals)}
                FROM page p
                JOIN claims c ON c.{r} = p.k
                JOIN documents d ON d.id = c.document_id
                JOIN entities s ON s.id = c.speaker_id
                ORDER BY {order}
                """,
                args,
                reader.Transaction)
            .AsList();
        var about = rows.Count <= 200
            ? reader.Links("claim_about", "claim_id", rows.Select(row => (row.DocumentId, row.Id)).ToList())
            : reader.Links("claim_about", "claim_id", $"WITH page AS ({page}) SELECT c.document_id, c.id FROM page p JOIN claims c ON c.{r} = p.k", args);
        var claims = rows
            .Select(row => new ClaimFact(
                row.Id,
                reader.Entity(row.SpeakerId, row.SpeakerName, row.SpeakerType),
                row.Cue,
                row.Text,
                about.Members(row.DocumentId, row.Id),
                reader.Source(row)))
            .ToList();
        return new Read<ClaimFact>(claims, rows.FirstOrDefault()?.Counted ?? 0, rows.FirstOrDefault()?.Excluded ?? 0);
    }
}
