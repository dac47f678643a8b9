using System.Text.Json.Serialization;
using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>The kinds of fact an analyst reviews; each is one table of the store.</summary>
public enum FactKind
{
    [JsonStringEnumMemberName("entity")] Entity,
    [JsonStringEnumMemberName("claim")] Claim,
    [JsonStringEnumMemberName("relation")] Relation,
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("attribute")] Attribute,
}

/// <summary>What an analyst does to a fact. A correction changes fields and confirms the fact.</summary>
public enum ReviewAction
{
    [JsonStringEnumMemberName("confirm")] Confirm,
    [JsonStringEnumMemberName("reject")] Reject,
    [JsonStringEnumMemberName("correct")] Correct,
}

/// <summary>
/// One fact: an entity by its id (<see cref="DocumentId"/> null), or a document's claim, relation, event
/// or attribute by the document id (or a prefix) and the fact's id within it.
/// </summary>
public sealed record FactRef(FactKind Kind, string? DocumentId, string FactId)
{
    public override string ToString() =>
        DocumentId is null ? $"{Kind.ToString().ToLowerInvariant()}:{FactId}" : $"{Kind.ToString().ToLowerInvariant()}:{DocumentId}:{FactId}";
}

/// <summary>
/// An analyst's review of one fact. <see cref="Changes"/> (field name to new value) is required for a
/// correction and refused otherwise; the fields each kind takes are <see cref="ReviewFields.Correctable"/>.
/// When <see cref="ExpectedStatus"/> is given and the fact is no longer in it (someone reviewed it
/// meanwhile), the review is refused with HRM0217 rather than silently overwriting theirs.
/// </summary>
public sealed record ReviewRequest(
    FactRef Fact,
    ReviewAction Action,
    IReadOnlyDictionary<string, string?>? Changes,
    string By,
    ReviewStatus? ExpectedStatus = null);

/// <summary>One field a correction changed, as stored (an entity id for a speaker, an ISO date for a date).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A recorded review: who did what to which fact and when, and whether it was undone.</summary>
public sealed record ReviewRecord(
    string Id,
    FactKind Kind,
    string? DocumentId,
    string FactId,
    ReviewAction Action,
    IReadOnlyList<FieldChange> Changes,
    ReviewStatus StatusBefore,
    ReviewStatus StatusAfter,
    string By,
    DateTimeOffset At,
    string? UndoneBy,
    DateTimeOffset? UndoneAt);

/// <summary>The evidence of a fact: its span in the document text and the words there.</summary>
public sealed record EvidenceText(int Start, int End, string Text);

/// <summary>
/// A fact as the review queue shows it: what it says in one line (<see cref="Summary"/>), its current
/// fields (the correctable ones and the context), how sure the extraction was, and its evidence.
/// For an entity, the evidence is the first one of its best-scored document.
/// </summary>
public sealed record ReviewItem(
    FactKind Kind,
    string? DocumentId,
    string? DocumentTitle,
    string FactId,
    ReviewStatus Status,
    double Confidence,
    string Summary,
    EvidenceText? Evidence,
    IReadOnlyDictionary<string, string?> Fields);

/// <summary>Which facts the queue lists: by kind, document and status (proposed by default).</summary>
public sealed record ReviewQueueFilter(FactKind? Kind = null, string? Document = null, ReviewStatus Status = ReviewStatus.Proposed);

/// <summary>Which recorded reviews to list: of one kind, document or fact.</summary>
public sealed record ReviewLogFilter(FactKind? Kind = null, string? Document = null, string? FactId = null);

/// <summary>What re-extracting a stored document did: facts kept because an analyst reviewed them, and the rest replaced.</summary>
public sealed record ReextractOutcome(string DocumentId, int KeptReviewed, int Removed, int Added);

/// <summary>
/// Fact kinds and review statuses as hosts take them from users (a query parameter, a command-line word):
/// any case, the names only (never the enum's numbers), a blank one meaning none. A bad one is HRM0401
/// about <c>subject</c>, the parameter or word it came from.
/// </summary>
public static class ReviewNames
{
    public static FactKind? Kind(string? text, string subject) =>
        Parse<FactKind>(text, subject, "entity, claim, relation, event, attribute");

    public static ReviewStatus? Status(string? text, string subject) =>
        Parse<ReviewStatus>(text, subject, "proposed, confirmed, rejected");

    private static T? Parse<T>(string? text, string subject, string names)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var word = text.Trim();
        return Enum.TryParse<T>(word, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(word[0])
            ? value
            : throw HarmattanError.BadArgument.At(subject, $"'{word}' is not one of {names}");
    }
}

/// <summary>The fields an analyst may correct, per kind of fact.</summary>
public static class ReviewFields
{
    public static IReadOnlyList<string> Correctable(FactKind kind) => kind switch
    {
        FactKind.Entity => ["name", "type"],
        FactKind.Claim => ["speaker"],
        FactKind.Relation => ["type", "role"],
        FactKind.Event => ["type", "date"],
        FactKind.Attribute => ["value"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
