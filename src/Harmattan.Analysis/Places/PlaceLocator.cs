using Harmattan.Knowledge.Registries;
using Harmattan.Store;

namespace Harmattan.Analysis.Places;

/// <summary>A place or country with the coordinates we know for it, and where they come from.</summary>
public sealed record LocatedPlace(PlaceUsage Usage, double? Lat, double? Lon, string? CoordinatesFrom);

/// <summary>
/// Gives places their coordinates: the registry entry's own when the entity is linked to one
/// (registry id), else the most populous gazetteer place of the same folded name, in the registry
/// entry's country when it has one.
/// </summary>
public sealed class PlaceLocator(ActorRegistry registry, Gazetteer gazetteer)
{
    public IReadOnlyList<LocatedPlace> Locate(IEnumerable<PlaceUsage> places) => places.Select(Locate).ToList();

    public LocatedPlace Locate(PlaceUsage place)
    {
        ArgumentNullException.ThrowIfNull(place);
        RegistryEntry? entry = null;
        if (place.RegistryId is not null && registry.TryGet(place.RegistryId, out entry) && entry.Lat is double lat && entry.Lon is double lon)
        {
            return new LocatedPlace(place, lat, lon, "registry " + entry.Id);
        }

        var candidates = gazetteer.FindFolded(place.Place.Name);
        var country = entry?.CountryCode;
        var best = candidates.FirstOrDefault(p => country is null || string.Equals(p.CountryCode, country, StringComparison.Ordinal));
        return best.Name is null
            ? new LocatedPlace(place, null, null, null)
            : new LocatedPlace(place, best.Lat, best.Lon, "gazetteer " + best.GeonameId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
