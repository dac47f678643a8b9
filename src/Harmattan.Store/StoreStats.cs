using Harmattan.Knowledge;

namespace Harmattan.Store;

/// <summary>
/// What the knowledge base holds. <see cref="SizeBytes"/> is the database's logical size (pages in use,
/// including those still in the write-ahead log), which is what the file shrinks or grows to.
/// </summary>
public sealed record StoreStats(
    int SchemaVersion,
    long Documents,
    long Entities,
    long Aliases,
    long Mentions,
    long Claims,
    long Relations,
    long Events,
    long Quantities,
    IReadOnlyDictionary<EntityType, long> EntitiesByType,
    IReadOnlyList<TopEntity> TopEntities,
    long SizeBytes);

/// <summary>An entity ranked by how often the stored documents mention it.</summary>
public sealed record TopEntity(string Id, string Name, EntityType Type, int Documents, int Mentions);
