using System.Globalization;
using System.Text;
using Harmattan.Knowledge;
using Harmattan.Knowledge.Registries;

namespace Harmattan.Corpus;

/// <summary>
/// Writes realistic, deterministic reports for benchmarks and load tests: names from the registries
/// (armed groups, organisations, people, countries and places of the loaded regions) and of local people
/// the registries do not know, sentences from our templates in <c>data/corpus/</c>, dates and figures
/// drawn at random. The same seed and index always give the same report, whatever the thread or the
/// order of calls, so a corpus of any size can be generated in parallel or streamed without being stored.
/// </summary>
public sealed class CorpusGenerator
{
    /// <summary>Fewest and most words in one report.</summary>
    public const int MinWords = 300;

    public const int MaxWords = 1500;

    private readonly CorpusTemplates _templates;

    private CorpusGenerator(CorpusTemplates templates, ActorRegistry registry)
    {
        _templates = templates;
        Groups = Forms(registry, EntityType.ArmedGroup);
        Organizations = Forms(registry, EntityType.Organization);
        People = [.. registry.Entries.Where(e => e.Type == EntityType.Person).Select(e => new[] { e.Name })];
        // Local people: every given name with every family name, the most frequently drawn first (see ReportWriter).
        LocalPeople = [.. templates.Fillers["family"].SelectMany(family => templates.Fillers["given"].Select(given => $"{given} {family}"))];
        // Places inside one country (towns, cities, national regions): "a curfew in Gao", not "in Sahel".
        Places = [.. registry.Entries.Where(e => e.Type == EntityType.Place && e.CountryCode is not null).Select(NamesOf)];

        // Countries of the loaded regions: those a place or an actor of the registry belongs to.
        var codes = registry.Entries.Where(e => e.Type != EntityType.Country && e.CountryCode is not null)
            .Select(e => e.CountryCode!).ToHashSet(StringComparer.Ordinal);
        var countries = registry.Entries.Where(e => e.Type == EntityType.Country && e.CountryCode is not null && codes.Contains(e.CountryCode)).ToArray();
        Countries = [.. countries.Select(e => new[] { e.Name })];
        Demonyms = [.. countries.Select(e => e.Demonyms.Count > 0 ? e.Demonyms.ToArray() : [e.Name])];
        foreach (var (name, pool) in new[] { ("armed groups", Groups), ("organisations", Organizations), ("people", People), ("countries", Countries), ("places", Places) })
        {
            if (pool.Length < 4)
            {
                throw HarmattanError.BadDataFile.At(registry.Regions.Count > 0 ? string.Join(", ", registry.Regions) : "registries", $"the registries hold fewer than 4 {name}; the corpus generator needs more");
            }
        }
    }

    internal string[][] Groups { get; }

    internal string[][] Organizations { get; }

    /// <summary>Public figures of the registries, each with its name.</summary>
    internal string[][] People { get; }

    /// <summary>People the registries do not list, named from <c>fillers.tsv</c>'s given and family names.</summary>
    internal string[] LocalPeople { get; }

    internal string[][] Places { get; }

    internal string[][] Countries { get; }

    internal string[][] Demonyms { get; }

    internal CorpusTemplates Templates => _templates;

    /// <summary>Reads the templates of <paramref name="data"/> and takes its names from <paramref name="registry"/>.</summary>
    /// <exception cref="HarmattanException">HRM0301 when a corpus file is invalid.</exception>
    public static CorpusGenerator Load(DataDirectory data, ActorRegistry registry) =>
        new(CorpusTemplates.Load(data), registry);

    /// <summary>Loads the schema and the registries of <paramref name="data"/> too.</summary>
    public static CorpusGenerator Load(DataDirectory data) =>
        Load(data, ActorRegistry.Load(data, Schema.Load(data)));

    /// <summary>Report number <paramref name="index"/> of the corpus of <paramref name="seed"/>.</summary>
    public GeneratedReport Generate(int seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(HashCode32(seed, index));
        return new ReportWriter(this, random).Write(string.Create(CultureInfo.InvariantCulture, $"synthetic-{seed}-{index:D7}"));
    }

    /// <summary>
    /// Reports 0, 1, 2, ... of <paramref name="seed"/> until together they hold at least
    /// <paramref name="words"/> words. Lazy: nothing is kept once enumerated.
    /// </summary>
    public IEnumerable<GeneratedReport> Generate(int seed, long words)
    {
        long total = 0;
        for (var index = 0; total < words; index++)
        {
            var report = Generate(seed, index);
            total += report.Words;
            yield return report;
        }
    }

    /// <summary>Runs of non-whitespace characters: how the benchmarks count words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    /// <summary>A fixed mix of seed and index (not <see cref="HashCode"/>, which is randomised per process).</summary>
    private static int HashCode32(int seed, int index)
    {
        var x = ((ulong)(uint)seed << 32) | (uint)index;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return (int)(x & 0x7fffffff);
    }

    /// <summary>Each entry's name followed by its aliases: the spellings a report may use.</summary>
    private static string[][] Forms(ActorRegistry registry, EntityType type) =>
        [.. registry.Entries.Where(e => e.Type == type).Select(NamesOf)];

    private static string[] NamesOf(RegistryEntry entry) => [.. entry.Aliases.Prepend(entry.Name).Distinct(StringComparer.Ordinal)];
}
