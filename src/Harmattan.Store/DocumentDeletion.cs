namespace Harmattan.Store;

/// <summary>
/// What deleting a document removed, and what it deliberately left. <see cref="Facts"/> counts its claims,
/// relations, events, quantities and attributes; <see cref="Reviews"/> the analysts' reviews of those facts,
/// which went with them (each review's line in the audit log stays). <see cref="RemovedEntities"/> were named
/// by this document only; <see cref="KeptEntities"/> too, but an analyst reviewed, merged or split them, so
/// they stay. <see cref="StrandedChanges"/> are merges and splits in force that rewrote rows of the document:
/// they stay in force but can no longer be undone (HRM0214).
/// </summary>
public sealed record DocumentDeletion(
    string Id,
    string Title,
    int Facts,
    int Mentions,
    int Reviews,
    IReadOnlyList<EntityHandle> RemovedEntities,
    IReadOnlyList<EntityHandle> KeptEntities,
    IReadOnlyList<string> StrandedChanges,
    string By,
    DateTimeOffset At);
