using Harmattan.Knowledge.Registries;

namespace Harmattan.Knowledge.Tests;

public sealed class GazetteerTests
{
    private static Gazetteer Gazetteer => TestData.Gazetteer;

    [Fact]
    public void Holds_thousands_of_places()
    {
        Assert.InRange(Gazetteer.Count, 5_000, 50_000);
    }

    [Fact]
    public void Gao_is_in_Mali_on_the_Niger()
    {
        var gao = Gazetteer.Find("Gao").First(p => p.CountryCode == "ML");
        Assert.InRange(gao.Lat, 16.0, 16.5);
        Assert.InRange(gao.Lon, -0.3, 0.2);
        Assert.True(gao.Population > 10_000);
        Assert.StartsWith("PPL", gao.FeatureCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Timbuktu_is_found_and_its_French_name_is_in_the_registry()
    {
        var timbuktu = Assert.Single(Gazetteer.Find("Timbuktu"));
        Assert.Equal("ML", timbuktu.CountryCode);
        Assert.InRange(timbuktu.Lat, 16.5, 17.0);
        var entry = Assert.Single(TestData.Registry.EntriesNamed("Tombouctou"));
        Assert.Equal("timbuktu", entry.Id);
        Assert.Equal("ML", entry.CountryCode);
        Assert.InRange(entry.Lat!.Value - timbuktu.Lat, -0.05, 0.05);
    }

    [Fact]
    public void Exact_lookup_is_case_sensitive_and_folded_lookup_is_not()
    {
        Assert.Empty(Gazetteer.Find("gao"));
        Assert.Contains(Gazetteer.FindFolded("gao"), p => p.CountryCode == "ML");
        Assert.Contains(Gazetteer.FindFolded("Segou"), p => p is { Name: "Ségou", CountryCode: "ML" });
    }

    [Fact]
    public void Results_come_most_populous_first()
    {
        var tripoli = Gazetteer.Find("Tripoli");
        Assert.True(tripoli.Count >= 2);
        Assert.Equal("LY", tripoli[0].CountryCode);
        Assert.True(tripoli.Zip(tripoli.Skip(1)).All(p => p.First.Population >= p.Second.Population));
    }

    [Fact]
    public void Every_place_has_its_own_geoname_id_and_no_row_is_repeated()
    {
        var rows = Enumerable.Range(0, Gazetteer.Count).Select(i => Gazetteer[i]).ToList();
        Assert.Empty(rows.GroupBy(p => p.GeonameId).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(rows.GroupBy(p => (p.Name, p.CountryCode, p.Lat, p.Lon)).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>
    /// Where a registry place and gazetteer places share a name and a country, the registry's
    /// coordinates are those of one of them (within half a degree): otherwise the two files disagree on
    /// where the place is, and the recognisers would link a mention to two different points.
    /// </summary>
    [Fact]
    public void Registry_places_agree_with_the_gazetteer_where_they_share_a_name()
    {
        var conflicts = new List<string>();
        var checkedNames = 0;
        foreach (var entry in TestData.Registry.Entries.Where(e => e is { Type: EntityType.Place, Lat: not null, Lon: not null, CountryCode: not null }))
        {
            foreach (var name in entry.AllNames())
            {
                var namesakes = Gazetteer.Find(name).Where(p => p.CountryCode == entry.CountryCode).ToList();
                if (namesakes.Count == 0)
                {
                    continue;
                }

                checkedNames++;
                if (!namesakes.Any(p => Math.Abs(p.Lat - entry.Lat!.Value) <= 0.5 && Math.Abs(p.Lon - entry.Lon!.Value) <= 0.5))
                {
                    conflicts.Add($"{entry.File}: '{entry.Id}' puts '{name}' at {entry.Lat}, {entry.Lon}; the gazetteer at "
                        + string.Join("; ", namesakes.Select(p => $"{p.Lat}, {p.Lon}")));
                }
            }
        }

        Assert.True(checkedNames > 20, $"only {checkedNames} registry place names are in the gazetteer");
        Assert.True(conflicts.Count == 0, string.Join("\n", conflicts));
    }

    [Fact]
    public void A_malformed_row_names_its_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "harmattan-gaz-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(root, "gazetteer", "x.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "# test\ngeonameid\tname\talt_country\tcountry\tfeature_code\tpopulation\tlat\tlon\n1\tA\t\tML\tPPL\t10\t16.2\t-0.1\n2\tB\t\tML\tPPL\tmany\t16.2\t-0.1\n");
        try
        {
            var e = Assert.Throws<HarmattanException>(() => Gazetteer.Load(DataDirectory.Locate(root)));
            Assert.Equal(file + ":4", e.Subject);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
