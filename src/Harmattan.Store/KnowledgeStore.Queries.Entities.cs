using Dapper;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Store;

public sealed partial class KnowledgeStore
{
    /// <summary>The shortest entity id prefix <see cref="ResolveEntity"/> accepts after <c>ent_</c>.</summary>
    public const int MinimumEntityPrefixLength = 6;

    /// <summary>
    /// The one entity an analyst means by <paramref name="nameOrId"/>: HRM0210 when nothing matches,
    /// HRM0211 listing the candidates when several do. See <see cref="FindEntities"/> for the order of tests.
    /// </summary>
    public EntityRef ResolveEntity(string nameOrId)
    {
        var found = FindEntities(nameOrId);
        return found.Count switch
        {
            0 => throw HarmattanError.EntityNotFound.At(nameOrId.Trim(), "try a name, an alias, a registry id or an entity id"),
            1 => found[0],
            _ => throw HarmattanError.AmbiguousEntity.At(
                nameOrId.Trim(),
                "candidates: " + string.Join("; ", found.Select(e => $"{e.Name} ({e.Type}, {e.Id})"))),
        };
    }

    /// <summary>
    /// The entities <paramref name="nameOrId"/> may mean, from the first test that finds any: the exact
    /// entity id; the registry id; the canonical name; an alias; an entity id prefix (<c>ent_</c> and at
    /// least <see cref="MinimumEntityPrefixLength"/> hex digits). Names and aliases compare by
    /// <see cref="NameKey.Fold"/>, so case, accents, hyphens and a leading "the" do not matter.
    /// </summary>
    public IReadOnlyList<EntityRef> FindEntities(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var wanted = nameOrId.Trim();
        if (wanted.Length == 0)
        {
            throw HarmattanError.BadArgument.At("NAME", "an entity name or id is empty");
        }

        using var transaction = _connection.BeginTransaction(deferred: true);
        var names = _connection.Query<NameRow>(
            "SELECT id AS EntityId, name, registry_id AS RegistryId FROM entities ORDER BY name, id", transaction: transaction).ToList();
        var byId = names.Find(n => string.Equals(n.EntityId, wanted, StringComparison.Ordinal));
        if (byId is not null)
        {
            return [Ref(byId.EntityId)];
        }

        var registry = names.Where(n => string.Equals(n.RegistryId, wanted, StringComparison.OrdinalIgnoreCase)).Select(n => n.EntityId).ToList();
        if (registry.Count > 0)
        {
            return registry.Select(Ref).ToList();
        }

        var key = NameKey.Fold(wanted);
        if (key.Length > 0)
        {
            var named = names.Where(n => string.Equals(NameKey.Fold(n.Name), key, StringComparison.Ordinal)).Select(n => n.EntityId).ToList();
            if (named.Count > 0)
            {
                return named.Select(Ref).ToList();
            }

            var aliased = _connection.Query<NameRow>(
                    "SELECT a.entity_id AS EntityId, a.alias AS Name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id ORDER BY e.name, e.id",
                    transaction: transaction)
                .Where(a => string.Equals(NameKey.Fold(a.Name), key, StringComparison.Ordinal))
                .Select(a => a.EntityId)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (aliased.Count > 0)
            {
                return aliased.Select(Ref).ToList();
            }
        }

        var prefix = wanted.ToLowerInvariant();
        if (prefix.StartsWith("ent_", StringComparison.Ordinal) && prefix.Length >= 4 + MinimumEntityPrefixLength)
        {
            return names.Where(n => n.EntityId.StartsWith(prefix, StringComparison.Ordinal)).Select(n => Ref(n.EntityId)).ToList();
        }

        return [];

        EntityRef Ref(string id)
        {
            var row = _connection.QuerySingle<EntityRefRow>("SELECT id, name, type FROM entities WHERE id = @Id", new { Id = id }, transaction);
            return new EntityRef(row.Id, row.Name, Enum.Parse<EntityType>(row.Type));
        }
    }
}
