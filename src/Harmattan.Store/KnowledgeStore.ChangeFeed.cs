using System.Data.Common;
using Dapper;

namespace Harmattan.Store;

/// <summary>
/// What changed in the knowledge base after one line of its audit log (<see cref="KnowledgeStore.ChangesSince"/>):
/// the entities whose facts changed, or <see cref="Everything"/> when a change reaches further than a list of entities
/// says (a merge or split renames references everywhere, a deletion or re-extraction drops facts whose entities are
/// no longer listed anywhere, a correction may point a fact at any entity).
/// </summary>
/// <param name="Latest">The last audit line read: ask again from here.</param>
public sealed record KnowledgeChanges(long Latest, bool Everything, IReadOnlySet<string> Entities);

/// <summary>Whether the team (users, tokens) changed after one line of the audit log (<see cref="KnowledgeStore.TeamChangesSince"/>).</summary>
/// <param name="Latest">The last audit line read: ask again from here.</param>
public sealed record TeamChanges(long Latest, bool Changed);

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// More audit lines than this since the point asked about, and <see cref="ChangesSince"/> answers
    /// <see cref="KnowledgeChanges.Everything"/> rather than list what a large ingest touched.
    /// </summary>
    public const int ChangeFeedLimit = 1_000;

    /// <summary>
    /// The knowledge base's latest change: the sequence number of the last line of its audit log, 0 when it has
    /// none. Every write is audited in its own transaction, and writers commit one at a time on both backends (a
    /// writer holds SQLite's write lock, or PostgreSQL's advisory lock, until its commit is visible), so lines
    /// become visible in sequence order: once a reader sees line N, no line before N is still to come.
    /// </summary>
    public long LatestAuditLine()
    {
        using var transaction = BeginRead();
        return LatestAuditLine(transaction);
    }

    /// <summary><see cref="LatestAuditLine()"/>, read in a transaction already open.</summary>
    private long LatestAuditLine(DbTransaction transaction) =>
        _connection.ExecuteScalar<long?>("SELECT max(seq) FROM audit_log", transaction: transaction) ?? 0;

    /// <summary>
    /// The entities whose facts changed after audit line <paramref name="after"/>, read from the audit log, so a
    /// change made by any process on the same knowledge base counts: a stored or imported document changes the
    /// entities it names; a review (or its undo) that confirms or rejects a fact changes the entities the fact
    /// links (a claim's speaker and subjects, a relation's two ends, an event's actors and places, an attribute's
    /// entity and speaker). A merge, split, deletion, re-extraction, correction, entity review, more than
    /// <see cref="ChangeFeedLimit"/> lines, or an action this version does not know changes
    /// <see cref="KnowledgeChanges.Everything"/>. Team changes (users, tokens) change no fact.
    /// </summary>
    public KnowledgeChanges ChangesSince(long after)
    {
        using var transaction = BeginRead();
        var args = new { After = after, Limit = ChangeFeedLimit + 1 };
        var lines = _connection.Query<(long Seq, string Action, string? Kind, string? Review)>(
                """
                SELECT l.seq, l.action, r.kind, r.action
                FROM audit_log l LEFT JOIN reviews r ON l.action IN ('review', 'review.undo') AND r.id = l.subject
                WHERE l.seq > @After ORDER BY l.seq LIMIT @Limit
                """,
                args,
                transaction)
            .AsList();
        if (lines.Count == 0)
        {
            return new KnowledgeChanges(after, false, new HashSet<string>());
        }

        var latest = lines[^1].Seq;
        if (lines.Count > ChangeFeedLimit || lines.Any(line => ChangesEverything(line.Action, line.Kind, line.Review)))
        {
            return new KnowledgeChanges(latest, true, new HashSet<string>());
        }

        var entities = _connection.Query<string>(
            """
            WITH lines AS (SELECT action, subject FROM audit_log WHERE seq > @After AND seq <= @Latest),
            documents AS (SELECT subject AS id FROM lines WHERE action IN ('ingest', 'import')),
            facts AS (
                SELECT r.kind, r.document_id, r.fact_id FROM lines l JOIN reviews r ON r.id = l.subject
                WHERE l.action IN ('review', 'review.undo'))
            SELECT x.entity_id FROM documents d JOIN document_entities x ON x.document_id = d.id
            UNION SELECT c.speaker_id FROM facts f JOIN claims c ON c.document_id = f.document_id AND c.id = f.fact_id
                WHERE f.kind = 'claim' AND c.speaker_id IS NOT NULL
            UNION SELECT a.entity_id FROM facts f JOIN claim_about a ON a.document_id = f.document_id AND a.claim_id = f.fact_id
                WHERE f.kind = 'claim'
            UNION SELECT e.id FROM facts f JOIN relations r ON r.document_id = f.document_id AND r.id = f.fact_id
                JOIN entities e ON e.id IN (r.source_id, r.target_id)
                WHERE f.kind = 'relation'
            UNION SELECT e.entity_id FROM facts f JOIN event_actors e ON e.document_id = f.document_id AND e.event_id = f.fact_id
                WHERE f.kind = 'event'
            UNION SELECT e.entity_id FROM facts f JOIN event_places e ON e.document_id = f.document_id AND e.event_id = f.fact_id
                WHERE f.kind = 'event'
            UNION SELECT e.id FROM facts f JOIN properties p ON p.document_id = f.document_id AND p.id = f.fact_id
                JOIN entities e ON e.id IN (p.entity_id, p.speaker_id)
                WHERE f.kind = 'attribute'
            """,
            new { After = after, Latest = latest },
            transaction);
        return new KnowledgeChanges(latest, false, entities.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether a user was added or disabled, or a token issued or revoked, after audit line <paramref name="after"/>:
    /// what a server asks before trusting what it remembers of its callers, so that a change made by any process
    /// on the same knowledge base holds from the next request on. One range read of the log's newest lines (mostly
    /// none: an index probe).
    /// </summary>
    public TeamChanges TeamChangesSince(long after)
    {
        using var transaction = BeginRead();
        var (latest, team) = _connection.QuerySingle<(long?, long?)>(
            """
            SELECT max(seq), sum(CASE WHEN action LIKE 'user.%' OR action LIKE 'token.%' THEN 1 ELSE 0 END)
            FROM audit_log WHERE seq > @After
            """,
            new { After = after },
            transaction);
        return new TeamChanges(latest ?? after, team > 0);
    }

    /// <summary>Whether an audit line (with its review's kind and action, for a review) may change any entity's facts.</summary>
    private static bool ChangesEverything(string action, string? reviewKind, string? reviewAction) => action switch
    {
        "ingest" or "import" => false,
        "review" or "review.undo" => reviewKind is null or "entity" || reviewAction is not ("confirm" or "reject"),
        _ => !(action.StartsWith("user.", StringComparison.Ordinal) || action.StartsWith("token.", StringComparison.Ordinal)),
    };
}
