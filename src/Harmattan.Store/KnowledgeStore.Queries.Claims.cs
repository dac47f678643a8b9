using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Claims by a speaker and/or about an entity, in document date order, then text order. The period is
    /// compared with the dates of the documents the claims are in (published, else ingested).
    /// </summary>
    public IReadOnlyList<ClaimFact> FindClaims(ClaimFilter? filter = null)
    {
        filter ??= new ClaimFilter();
        var period = filter.Period ?? DatePeriod.Always;
        using var transaction = BeginRead();
        var reader = new FactReader(_connection, transaction, _dialect);
        var where = "1 = 1";
        if (filter.Speaker is not null)
        {
            where += " AND c.speaker_id = @Speaker";
        }

        if (filter.About is not null)
        {
            where += " AND EXISTS (SELECT 1 FROM claim_about a WHERE a.document_id = c.document_id AND a.claim_id = c.id AND a.entity_id = @About)";
        }

        return ReadClaims(reader, where, new { Speaker = filter.Speaker?.Id, About = filter.About?.Id })
            .Where(c => period.Overlaps(c.From.Date))
            .ToList();
    }

    internal static List<ClaimFact> ReadClaims(FactReader reader, string where, object? args)
    {
        var owners = $"SELECT c.document_id, c.id FROM claims c WHERE c.status <> 'rejected' AND ({where})";
        var about = reader.Links( "claim_about", "claim_id", owners, args);
        return reader.Connection.Query<ClaimFactRow>(
                $"""
                SELECT c.id, c.document_id AS DocumentId, c.speaker_id AS SpeakerId, c.cue, c.text,
                       c.evidence_start AS EvidenceStart, c.evidence_end AS EvidenceEnd
                FROM claims c
                WHERE c.status <> 'rejected' AND ({where})
                ORDER BY c.seq
                """,
                args,
                reader.Transaction)
            .Select(row => new ClaimFact(
                row.Id,
                reader.Entity(row.SpeakerId),
                row.Cue,
                row.Text,
                about.Members(row.DocumentId, row.Id),
                reader.Source(row.DocumentId, row.EvidenceStart, row.EvidenceEnd)))
            .OrderBy(c => c.From.Date.Earliest)
            .ThenBy(c => c.From.DocumentId, StringComparer.Ordinal)
            .ToList();
    }
}
