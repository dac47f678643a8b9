using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>Whether a change folded one entity into another or moved one document's occurrences to a new entity.</summary>
public enum EntityChangeKind
{
    Merge,
    Split,
}

/// <summary>
/// An analyst's merge or split, as recorded. For a merge, <see cref="OtherId"/> was folded into
/// <see cref="EntityId"/>; for a split, <see cref="DocumentId"/>'s occurrences of <see cref="EntityId"/>
/// moved to the new entity <see cref="OtherId"/>. <see cref="Rows"/> counts the rows it rewrote, inserted
/// or removed, every one of which undoing it restores.
/// </summary>
public sealed record EntityChange(
    string Id,
    EntityChangeKind Kind,
    string EntityId,
    string EntityName,
    string OtherId,
    string OtherName,
    string? DocumentId,
    string By,
    DateTimeOffset At,
    int Rows,
    string? UndoneBy,
    DateTimeOffset? UndoneAt);

/// <summary>A stored entity as the merge and split commands name it.</summary>
public sealed record EntityHandle(string Id, EntityType Type, string Name, string? RegistryId);
