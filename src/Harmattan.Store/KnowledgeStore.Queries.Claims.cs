using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Claims by a speaker and/or about an entity, in document date order, then text order. The period is
    /// compared with the dates of the documents the claims are in (published, else ingested). Reads the whole
    /// list: for exports and briefs; hosts page through <see cref="ClaimsPage"/>.
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
    public FactPage<ClaimFact> ClaimsBy(EntityRef speaker, int offset = 0, int limit = 20) =>
        EntityPage(speaker, offset, limit, (reader, id) => ClaimsBy(reader, id, offset, limit));

    /// <summary>A page of the claims about <paramref name="subject"/>, newest document first, with how many there are.</summary>
    public FactPage<ClaimFact> ClaimsAbout(EntityRef subject, int offset = 0, int limit = 20) =>
        EntityPage(subject, offset, limit, (reader, id) => ClaimsAbout(reader, id, offset, limit));

    /// <summary>
    /// A page of the claims the filter admits, newest document first (then the newest written first), with
    /// how many there are (counted up to <see cref="CountLimit"/>). The page is read from an index from its
    /// newest end, so it costs the page, not the size of the knowledge base: the claims' day index without a
    /// speaker or subject, the speaker's or the subject's index with one, and with both the index of whichever
    /// has fewer claims in the period, the other checked claim by claim (so that page costs at most the
    /// smaller entity's claims when the two rarely meet). A period is a range of days on the index. Rejected
    /// claims are left out.
    /// </summary>
    public FactPage<ClaimFact> ClaimsPage(ClaimFilter? filter = null, int offset = 0, int limit = 50)
    {
        CheckPage(offset, limit);
        filter ??= new ClaimFilter();
        using var transaction = BeginRead();
        return ClaimsPage(new FactReader(_connection, transaction, _dialect), filter.Speaker?.Id, filter.About?.Id, filter.Period ?? DatePeriod.Always, offset, limit);
    }

    private static FactPage<ClaimFact> ClaimsBy(FactReader reader, string speakerId, int offset, int limit) =>
        ClaimsPage(reader, speakerId, null, DatePeriod.Always, offset, limit);

    private static FactPage<ClaimFact> ClaimsAbout(FactReader reader, string subjectId, int offset, int limit) =>
        ClaimsPage(reader, null, subjectId, DatePeriod.Always, offset, limit);

    private static FactPage<ClaimFact> ClaimsPage(FactReader reader, string? speakerId, string? subjectId, DatePeriod period, int offset, int limit)
    {
        var r = reader.RowId;
        // The period is a condition on the index the page walks: the claim's day, or its link's (the same).
        var (byClaim, args) = DocumentPeriod(reader, "c", period);
        var byLink = DocumentPeriod("a", period);
        args.AddDynamicParams(new { Speaker = speakerId, About = subjectId, Offset = offset, Take = limit + 1 });
        var fromSubject = subjectId is not null && (speakerId is null || !SpeakerHasFewerClaims(reader, byClaim, byLink, args));
        var bySpeaker = speakerId is null ? "" : " AND c.speaker_id = @Speaker";
        var (keys, order) = fromSubject
            ? ($"""
               SELECT c.{r} AS k, a.day AS o1, a.{r} AS o2
               FROM claim_about a JOIN claims c ON c.document_id = a.document_id AND c.id = a.claim_id
               WHERE a.entity_id = @About AND {byLink} AND c.status <> 'rejected'{bySpeaker}
               """,
               $"a.day DESC, a.{r} DESC")
            : ($"""
               SELECT c.{r} AS k, c.day AS o1, c.{r} AS o2 FROM claims c
               WHERE {byClaim} AND c.status <> 'rejected'{bySpeaker}{(subjectId is null ? "" : " AND EXISTS (SELECT 1 FROM claim_about a WHERE a.document_id = c.document_id AND a.claim_id = c.id AND a.entity_id = @About)")}
               """,
               $"c.day DESC, c.{r} DESC");

        // The count walks the same index without reading the rows, from the newest end (with a period, the
        // facts dated before it, which look their document up, come last); rejected claims are few, counted
        // from the status index (the "|| ''" keeps the planner off the entity's index). With both a speaker
        // and a subject, it reads the rows it counts.
        var totals = (speakerId, subjectId) switch
        {
            (null, null) => new Totals(
                $"SELECT 1 FROM claims c WHERE {byClaim} ORDER BY c.day DESC",
                $"SELECT count(*) FROM claims c WHERE c.status = 'rejected' AND {byClaim}"),
            (not null, null) => new Totals(
                $"SELECT 1 FROM claims c WHERE c.speaker_id = @Speaker AND {byClaim} ORDER BY c.day DESC",
                $"SELECT count(*) FROM claims c WHERE c.status = 'rejected' AND c.speaker_id || '' = @Speaker AND {byClaim}"),
            (null, not null) => new Totals(
                $"SELECT 1 FROM claim_about a WHERE a.entity_id = @About AND {byLink} ORDER BY a.day DESC",
                $"""
                SELECT count(*) FROM claims c JOIN claim_about a ON a.document_id = c.document_id AND a.claim_id = c.id
                WHERE c.status = 'rejected' AND a.entity_id || '' = @About AND {byLink}
                """),
            _ => new Totals(keys, null),
        };
        var read = ReadClaims(reader, $"{keys}\nORDER BY {order} LIMIT @Take OFFSET @Offset", "p.o1 DESC, p.o2 DESC", args, totals);
        return Page(reader, read, offset, limit, totals, args);
    }

    /// <summary>
    /// Whether the speaker made no more claims in the period than there are about the subject (each counted
    /// from its index, up to <see cref="CountLimit"/>): which index a page of the claims by one about the
    /// other walks.
    /// </summary>
    private static bool SpeakerHasFewerClaims(FactReader reader, string byClaim, string byLink, DynamicParameters args)
    {
        var (speaker, subject) = reader.Connection.QuerySingle<(long, long)>(
            $"""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM claims c WHERE c.speaker_id = @Speaker AND {byClaim} LIMIT {CountLimit + 1}) s),
                   (SELECT count(*) FROM (SELECT 1 FROM claim_about a WHERE a.entity_id = @About AND {byLink} LIMIT {CountLimit + 1}) x)
            """,
            args,
            reader.Transaction);
        return speaker <= subject;
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
