using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Knowledge;

/// <summary>
/// The open vocabularies of the knowledge base, read from <c>data/schema/</c>: entity types
/// (<c>entities/</c>), relation types (<c>relations/</c>) and event types (<c>events/</c>), one YAML
/// file per type named after it. Immutable once loaded; build it once and pass it in.
/// </summary>
/// <remarks>
/// Guarantees after <see cref="Load"/>: every file has exactly the allowed keys with the required
/// ones present; every <see cref="EntityType"/> has one file and no file names another type; names
/// are unique and equal their file names; relation ranges name known entity types; event names and
/// aliases do not collide (after <see cref="NameKey.Fold"/>). Any violation is HRM0301 naming the
/// file and line.
/// </remarks>
public sealed partial class Schema
{
    private static readonly string[] StixEntityObjects = ["identity", "threat-actor", "intrusion-set", "location", "campaign"];
    private static readonly string[] StixIdentityClasses = ["individual", "group", "system", "organization", "class", "unknown"];

    private readonly Dictionary<EntityType, EntityTypeSchema> _entities;
    private readonly Dictionary<string, RelationTypeSchema> _relations;
    private readonly Dictionary<string, EventTypeSchema> _eventsByKey;

    private Schema(
        Dictionary<EntityType, EntityTypeSchema> entities,
        Dictionary<string, RelationTypeSchema> relations,
        List<EventTypeSchema> events,
        Dictionary<string, EventTypeSchema> eventsByKey)
    {
        _entities = entities;
        _relations = relations;
        _eventsByKey = eventsByKey;
        EntityTypes = [.. entities.Values.OrderBy(e => e.Type)];
        RelationTypes = [.. relations.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
        EventTypes = [.. events.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>The six entity types in <see cref="EntityType"/> order.</summary>
    public IReadOnlyList<EntityTypeSchema> EntityTypes { get; }

    /// <summary>Relation types, sorted by name.</summary>
    public IReadOnlyList<RelationTypeSchema> RelationTypes { get; }

    /// <summary>Event types, sorted by name.</summary>
    public IReadOnlyList<EventTypeSchema> EventTypes { get; }

    /// <summary>The description of an entity type; every type has one.</summary>
    public EntityTypeSchema Entity(EntityType type) => _entities[type];

    /// <summary>Finds a relation type by its exact name (<c>offshoot_of</c>).</summary>
    public bool TryGetRelation(string name, [NotNullWhen(true)] out RelationTypeSchema? relation) =>
        _relations.TryGetValue(name, out relation);

    /// <summary>Finds an event type by its name or one of its aliases, compared by folded key ("talks" finds negotiation).</summary>
    public bool TryGetEvent(string nameOrAlias, [NotNullWhen(true)] out EventTypeSchema? eventType) =>
        _eventsByKey.TryGetValue(NameKey.Fold(nameOrAlias), out eventType);

    /// <summary>Reads and validates <c>schema/</c> under <paramref name="data"/>.</summary>
    /// <exception cref="HarmattanException">HRM0301 naming the file and line of the first problem.</exception>
    public static Schema Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var entities = LoadEntities(Path.Combine(data.SchemaPath, "entities"));
        var relations = new Dictionary<string, RelationTypeSchema>(StringComparer.Ordinal);
        foreach (var file in Files(Path.Combine(data.SchemaPath, "relations")))
        {
            var r = ReadRelation(file);
            relations.Add(r.Name, r);
        }

        var events = new List<EventTypeSchema>();
        var byKey = new Dictionary<string, EventTypeSchema>(StringComparer.Ordinal);
        foreach (var file in Files(Path.Combine(data.SchemaPath, "events")))
        {
            var (e, map) = ReadEvent(file);
            events.Add(e);
            foreach (var name in e.Aliases.Prepend(e.Name).Prepend(e.Label))
            {
                var key = NameKey.Fold(name);
                if (byKey.TryGetValue(key, out var other) && !ReferenceEquals(other, e))
                {
                    throw YamlFile.Error(file, map.LineOf("aliases"), $"'{name}' is also a name of event type '{other.Name}' ({other.File})");
                }

                byKey[key] = e;
            }
        }

        return new Schema(entities, relations, events, byKey);
    }

    private static string[] Files(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw HarmattanError.BadDataFile.At(folder, "the schema folder is missing");
        }

        var files = Directory.GetFiles(folder, "*.yaml");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static Dictionary<EntityType, EntityTypeSchema> LoadEntities(string folder)
    {
        var result = new Dictionary<EntityType, EntityTypeSchema>();
        foreach (var file in Files(folder))
        {
            var map = Root(file);
            map.AllowOnly("name", "label", "plural", "description", "parent", "stix", "acled_inter");
            var name = NameOfFile(map, file);
            if (!Enum.TryParse<EntityType>(name, ignoreCase: false, out var type) || !Enum.IsDefined(type))
            {
                throw YamlFile.Error(file, map.LineOf("name"),
                    $"'{name}' is not one of the entity types the code knows ({string.Join(", ", Enum.GetNames<EntityType>())}); the set is closed");
            }

            EntityType? parent = map.Optional("parent") is { } p ? ParseType(map, "parent", p) : null;
            var stix = map.OptionalMap("stix") ?? throw YamlFile.Error(file, map.Line, "missing 'stix'");
            stix.AllowOnly("type", "identity_class");
            var stixType = OneOf(stix, "type", StixEntityObjects);
            var identityClass = stix.Optional("identity_class") is null ? null : OneOf(stix, "identity_class", StixIdentityClasses);
            var inter = new List<int>();
            foreach (var code in map.List("acled_inter"))
            {
                if (!int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) || c is < 1 or > 8)
                {
                    throw YamlFile.Error(file, map.LineOf("acled_inter"), $"ACLED inter codes are 1 to 8, not '{code}'");
                }

                inter.Add(c);
            }

            result.Add(type, new EntityTypeSchema(type, map.Required("label"), map.Required("plural"),
                map.Required("description"), parent, stixType, identityClass, inter, file));
        }

        var missing = Enum.GetValues<EntityType>().Where(t => !result.ContainsKey(t)).ToArray();
        if (missing.Length > 0)
        {
            throw HarmattanError.BadDataFile.At(folder, "no schema file for entity type " + string.Join(", ", missing));
        }

        return result;
    }

    private static RelationTypeSchema ReadRelation(string file)
    {
        var map = Root(file);
        map.AllowOnly("name", "label", "reverse_label", "directed", "source", "target", "description", "stix");
        var name = NameOfFile(map, file);
        if (!SnakeCase().IsMatch(name))
        {
            throw YamlFile.Error(file, map.LineOf("name"), $"relation names are lower snake_case, not '{name}'");
        }

        var directed = map.Bool("directed") ?? throw YamlFile.Error(file, map.Line, "missing 'directed' (true or false)");
        var stix = map.OptionalMap("stix") ?? throw YamlFile.Error(file, map.Line, "missing 'stix'");
        stix.AllowOnly("relationship_type", "custom");
        return new RelationTypeSchema(name, map.Required("label"), map.Optional("reverse_label"), directed,
            Types(map, "source"), Types(map, "target"), map.Required("description"),
            stix.Required("relationship_type"),
            stix.Bool("custom") ?? throw YamlFile.Error(file, stix.Line, "missing 'custom' (true or false)"),
            file);
    }

    private static (EventTypeSchema Event, YamlMap Map) ReadEvent(string file)
    {
        var map = Root(file);
        map.AllowOnly("name", "label", "aliases", "description", "acled");
        var name = NameOfFile(map, file);
        if (!SnakeCase().IsMatch(name))
        {
            throw YamlFile.Error(file, map.LineOf("name"), $"event type names are lower snake_case, not '{name}'");
        }

        string? acledType = null;
        string? acledSub = null;
        if (map.OptionalMap("acled") is { } acled)
        {
            acled.AllowOnly("event_type", "sub_event_type");
            acledType = acled.Required("event_type");
            acledSub = acled.Optional("sub_event_type");
        }

        return (new EventTypeSchema(name, map.Required("label"), map.List("aliases"), map.Required("description"),
            acledType, acledSub, file), map);
    }

    private static YamlMap Root(string file) =>
        YamlFile.Load(file) is { } root
            ? YamlFile.Map(file, root, "a schema file")
            : throw YamlFile.Error(file, 1, "the file is empty");

    private static string NameOfFile(YamlMap map, string file)
    {
        var name = map.Required("name");
        if (!string.Equals(name, Path.GetFileNameWithoutExtension(file), StringComparison.Ordinal))
        {
            throw YamlFile.Error(file, map.LineOf("name"), $"name '{name}' differs from the file name");
        }

        return name;
    }

    private static IReadOnlyList<EntityType> Types(YamlMap map, string key)
    {
        var names = map.List(key);
        if (names.Count == 0)
        {
            throw YamlFile.Error(map.Path, map.LineOf(key), $"'{key}' must list at least one entity type");
        }

        return [.. names.Select(n => ParseType(map, key, n))];
    }

    private static EntityType ParseType(YamlMap map, string key, string name) =>
        Enum.TryParse<EntityType>(name, ignoreCase: false, out var t) && Enum.IsDefined(t)
            ? t
            : throw YamlFile.Error(map.Path, map.LineOf(key), $"'{name}' in '{key}' is not an entity type");

    private static string OneOf(YamlMap map, string key, string[] allowed)
    {
        var value = map.Required(key);
        return Array.IndexOf(allowed, value) >= 0
            ? value
            : throw YamlFile.Error(map.Path, map.LineOf(key), $"'{key}' must be one of {string.Join(", ", allowed)}, not '{value}'");
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
