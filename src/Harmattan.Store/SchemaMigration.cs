namespace Harmattan.Store;

/// <summary>
/// A migration about to run on an existing knowledge base (<see cref="KnowledgeStore.Open"/> tells its caller,
/// which may say so: a migration that rewrites tables takes minutes on a large knowledge base).
/// </summary>
/// <param name="Location">The knowledge base, as messages name it (never a password).</param>
/// <param name="From">The schema version it is at.</param>
/// <param name="To">The version it is brought to, the latest.</param>
public sealed record SchemaMigration(string Location, int From, int To);
