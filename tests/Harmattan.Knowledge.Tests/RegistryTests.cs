using System.Diagnostics;
using Harmattan.Knowledge.Registries;
using Xunit.Abstractions;

namespace Harmattan.Knowledge.Tests;

public sealed class RegistryTests(ITestOutputHelper output)
{
    private static ActorRegistry Registry => TestData.Registry;

    [Fact]
    public void Every_registry_file_loads_and_every_entry_has_a_source()
    {
        Assert.Equal(["global", "sahel"], Registry.Regions);
        Assert.All(Registry.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Id));
        var files = Registry.Entries.Select(e => Path.GetFileName(e.File)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            ["actors.yaml", "countries.tsv", "international-organisations.yaml", "people-groups.tsv", "places.tsv", "regions.tsv"],
            files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = Registry.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void No_folded_name_belongs_to_two_entries_unless_declared()
    {
        foreach (var group in Registry.Forms.GroupBy(f => f.Key, StringComparer.Ordinal))
        {
            var entries = group.Select(f => f.Entry).Distinct().ToArray();
            for (var i = 0; i < entries.Length; i++)
            {
                for (var j = i + 1; j < entries.Length; j++)
                {
                    var declared = entries[i].AmbiguousWith.Contains(entries[j].Id) || entries[j].AmbiguousWith.Contains(entries[i].Id);
                    Assert.True(declared, $"'{group.Key}' names {entries[i].Id} and {entries[j].Id}");
                }
            }
        }
    }

    [Fact]
    public void Countries_cover_ISO_3166_with_demonyms_that_matter()
    {
        var countries = Registry.Entries.Where(e => e.Type == EntityType.Country).ToArray();
        Assert.InRange(countries.Length, 249, 251);
        Assert.True(Registry.TryGetCountry("NE", out var niger));
        Assert.Contains("Nigerien", niger.Demonyms);
        Assert.DoesNotContain("Nigerian", niger.Demonyms);
        Assert.True(Registry.TryGetCountry("NG", out var nigeria));
        Assert.Contains("Nigerian", nigeria.Demonyms);
        Assert.Equal("MLI", Registry["country-ml"].Alpha3);
        Assert.Equal("466", Registry["country-ml"].IsoNumeric);
        Assert.Equal("country-us", Assert.Single(Registry.EntriesNamed("U.S.")).Id);
        Assert.Equal("country-ci", Assert.Single(Registry.EntriesNamed("Ivory Coast")).Id);
        Assert.Equal(2, Registry.EntriesNamed("Congolese").Count);
    }

    [Theory]
    [InlineData("Ansar al-Din", "ansar-dine")]
    [InlineData("Ançar Dine", "ansar-dine")]
    [InlineData("Ansar Eddine", "ansar-dine")]
    [InlineData("the MNLA", "mnla")]
    [InlineData("Mouvement national de libération de l'Azawad", "mnla")]
    [InlineData("MOJWA", "mujao")]
    [InlineData("Movement for Unity and Jihad in West Africa", "mujao")]
    [InlineData("AQMI", "aqim")]
    [InlineData("GSPC", "gspc")]
    [InlineData("al-Murabitun", "al-mourabitoun")]
    [InlineData("GSIM", "jnim")]
    [InlineData("EIGS", "isgs")]
    [InlineData("Iyad ag Ghali", "iyad-ag-ghaly")]
    [InlineData("Abu Musab Abdel Wadoud", "abdelmalek-droukdel")]
    [InlineData("FAMa", "fama")]
    [InlineData("Tombouctou", "timbuktu")]
    [InlineData("Aguel’hoc", "aguelhok")]
    [InlineData("Peul", "fulani")]
    [InlineData("Kel Tamasheq", "tuareg")]
    [InlineData("CEDEAO", "ecowas")]
    [InlineData("Malian", "country-ml")]
    public void Known_spellings_find_their_entry(string surface, string id) =>
        Assert.Equal(id, Assert.Single(Registry.EntriesNamed(surface)).Id);

    [Fact]
    public void Case_variants_are_kept_for_case_sensitive_matching()
    {
        Assert.Equal("mujao", Assert.Single(Registry.LookupExact("Mujao")).Entry.Id);
        Assert.Empty(Registry.LookupExact("mnla"));
        Assert.Equal(NameForm.Demonym, Assert.Single(Registry.LookupExact("Burkinabe")).Form);
    }

    [Fact]
    public void The_CNSP_acronym_is_a_declared_ambiguity()
    {
        var ids = Registry.EntriesNamed("CNSP").Select(e => e.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["cnsp-mali", "cnsp-niger"], ids);
    }

    [Fact]
    public void Background_relations_fit_the_schema()
    {
        Assert.Contains(Registry.Links, l => l is { SourceId: "mujao", Relation: "offshoot_of", TargetId: "aqim" });
        Assert.Contains(Registry.Links, l => l is { SourceId: "iyad-ag-ghaly", Relation: "leads", TargetId: "ansar-dine" });
        Assert.Equal("aqim", Registry["mujao"].Parent);
        Assert.Equal(EntityType.Organization, Registry["fama"].Type);
        Assert.Equal(EntityType.ArmedGroup, Registry["mnla"].Type);
    }

    [Fact]
    public void Loading_a_region_always_brings_global()
    {
        var registry = ActorRegistry.Load(TestData.Data, TestData.Schema, ["sahel"]);
        Assert.Equal(["global", "sahel"], registry.Regions);
        var globalOnly = ActorRegistry.Load(TestData.Data, TestData.Schema, []);
        Assert.False(globalOnly.TryGet("mnla", out _));
        Assert.True(globalOnly.TryGet("ecowas", out _));
    }

    [Fact]
    public void Everything_loads_fast()
    {
        // Warm-up in a separate data folder object, so this measures a cold read of the files.
        var data = DataDirectory.Locate(null);
        var watch = Stopwatch.StartNew();
        var schema = Schema.Load(data);
        var schemaMs = watch.ElapsedMilliseconds;
        var registry = ActorRegistry.Load(data, schema);
        var registryMs = watch.ElapsedMilliseconds - schemaMs;
        var gazetteer = Gazetteer.Load(data);
        watch.Stop();
        output.WriteLine($"schema {schemaMs} ms, {registry.Entries.Count} registry entries {registryMs} ms, "
            + $"{gazetteer.Count} gazetteer rows {watch.ElapsedMilliseconds - schemaMs - registryMs} ms; total {watch.ElapsedMilliseconds} ms");
        for (var i = 0; i < 3; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var s2 = Schema.Load(data);
            var a = watch.ElapsedMilliseconds;
            _ = ActorRegistry.Load(data, s2);
            var b = watch.ElapsedMilliseconds;
            _ = Gazetteer.Load(data);
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            output.WriteLine($"warm load {i + 1}: schema {a} ms, registry {b - a} ms, gazetteer {watch.ElapsedMilliseconds - b} ms (process CPU {cpuMs:F0} ms)");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }
}
