using Harmattan.Analysis.Places;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Exchange;

/// <summary>
/// What the formats need beyond the knowledge base: the schema (STIX and ACLED names of our types), the
/// registry (countries' ISO codes) and where places are. Built once from a data folder; immutable.
/// </summary>
public sealed class ExchangeContext
{
    private readonly PlaceLocator _locator;

    public ExchangeContext(Schema schema, ActorRegistry registry, Gazetteer gazetteer)
    {
        Schema = schema;
        Registry = registry;
        Gazetteer = gazetteer;
        _locator = new PlaceLocator(registry, gazetteer);
    }

    public Schema Schema { get; }

    public ActorRegistry Registry { get; }

    public Gazetteer Gazetteer { get; }

    public static ExchangeContext Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = Schema.Load(data);
        return new ExchangeContext(schema, ActorRegistry.Load(data, schema), Gazetteer.Load(data));
    }

    /// <summary>
    /// Where a place or country is, from coordinates the knowledge base itself holds (an imported event's
    /// place), else its registry entry, else the gazetteer; null when none knows it.
    /// </summary>
    public GeoPoint? Locate(KnowledgeEntity place, IReadOnlyDictionary<string, GeoPoint>? stored = null)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.Type is not (EntityType.Place or EntityType.Country))
        {
            return null;
        }

        if (stored is not null && stored.TryGetValue(place.Id, out var known))
        {
            return known;
        }

        var located = _locator.Locate(new PlaceUsage(new EntityRef(place.Id, place.Name, place.Type), place.RegistryId, 0, 0, 0));
        return located.Lat is double lat && located.Lon is double lon ? new GeoPoint(lat, lon, located.CoordinatesFrom ?? "") : null;
    }

    /// <summary>The ISO 3166-1 alpha-2 code of the country a place or country is in, when the registry knows it.</summary>
    public string? CountryCode(KnowledgeEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.RegistryId is not null && Registry.TryGet(entity.RegistryId, out var entry) ? entry.CountryCode : null;
    }

    /// <summary>The registry's country entry for an alpha-2 code.</summary>
    public RegistryEntry? Country(string? alpha2) =>
        alpha2 is not null && Registry.TryGetCountry(alpha2, out var country) ? country : null;
}

/// <summary>A WGS84 point and where its coordinates come from ("registry mli-gao", "gazetteer 2457163", "acled").</summary>
public sealed record GeoPoint(double Lat, double Lon, string From);
