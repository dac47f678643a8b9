using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Harmattan.Knowledge.Registries;

/// <summary>
/// Everything the registries under <c>data/registries/&lt;region&gt;/</c> know: armed groups, state
/// forces and other organisations, people, people groups, countries and places, each with its names,
/// and the background relations between them. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>Files: every <c>*.yaml</c> (a list of entries) and <c>*.tsv</c> (one entry per row) in each
/// loaded region folder. <c>global</c> is always loaded because the other regions refer to its
/// countries; other regions load when asked for, or all of them by default.</para>
/// <para>Guarantees after <see cref="Load"/>: ids are unique; every entry has a type, a name and a
/// source; parents, countries and relation targets exist; relations fit their schema ranges; and no
/// folded name (<see cref="NameKey.Fold"/>) belongs to two entries unless one of them declares the
/// other in <c>ambiguous_with</c>, and a declaration is only accepted where such a shared name exists.
/// Any violation is HRM0301 naming the file and line (both, for a clash).</para>
/// </remarks>
public sealed class ActorRegistry
{
    /// <summary>The region folder that is always loaded.</summary>
    public const string GlobalRegion = "global";

    private readonly Dictionary<string, RegistryEntry> _byId;
    private readonly Dictionary<string, RegistryForm[]> _byKey;
    private readonly Dictionary<string, RegistryForm[]> _bySurface;
    private readonly Dictionary<string, RegistryEntry> _byCountryCode;

    private ActorRegistry(
        IReadOnlyList<string> regions,
        List<RegistryEntry> entries,
        List<RegistryLink> links,
        List<RegistryForm> forms)
    {
        Regions = regions;
        Entries = entries;
        Links = links;
        Forms = forms;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _byKey = forms.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _bySurface = forms.GroupBy(f => f.Surface, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byCountryCode = entries.Where(e => e.Type == EntityType.Country && e.CountryCode is not null)
            .ToDictionary(e => e.CountryCode!, StringComparer.Ordinal);
    }

    /// <summary>The region folders loaded, <see cref="GlobalRegion"/> first.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>All entries, in file order (files sorted by region, then name).</summary>
    public IReadOnlyList<RegistryEntry> Entries { get; }

    /// <summary>The relations the registries state, in file order.</summary>
    public IReadOnlyList<RegistryLink> Links { get; }

    /// <summary>Every surface form of every entry, for building a phrase matcher.</summary>
    public IReadOnlyList<RegistryForm> Forms { get; }

    /// <summary>The entry with this id; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public RegistryEntry this[string id] => _byId[id];

    /// <summary>Finds an entry by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out RegistryEntry? entry) => _byId.TryGetValue(id, out entry);

    /// <summary>The country with this ISO 3166-1 alpha-2 code (upper case), if loaded.</summary>
    public bool TryGetCountry(string alpha2, [NotNullWhen(true)] out RegistryEntry? country) =>
        _byCountryCode.TryGetValue(alpha2, out country);

    /// <summary>
    /// Forms whose folded key equals that of <paramref name="surface"/> ("Ançar Dine" finds Ansar
    /// Dine). One entry can appear more than once (e.g. "MUJAO" and "Mujao"); more than one entry only
    /// where the data declares the ambiguity.
    /// </summary>
    public IReadOnlyList<RegistryForm> Lookup(string surface) =>
        _byKey.TryGetValue(NameKey.Fold(surface), out var forms) ? forms : [];

    /// <summary>Forms spelled exactly <paramref name="surface"/> (ordinal, case-sensitive).</summary>
    public IReadOnlyList<RegistryForm> LookupExact(string surface) =>
        _bySurface.TryGetValue(surface, out var forms) ? forms : [];

    /// <summary>The distinct entries <see cref="Lookup"/> finds, in registry order.</summary>
    public IReadOnlyList<RegistryEntry> EntriesNamed(string surface) =>
        [.. Lookup(surface).Select(f => f.Entry).Distinct()];

    /// <summary>
    /// Loads <see cref="GlobalRegion"/> and the given region folders (all of them when null) and
    /// validates them against <paramref name="schema"/>.
    /// </summary>
    /// <exception cref="HarmattanException">HRM0301 naming the file and line of the first problem.</exception>
    public static ActorRegistry Load(DataDirectory data, Schema schema, IEnumerable<string>? regions = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        var chosen = new List<string> { GlobalRegion };
        foreach (var region in regions ?? data.Regions())
        {
            if (!chosen.Contains(region, StringComparer.Ordinal))
            {
                chosen.Add(region);
            }
        }

        var drafts = new List<RegistryDraft>();
        foreach (var region in chosen)
        {
            var folder = Path.Combine(data.RegistriesPath, region);
            if (!Directory.Exists(folder))
            {
                throw HarmattanError.BadDataFile.At(folder, $"no registry folder for region '{region}'");
            }

            var files = Directory.GetFiles(folder);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (file.EndsWith(".yaml", StringComparison.Ordinal))
                {
                    drafts.AddRange(RegistryFileReader.ReadYaml(file));
                }
                else if (file.EndsWith(".tsv", StringComparison.Ordinal))
                {
                    drafts.AddRange(RegistryFileReader.ReadTsv(file));
                }
            }
        }

        var (entries, links, forms) = RegistryValidator.Validate(drafts, schema);
        return new ActorRegistry(chosen, entries, links, forms);
    }
}
