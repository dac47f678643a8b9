using System.Data.Common;
using Dapper;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>
    /// Who a change is recorded as when its caller names nobody (a verb run on the machine that holds the
    /// knowledge base, with no <c>--by</c>).
    /// </summary>
    public const string LocalUser = "local";

    /// <summary>
    /// Writes one line of the audit log in the transaction of the change it records, so a change and its
    /// line are committed or rolled back together. Every write the store makes on someone's behalf calls it.
    /// </summary>
    private void Audit(DbTransaction transaction, string? by, string action, string subject, string detail) =>
        _connection.Execute(
            "INSERT INTO audit_log (at, by, action, subject, detail) VALUES (@At, @By, @Action, @Subject, @Detail)",
            new
            {
                At = StoredValues.Timestamp(_clock.GetUtcNow()),
                By = string.IsNullOrWhiteSpace(by) ? LocalUser : by.Trim(),
                Action = action,
                Subject = subject,
                Detail = detail.Length > 500 ? detail[..500] : detail,
            },
            transaction);

    /// <summary>
    /// Audit lines the filter admits, newest first (oldest first with <paramref name="oldestFirst"/>, as an
    /// export reads them), with how many it admits in all.
    /// </summary>
    public (IReadOnlyList<AuditEntry> Entries, int Total) ListAudit(AuditFilter? filter = null, int offset = 0, int limit = 100, bool oldestFirst = false)
    {
        filter ??= new AuditFilter();
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var transaction = BeginRead();
        const string Where = """
            (@Since IS NULL OR at >= @Since) AND (@Action IS NULL OR action = @Action OR action LIKE @ActionFamily)
            AND (@By IS NULL OR by = @By)
            """;
        var action = string.IsNullOrWhiteSpace(filter.Action) ? null : filter.Action.Trim();
        var args = new
        {
            Since = filter.Since is { } since ? StoredValues.Timestamp(since) : null,
            Action = action,
            ActionFamily = action is null ? null : action + ".%",
            By = string.IsNullOrWhiteSpace(filter.By) ? null : filter.By.Trim(),
            Offset = offset,
            Limit = limit,
        };
        var total = _connection.ExecuteScalar<long>($"SELECT count(*) FROM audit_log WHERE {Where}", args, transaction);
        var order = oldestFirst ? "seq" : "seq DESC";
        var entries = _connection.Query<(long Seq, string At, string By, string Action, string Subject, string Detail)>(
                $"SELECT seq, at, by, action, subject, detail FROM audit_log WHERE {Where} ORDER BY {order} LIMIT @Limit OFFSET @Offset",
                args,
                transaction)
            .Select(r => new AuditEntry(r.Seq, StoredValues.ParseTimestamp(r.At), r.By, r.Action, r.Subject, r.Detail))
            .ToList();
        return (entries, (int)total);
    }
}
