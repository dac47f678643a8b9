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
                "candidates: " + string.Join("; ", found.Select(e => $"{e.Name} ({e.Type}, {e.Id})")),
                candidates: found.Select(e => new Candidate(e.Id, e.Name, e.Type.ToString())).ToList()),
        };
    }

    /// <summary>
    /// The entities <paramref name="nameOrId"/> may mean, from the first test that finds any: the exact
    /// entity id; the registry id; a name or alias (when several entities answer, those whose canonical
    /// name it is win over those that only have it as an alias); an entity id prefix (<c>ent_</c> and at
    /// least <see cref="MinimumEntityPrefixLength"/> hex digits). Names and aliases compare by
    /// <see cref="NameKey.Fold"/> through the entity_keys index, so case, accents, hyphens and a leading
    /// "the" do not matter.
    /// </summary>
    public IReadOnlyList<EntityRef> FindEntities(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var wanted = nameOrId.Trim();
        if (wanted.Length == 0)
        {
            throw HarmattanError.BadArgument.At("NAME", "an entity name or id is empty");
        }

        using var transaction = BeginRead();
        var byId = Refs("SELECT id, name, type FROM entities WHERE id = @Value", wanted);
        if (byId.Count > 0)
        {
            return byId;
        }

        var registry = Refs("SELECT id, name, type FROM entities WHERE registry_id = @Value ORDER BY name, id", wanted.ToLowerInvariant());
        if (registry.Count > 0)
        {
            return registry;
        }

        // entity_keys holds the folded name and every folded alias of each entity (kind 'name').
        var key = NameKey.Fold(wanted);
        if (key.Length > 0)
        {
            var named = Refs(
                """
                SELECT DISTINCT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id
                WHERE k.kind = 'name' AND k.key = @Value ORDER BY e.name, e.id
                """,
                key);
            var byName = named.Where(e => string.Equals(NameKey.Fold(e.Name), key, StringComparison.Ordinal)).ToList();
            if (named.Count > 0)
            {
                return byName.Count > 0 ? byName : named;
            }
        }

        var prefix = wanted.ToLowerInvariant();
        if (prefix.StartsWith("ent_", StringComparison.Ordinal) && prefix.Length >= 4 + MinimumEntityPrefixLength)
        {
            // Ids are "ent_" and lower-case hex, all below '{': a range on the primary key.
            return _connection.Query<EntityRefRow>(
                    "SELECT id, name, type FROM entities WHERE id >= @Prefix AND id < @Upper ORDER BY id LIMIT 20",
                    new { Prefix = prefix, Upper = prefix + "{" },
                    transaction)
                .Select(ToRef)
                .ToList();
        }

        return [];

        List<EntityRef> Refs(string sql, string value) =>
            _connection.Query<EntityRefRow>(sql, new { Value = value }, transaction).Select(ToRef).ToList();

        static EntityRef ToRef(EntityRefRow row) => new(row.Id, row.Name, Enum.Parse<EntityType>(row.Type));
    }
}
