using System.Globalization;

namespace Harmattan.Knowledge.Registries;

/// <summary>One populated place of the gazetteer (GeoNames data).</summary>
/// <param name="AltCountryCode">GeoNames' second country code for disputed or border places, or null.</param>
/// <param name="FeatureCode">GeoNames feature code: PPLC capital, PPLA regional seat, PPL place, ...</param>
public readonly record struct GazetteerPlace(
    int GeonameId,
    string Name,
    string CountryCode,
    string? AltCountryCode,
    string FeatureCode,
    int Population,
    double Lat,
    double Lon);

/// <summary>
/// The populated places of <c>data/gazetteer/*.tsv</c> (Africa and the Middle East from GeoNames),
/// looked up by name. Unlike the registries it knows no aliases and no actors: it answers "is this a
/// town, and where", and the recogniser decides from context and population whether to believe it.
/// Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Held as parallel arrays (one per column) and two name indexes that chain row numbers, so the
/// memory cost is a few arrays and the name strings, not one object per place. Lookups return
/// places by descending population, then GeoNames id. A malformed row is HRM0301 with
/// <c>file:line</c>.
/// </remarks>
public sealed class Gazetteer
{
    private const double Scale = 1e5;
    private const string Header = "geonameid\tname\talt_country\tcountry\tfeature_code\tpopulation\tlat\tlon";

    private readonly int[] _ids;
    private readonly string[] _names;
    private readonly string?[] _altCountries;
    private readonly string[] _countries;
    private readonly string[] _features;
    private readonly int[] _population;
    // Coordinates in 1e-5 degrees, the precision of the source: exact and half the size of doubles.
    private readonly int[] _lat;
    private readonly int[] _lon;
    private readonly Dictionary<string, int> _exactHead;
    private readonly int[] _exactNext;
    private readonly int[] _byPopulation;

    // Folding every name costs more than reading the file, so the folded index is built on first use.
    private readonly Lazy<(Dictionary<string, int> Head, int[] Next)> _folded;

    private Gazetteer(Columns c)
    {
        var n = c.Ids.Count;
        _ids = [.. c.Ids];
        _names = [.. c.Names];
        _altCountries = [.. c.AltCountries];
        _countries = [.. c.Countries];
        _features = [.. c.Features];
        _population = [.. c.Population];
        _lat = [.. c.Lat];
        _lon = [.. c.Lon];

        // Chain rows with the same name, most populous first: visit rows in that order and push each
        // onto the front of its chain, so build in reverse order.
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => _population[a] != _population[b] ? _population[b].CompareTo(_population[a]) : _ids[a].CompareTo(_ids[b]));
        _byPopulation = order;
        (_exactHead, _exactNext) = BuildIndex(static name => name);
        _folded = new Lazy<(Dictionary<string, int>, int[])>(() => BuildIndex(NameKey.Fold));
    }

    /// <summary>The number of places.</summary>
    public int Count => _ids.Length;

    /// <summary>The place at a row (0 ≤ row &lt; <see cref="Count"/>), in file order.</summary>
    public GazetteerPlace this[int row] => new(_ids[row], _names[row], _countries[row], _altCountries[row],
        _features[row], _population[row], _lat[row] / Scale, _lon[row] / Scale);

    /// <summary>Places named exactly <paramref name="name"/> (ordinal, case-sensitive).</summary>
    public IReadOnlyList<GazetteerPlace> Find(string name) =>
        Collect(_exactHead.TryGetValue(name, out var head) ? head : -1, _exactNext);

    /// <summary>Places whose name has the same <see cref="NameKey.Fold"/> key ("Segou" finds Ségou).</summary>
    public IReadOnlyList<GazetteerPlace> FindFolded(string name) =>
        Collect(_folded.Value.Head.TryGetValue(NameKey.Fold(name), out var head) ? head : -1, _folded.Value.Next);

    /// <summary>Loads every <c>*.tsv</c> under <c>gazetteer/</c>; an absent folder gives an empty gazetteer.</summary>
    /// <exception cref="HarmattanException">HRM0301 naming the file and line of a malformed row.</exception>
    public static Gazetteer Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new Columns();
        if (Directory.Exists(data.GazetteerPath))
        {
            var files = Directory.GetFiles(data.GazetteerPath, "*.tsv");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                Read(file, columns);
            }
        }

        return new Gazetteer(columns);
    }

    private (Dictionary<string, int> Head, int[] Next) BuildIndex(Func<string, string> key)
    {
        var head = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        var next = new int[_names.Length];
        for (var k = _byPopulation.Length - 1; k >= 0; k--)
        {
            var row = _byPopulation[k];
            var name = key(_names[row]);
            next[row] = head.TryGetValue(name, out var first) ? first : -1;
            head[name] = row;
        }

        return (head, next);
    }

    private List<GazetteerPlace> Collect(int row, int[] next)
    {
        var result = new List<GazetteerPlace>();
        for (; row >= 0; row = next[row])
        {
            result.Add(this[row]);
        }

        return result;
    }

    private static void Read(string path, Columns c)
    {
        var lineNumber = 0;
        var sawHeader = false;
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => strings.TryGetValue(s, out var v) ? v : strings[s] = s;

        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!sawHeader)
            {
                if (!string.Equals(line, Header, StringComparison.Ordinal))
                {
                    throw Error(path, lineNumber, "the header must be: " + Header.Replace('\t', ' '));
                }

                sawHeader = true;
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 8)
            {
                throw Error(path, lineNumber, $"expected 8 tab-separated columns, found {cells.Length}");
            }

            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || cells[1].Length == 0
                || cells[3].Length != 2
                || cells[4].Length == 0
                || !int.TryParse(cells[5], NumberStyles.None, CultureInfo.InvariantCulture, out var population)
                || !double.TryParse(cells[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || Math.Abs(lat) > 90
                || !double.TryParse(cells[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || Math.Abs(lon) > 180)
            {
                throw Error(path, lineNumber, "expected geonameid, name, alt_country, country (2 letters), feature_code, population, lat, lon");
            }

            c.Ids.Add(id);
            c.Names.Add(cells[1]);
            c.AltCountries.Add(cells[2].Length == 0 ? null : Intern(cells[2]));
            c.Countries.Add(Intern(cells[3]));
            c.Features.Add(Intern(cells[4]));
            c.Population.Add(population);
            c.Lat.Add((int)Math.Round(lat * Scale));
            c.Lon.Add((int)Math.Round(lon * Scale));
        }

        if (!sawHeader)
        {
            throw Error(path, 1, "no header line");
        }
    }

    private static HarmattanException Error(string path, int line, string detail) =>
        HarmattanError.BadDataFile.At(path + ":" + line.ToString(CultureInfo.InvariantCulture), detail);

    private sealed class Columns
    {
        public List<int> Ids { get; } = [];

        public List<string> Names { get; } = [];

        public List<string?> AltCountries { get; } = [];

        public List<string> Countries { get; } = [];

        public List<string> Features { get; } = [];

        public List<int> Population { get; } = [];

        public List<int> Lat { get; } = [];

        public List<int> Lon { get; } = [];
    }
}
