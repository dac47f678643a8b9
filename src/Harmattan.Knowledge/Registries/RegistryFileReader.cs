using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harmattan.Knowledge.Registries;

/// <summary>An entry as read from its file, with what the validator still has to check.</summary>
internal sealed record RegistryDraft(
    RegistryEntry Entry,
    IReadOnlyList<(string Relation, string Target, int Line)> Relations,
    int ParentLine,
    int CountryLine,
    int AmbiguityLine);

/// <summary>
/// Reads registry files into drafts and checks everything that concerns one row alone: allowed keys
/// or columns, required fields, formats of ids, codes and coordinates.
/// </summary>
internal static partial class RegistryFileReader
{
    private static readonly string[] YamlKeys =
        ["id", "name", "type", "aliases", "demonyms", "kind", "parent", "country", "lat", "lon", "ambiguous_with", "relations", "notes", "source"];

    private static readonly string[] TsvColumns =
        ["id", "type", "name", "aliases", "demonyms", "kind", "parent", "country", "alpha2", "alpha3", "numeric", "lat", "lon", "ambiguous_with", "source"];

    private static readonly string[] RequiredColumns = ["id", "type", "name", "source"];

    public static List<RegistryDraft> ReadYaml(string path)
    {
        var root = YamlFile.Load(path);
        var drafts = new List<RegistryDraft>();
        if (root is null)
        {
            return drafts;
        }

        foreach (var node in YamlFile.Sequence(path, root, "a registry file").Children)
        {
            var map = YamlFile.Map(path, node, "a registry entry");
            map.AllowOnly(YamlKeys);
            var line = map.Line;
            var relations = new List<(string, string, int)>();
            if (map.OptionalMap("relations") is { } rel)
            {
                foreach (var (relation, _, relLine) in rel.Entries())
                {
                    foreach (var target in rel.List(relation))
                    {
                        relations.Add((relation, target, relLine));
                    }
                }
            }

            var entry = Build(path, line,
                id: map.Optional("id"),
                type: map.Optional("type"),
                name: map.Optional("name"),
                aliases: map.List("aliases"),
                demonyms: map.List("demonyms"),
                kind: map.Optional("kind"),
                parent: map.Optional("parent"),
                country: map.Optional("country"),
                lat: map.Optional("lat"),
                lon: map.Optional("lon"),
                ambiguousWith: map.List("ambiguous_with"),
                source: map.Optional("source"),
                alpha3: null,
                numeric: null);
            drafts.Add(new RegistryDraft(entry, relations, map.LineOf("parent"), map.LineOf("country"), map.LineOf("ambiguous_with")));
        }

        return drafts;
    }

    public static List<RegistryDraft> ReadTsv(string path)
    {
        var tsv = DataTable.ReadWithHeader(path);
        foreach (var column in tsv.Header)
        {
            if (Array.IndexOf(TsvColumns, column) < 0)
            {
                throw DataTable.Error(path, tsv.HeaderLine, $"unknown column '{column}' (allowed: {string.Join(", ", TsvColumns)})");
            }
        }

        foreach (var column in RequiredColumns)
        {
            if (tsv.Column(column) < 0)
            {
                throw DataTable.Error(path, tsv.HeaderLine, $"missing column '{column}'");
            }
        }

        var index = TsvColumns.ToDictionary(c => c, tsv.Column, StringComparer.Ordinal);
        var drafts = new List<RegistryDraft>(tsv.Rows.Count);
        foreach (var (_, line, cells) in tsv.Rows)
        {
            string? Cell(string column) =>
                index[column] is var i and >= 0 && cells[i].Trim() is { Length: > 0 } v ? v : null;
            IReadOnlyList<string> Pipe(string column) => SplitPipes(path, line, column, Cell(column));

            var type = Cell("type");
            var alpha2 = Cell("alpha2");
            if (alpha2 is not null && !string.Equals(type, nameof(EntityType.Country), StringComparison.Ordinal))
            {
                throw DataTable.Error(path, line, "only a Country row has an alpha2 code; use 'country' for where an entry is");
            }

            if (string.Equals(type, nameof(EntityType.Country), StringComparison.Ordinal) && alpha2 is null)
            {
                throw DataTable.Error(path, line, "a Country row needs its alpha2 code");
            }

            var entry = Build(path, line,
                id: Cell("id"),
                type: type,
                name: Cell("name"),
                aliases: Pipe("aliases"),
                demonyms: Pipe("demonyms"),
                kind: Cell("kind"),
                parent: Cell("parent"),
                country: alpha2 ?? Cell("country"),
                lat: Cell("lat"),
                lon: Cell("lon"),
                ambiguousWith: Pipe("ambiguous_with"),
                source: Cell("source"),
                alpha3: Cell("alpha3"),
                numeric: Cell("numeric"));
            drafts.Add(new RegistryDraft(entry, [], line, line, line));
        }

        return drafts;
    }

    private static string[] SplitPipes(string path, int line, string column, string? cell)
    {
        if (cell is null)
        {
            return [];
        }

        var parts = cell.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim();
            if (parts[i].Length == 0)
            {
                throw DataTable.Error(path, line, $"empty item in '{column}' (stray '|'?)");
            }
        }

        return parts;
    }

    private static RegistryEntry Build(
        string path, int line, string? id, string? type, string? name, IReadOnlyList<string> aliases,
        IReadOnlyList<string> demonyms, string? kind, string? parent, string? country, string? lat, string? lon,
        IReadOnlyList<string> ambiguousWith, string? source, string? alpha3, string? numeric)
    {
        HarmattanException Fail(string detail) => DataTable.Error(path, line, (id is null ? "" : $"'{id}': ") + detail);

        if (string.IsNullOrWhiteSpace(id))
        {
            throw Fail("missing 'id'");
        }

        if (!IdPattern().IsMatch(id))
        {
            throw Fail("ids are lower-case letters and digits joined by single hyphens");
        }

        if (string.IsNullOrWhiteSpace(type) || !Enum.TryParse<EntityType>(type, ignoreCase: false, out var entityType) || !Enum.IsDefined(entityType))
        {
            throw Fail($"'type' must be one of {string.Join(", ", Enum.GetNames<EntityType>())}, not '{type}'");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Fail("missing 'name'");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw Fail("missing 'source': say where the facts of this entry are documented");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var form in aliases.Concat(demonyms))
        {
            if (!seen.Add(form))
            {
                throw Fail($"'{form}' is listed twice");
            }

            if (NameKey.Fold(form).Length == 0)
            {
                throw Fail($"'{form}' has no letters or digits");
            }
        }

        if (country is not null && !CountryPattern().IsMatch(country))
        {
            throw Fail($"country codes are ISO 3166-1 alpha-2 in capitals, not '{country}'");
        }

        if (alpha3 is not null && !Alpha3Pattern().IsMatch(alpha3))
        {
            throw Fail($"alpha3 must be three capitals, not '{alpha3}'");
        }

        if (numeric is not null && !NumericPattern().IsMatch(numeric))
        {
            throw Fail($"numeric must be three digits, not '{numeric}'");
        }

        var latValue = Coordinate(lat, 90, "lat", Fail);
        var lonValue = Coordinate(lon, 180, "lon", Fail);
        if (latValue.HasValue != lonValue.HasValue)
        {
            throw Fail("give both 'lat' and 'lon' or neither");
        }

        if (entityType is EntityType.Country or EntityType.Place && latValue is null)
        {
            throw Fail("countries and places need 'lat' and 'lon'");
        }

        return new RegistryEntry(id, entityType, name, aliases, demonyms, parent, country, latValue, lonValue, source, path, line)
        {
            AmbiguousWith = ambiguousWith,
            Kind = kind,
            Alpha3 = alpha3,
            IsoNumeric = numeric,
        };
    }

    private static double? Coordinate(string? text, double limit, string key, Func<string, HarmattanException> fail)
    {
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit
            ? value
            : throw fail($"'{key}' must be a number from -{limit} to {limit}, not '{text}'");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Alpha3Pattern();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex NumericPattern();
}
