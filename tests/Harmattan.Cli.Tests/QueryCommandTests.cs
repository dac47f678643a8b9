using System.Globalization;
using System.Text.Json;
using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Store.Tests;

namespace Harmattan.Cli.Tests;

/// <summary>
/// One folder for the query verb tests: harmattan.db holds the sample reports as the ingest verb stores
/// them; planted.db holds two short reports we wrote with a contradiction planted (an alliance and a
/// clash, a weakened and a stronger MNLA) and a name shared by a country and a river.
/// </summary>
public sealed class QueryWorkspace : IDisposable
{
    public QueryWorkspace()
    {
        var ingest = CliRun.Of(Folder.Path, "ingest", TempFolder.SampleReports);
        if (ingest.ExitCode != 0)
        {
            throw new InvalidOperationException("the samples did not ingest: " + ingest.Error);
        }

        using var store = KnowledgeStore.Open(Planted);
        foreach (var report in new[] { Alliance(), Clashes() })
        {
            store.Upsert(report.Document, report.Extraction);
        }
    }

    public TempFolder Folder { get; } = new();

    public string Planted => Path.Combine(Folder.Path, "planted.db");

    public void Dispose() => Folder.Dispose();

    private static Report Alliance()
    {
        var r = new ReportBuilder(
            "Rebels and Islamists share Kidal",
            "Ansar Dine fought alongside the MNLA when the rebels entered Kidal. "
            + "Colonel Sidi Keita said the MNLA was weakened after the fall of Kidal. "
            + "Niger troops guarded the Niger River crossings.",
            PartialDate.OfMonth(2012, 4));
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var officer = r.Entity(EntityType.Person, "Colonel Sidi Keita");
        r.Entity(EntityType.Country, "Niger", "Niger troops");
        r.Entity(EntityType.Place, "Niger", "Niger River");
        r.Relation("cooperates_with", ansarDine, mnla, "fought alongside the MNLA");
        r.Claim(officer, "said", "the MNLA was weakened after the fall of Kidal", mnla);
        return r.Build();
    }

    private static Report Clashes()
    {
        var r = new ReportBuilder(
            "Clashes near Anefis",
            "Ansar Dine fighters clashed with the MNLA near Anefis. "
            + "Mossa Ag Attaher said the MNLA was stronger than before.",
            PartialDate.OfMonth(2012, 6));
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var spokesman = r.Entity(EntityType.Person, "Mossa Ag Attaher");
        r.Relation("opposes", ansarDine, mnla, "clashed with the MNLA");
        r.Claim(spokesman, "said", "the MNLA was stronger than before", mnla);
        return r.Build();
    }
}

public sealed class QueryCommandTests(QueryWorkspace workspace) : IClassFixture<QueryWorkspace>
{
    private CliRun Run(params string[] args) => CliRun.Of(workspace.Folder.Path, args);

    private CliRun RunPlanted(params string[] args) => CliRun.Of(workspace.Folder.Path, ["--db", workspace.Planted, .. args]);

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    [Fact]
    public void Actor_shows_a_profile_table()
    {
        var run = Run("actor", "mnla");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("National Movement for the Liberation of Azawad (ArmedGroup)", run.Output, StringComparison.Ordinal);
        Assert.Contains("registry mnla", run.Output, StringComparison.Ordinal);
        Assert.Contains("first seen 2012", run.Output, StringComparison.Ordinal);
        Assert.Contains("claims by National Movement for the Liberation of Azawad", run.Output, StringComparison.Ordinal);
        Assert.Contains("events", run.Output, StringComparison.Ordinal);
        Assert.Contains("named in", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_json_has_the_facts_with_their_sources()
    {
        var json = Json(Run("actor", "Ansar Dine", "--json"));

        Assert.Equal("Ansar Dine", json.GetProperty("entity").GetProperty("name").GetString());
        Assert.True(json.GetProperty("documents").GetInt32() >= 3);
        Assert.Equal(json.GetProperty("documents").GetInt32(), json.GetProperty("named_in").GetProperty("total").GetInt32());
        var events = json.GetProperty("events").GetProperty("items");
        Assert.NotEmpty(events.EnumerateArray());
        Assert.All(events.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("source").GetProperty("evidence").GetString())));
        Assert.True(string.CompareOrdinal(json.GetProperty("first_seen").GetString(), json.GetProperty("last_seen").GetString()) <= 0);
    }

    [Fact]
    public void Actor_shows_the_newest_of_each_section_and_pages_through_one()
    {
        var profile = Json(Run("actor", "MNLA", "--limit", "2", "--json"));
        var rest = Json(Run("actor", "MNLA", "--section", "claims-about", "--offset", "2", "--limit", "500", "--json"));
        var table = Run("actor", "MNLA", "--limit", "1");
        var one = Run("actor", "MNLA", "--section", "events", "--limit", "1");

        var about = profile.GetProperty("claims_about");
        Assert.Equal(2, about.GetProperty("items").GetArrayLength());
        Assert.True(about.GetProperty("more").GetBoolean());
        Assert.Equal("claims-about", rest.GetProperty("section").GetString());
        Assert.Equal(about.GetProperty("total").GetInt32() - 2, rest.GetProperty("page").GetProperty("items").GetArrayLength());
        Assert.False(rest.GetProperty("page").GetProperty("more").GetBoolean());
        Assert.Contains("more: harmattan actor ent_", table.Output, StringComparison.Ordinal);
        Assert.Contains("--section claims-about --offset 1 --limit 1", table.Output, StringComparison.Ordinal);
        Assert.Contains("events (1–1 of ", one.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("claims about", one.Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("actor", "MNLA", "--section", "friends").ExitCode);
        Assert.Contains("is not one of documents, attributes, relations, events, claims-by, claims-about", Run("actor", "MNLA", "--section", "friends").Error, StringComparison.Ordinal);
        Assert.Equal(2, Run("actor", "MNLA", "--offset", "3").ExitCode);
        Assert.Equal(2, Run("actor", "MNLA", "--limit", "0").ExitCode);
    }

    [Fact]
    public void An_unknown_actor_exits_1_naming_it()
    {
        var run = Run("actor", "Front for the Liberation of Nowhere");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[HRM0210] Front for the Liberation of Nowhere", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void An_ambiguous_name_exits_1_listing_the_candidates()
    {
        var run = RunPlanted("actor", "niger");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[HRM0211] niger", run.Error, StringComparison.Ordinal);
        Assert.Contains("Niger (Country,", run.Error, StringComparison.Ordinal);
        Assert.Contains("Niger (Place,", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_shows_actors_with_centrality_and_edges_with_their_documents()
    {
        var table = RunPlanted("network");
        var json = Json(RunPlanted("network", "--json"));
        var opposes = Json(RunPlanted("network", "--type", "opposes", "--json"));
        var later = Json(RunPlanted("network", "--since", "2012-05", "--json"));

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("betweenness", table.Output, StringComparison.Ordinal);
        Assert.Contains("2 actors, 2 relations", table.Output, StringComparison.Ordinal);
        Assert.Equal(2, json.GetProperty("nodes").GetArrayLength());
        Assert.All(json.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(1, n.GetProperty("degree").GetInt32()));
        Assert.All(json.GetProperty("edges").EnumerateArray(), e => Assert.Equal(1, e.GetProperty("documents").GetInt32()));
        Assert.Equal("opposes", Assert.Single(opposes.GetProperty("edges").EnumerateArray()).GetProperty("type").GetString());
        Assert.Equal("opposes", Assert.Single(later.GetProperty("edges").EnumerateArray()).GetProperty("type").GetString());
    }

    [Fact]
    public void Network_refuses_an_unknown_relation_type_and_an_unknown_centre()
    {
        var badType = RunPlanted("network", "--type", "likes");
        var badCentre = RunPlanted("network", "--around", "Nobody at all");

        Assert.Equal(2, badType.ExitCode);
        Assert.Contains("[HRM0401] --type", badType.Error, StringComparison.Ordinal);
        Assert.Contains("cooperates_with", badType.Error, StringComparison.Ordinal);
        Assert.Equal(1, badCentre.ExitCode);
        Assert.Contains("[HRM0210] Nobody at all", badCentre.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_lists_an_actors_events_in_the_period_in_date_order()
    {
        var json = Json(Run("timeline", "--actor", "Ansar Dine", "--since", "2012", "--until", "2013-06", "--json"));
        var table = Run("timeline", "--place", "Gao");

        var events = json.EnumerateArray().ToList();
        Assert.NotEmpty(events);
        var earliest = events.Select(e => e.GetProperty("earliest").GetString()!).ToList();
        Assert.Equal(earliest.Order(StringComparer.Ordinal), earliest);
        Assert.All(earliest, d => Assert.InRange(string.CompareOrdinal(d, "2012-01-01") >= 0 && string.CompareOrdinal(d, "2013-06-30") <= 0, true, true));
        Assert.All(events, e => Assert.Contains(e.GetProperty("actors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Ansar Dine"));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("timeline", table.Output, StringComparison.Ordinal);
        Assert.Contains("Gao", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_period_is_a_usage_error_naming_the_option()
    {
        var notADate = Run("timeline", "--since", "last year");
        var backwards = Run("claims", "--since", "2013", "--until", "2012");

        Assert.Equal(2, notADate.ExitCode);
        Assert.Contains("[HRM0401] --since", notADate.Error, StringComparison.Ordinal);
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("[HRM0401] --since", backwards.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_by_a_speaker_and_about_a_subject()
    {
        var by = Json(Run("claims", "--speaker", "MNLA", "--json"));
        var about = Run("claims", "--about", "AQIM");

        Assert.NotEmpty(by.EnumerateArray());
        Assert.All(by.EnumerateArray(), c => Assert.Equal("National Movement for the Liberation of Azawad", c.GetProperty("speaker").GetProperty("name").GetString()));
        Assert.Equal(0, about.ExitCode);
        Assert.Contains("claims", about.Output, StringComparison.Ordinal);
        Assert.Contains("al-Qaeda in the Islamic Maghreb", about.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_are_listed_newest_first_and_a_limit_past_a_page_reads_several()
    {
        var all = Json(Run("claims", "--limit", "1200", "--json")).EnumerateArray().ToList();
        var two = Json(Run("claims", "--limit", "2", "--json")).EnumerateArray().ToList();
        var table = Run("claims", "--since", "2012-06", "--limit", "3");

        Assert.True(all.Count > KnowledgeStore.MaxPageSize || all.Count < 1200);
        var days = all.Select(c => StartDay(c.GetProperty("source").GetProperty("date").GetString()!)).ToList();
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
        Assert.Equal(all.Count, all.Select(c => c.GetProperty("source").GetProperty("document").GetString() + "/" + c.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Take(2).Select(c => c.GetProperty("id").GetString()), two.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("3 claims shown of", table.Output, StringComparison.Ordinal);
        Assert.Contains("newest first", table.Output, StringComparison.Ordinal);

        // "2012-03" starts on 2012-03-01, "1992/1994" on 1992-01-01: compared by the first day each date denotes.
        static string StartDay(string iso) => PartialDate.TryParse(iso, out var date) ? date.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : iso;
    }

    [Fact]
    public void Places_show_counts_and_coordinates()
    {
        var json = Json(Run("places", "--json"));
        var table = Run("places");

        var mali = json.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Mali");
        Assert.Equal("Country", mali.GetProperty("type").GetString());
        Assert.InRange(mali.GetProperty("lat").GetDouble(), 10, 25);
        Assert.True(mali.GetProperty("documents").GetInt32() >= 5);
        Assert.Contains("with coordinates", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputes_show_both_sides_and_why()
    {
        var json = Json(RunPlanted("disputes", "--json"));
        var table = RunPlanted("disputes");

        var kinds = json.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["relation", "assessment"], kinds);
        var assessment = json[1];
        Assert.Equal("strength", assessment.GetProperty("topic").GetString());
        Assert.Equal("Colonel Sidi Keita", assessment.GetProperty("side_a")[0].GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("Clashes near Anefis", assessment.GetProperty("side_b")[0].GetProperty("source").GetProperty("title").GetString());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("why: on strength, Colonel Sidi Keita says \"weakened\" (−)", table.Output, StringComparison.Ordinal);
        Assert.Contains("2 disputes", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, RunPlanted("disputes", "--window", "10").ExitCode);
        Assert.Contains("0 disputes", RunPlanted("disputes", "--window", "10").Output, StringComparison.Ordinal);
        Assert.DoesNotContain("older documents were not compared", table.Output, StringComparison.Ordinal);
        Assert.Equal(json.ToString(), Json(RunPlanted("disputes", "--json", "--documents", "0")).ToString());
    }

    [Fact]
    public void Disputes_of_the_whole_knowledge_base_are_read_from_its_newest_documents_unless_told_otherwise()
    {
        // The planted reports' two disputes each need a report stored before the newest one.
        var newest = RunPlanted("disputes", "--documents", "1");
        var negative = RunPlanted("disputes", "--documents", "-1");

        Assert.Equal(0, newest.ExitCode);
        Assert.Contains("0 disputes", newest.Output, StringComparison.Ordinal);
        Assert.Contains("from the statements of the newest document stored; older documents were not compared", newest.Output, StringComparison.Ordinal);
        Assert.Contains("2 disputes", RunPlanted("disputes", "--documents", "0").Output, StringComparison.Ordinal);
        Assert.NotEqual(0, negative.ExitCode);
        Assert.Contains("--documents", negative.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputes_about_one_actor_are_read_from_its_own_statements()
    {
        var mnla = RunPlanted("disputes", "--actor", "MNLA");
        var officer = RunPlanted("disputes", "--actor", "Colonel Sidi Keita");
        var nobody = RunPlanted("disputes", "--actor", "Nobody at all");

        Assert.Equal(0, mnla.ExitCode);
        Assert.Contains("2 disputes", mnla.Output, StringComparison.Ordinal);
        Assert.Contains("0 disputes", officer.Output, StringComparison.Ordinal);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("[HRM0210] Nobody at all", nobody.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_pages_and_network_says_when_its_limits_cut_it()
    {
        var all = Json(Run("timeline", "--place", "Gao", "--json"));
        var page = Json(Run("timeline", "--place", "Gao", "--limit", "2", "--offset", "1", "--json"));
        var table = Run("timeline", "--place", "Gao", "--limit", "2");
        var cut = RunPlanted("network", "--around", "MNLA", "--max-actors", "1");
        var whole = Json(RunPlanted("network", "--around", "MNLA", "--json"));

        Assert.True(all.GetArrayLength() > 3);
        Assert.Equal(all.EnumerateArray().Skip(1).Take(2).Select(e => e.GetProperty("id").GetString()), page.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Contains($"events 1–2 of {all.GetArrayLength()} (any time); next: --offset 2", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, cut.ExitCode);
        Assert.Contains("truncated: read the newest", cut.Output, StringComparison.Ordinal);
        Assert.False(whole.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, RunPlanted("network", "--max-actors", "0").ExitCode);
        Assert.Equal(2, Run("timeline", "--limit", "501").ExitCode);
    }
}
