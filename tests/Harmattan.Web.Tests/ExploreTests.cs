using System.Text.Json;
using Harmattan.Tests;
using static Microsoft.Playwright.Assertions;

namespace Harmattan.Web.Tests;

/// <summary>The pages an analyst explores with: shell, profile, reader, network, map, timeline, search, disagreements.</summary>
[Collection(SharedSite.Name)]
public sealed class ExploreTests(HarmattanSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    private const string TuaregReport = "2012-03-tuareg-rebellion-and-bamako-coup.txt";

    [Fact]
    public async Task The_shell_loads_every_page_from_its_menu_with_no_error_and_a_strict_policy()
    {
        await using var ui = await Open("shell");
        var response = await ui.GoAsync("");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);

        Assert.Equal(Site.Documents.Count, await ui.NumberAsync("#document-total"));
        Assert.Equal(Site.Documents.Count, await ui.Page.Locator("table.documents tbody tr").CountAsync());

        var menu = ui.Page.Locator("#nav a");
        Assert.Equal(9, await menu.CountAsync());
        foreach (var page in new[] { "actors", "network", "map", "timeline", "claims", "disputes", "brief", "review", "documents" })
        {
            await ui.FollowAsync(ui.Page.Locator($"#nav a[data-page='{page}']"), page);
            Assert.Contains("active", await ui.Page.Locator($"#nav a[data-page='{page}']").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        }

        await ui.DoneAsync();
    }

    [Fact]
    public async Task Uploading_a_report_already_stored_reports_it_unchanged_with_a_link_to_it()
    {
        await using var ui = await Open("upload");
        await ui.GoAsync("#/documents");
        await ui.Page.Locator("form.upload input[type='file']").SetInputFilesAsync(Path.Combine(RepositoryRoot.SampleReports, TuaregReport));
        await ui.Page.Locator("form.upload button[type='submit']").ClickAsync();
        var row = ui.Page.Locator(".upload-result tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Unchanged");
        Assert.Equal("#/doc/" + Site.Documents[TuaregReport], await row.Locator("a").GetAttributeAsync("href"));
        Assert.Equal(Site.Documents.Count, await ui.NumberAsync("#document-total"));
        await ui.DoneAsync();
    }

    [Fact]
    public async Task An_actor_profile_shows_aliases_relations_claims_and_sources_that_open_the_report_at_the_passage()
    {
        await using var ui = await Open("actor-profile");
        await ui.GoAsync("#/actor/MNLA");

        // Which spelling names the entity depends on the reports; the page shows the API's.
        var profile = await Site.Api("/api/entities/MNLA");
        Assert.StartsWith(profile.GetProperty("entity").GetProperty("name").GetString()!, await ui.TextAsync("#actor-name"), StringComparison.Ordinal);
        Assert.Contains("Armed group", await ui.TextAsync("#actor-name .badge"), StringComparison.Ordinal);
        Assert.Equal(
            profile.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!),
            await ui.Page.Locator(".aliases .alias").AllInnerTextsAsync());
        Assert.True(await ui.Page.Locator("#relations tbody tr").CountAsync() > 0);
        Assert.True(await ui.Page.Locator("#claims-by tbody tr").CountAsync() > 0);
        Assert.True(await ui.Page.Locator("#claims-about tbody tr").CountAsync() > 0);
        Assert.True(await ui.Page.Locator("#events tbody tr").CountAsync() > 0);
        Assert.Matches(@"^\d{4}", await ui.TextAsync(".facts-dl dd:nth-of-type(2)"));

        await ui.SnapAsync("profile");

        // A relation's source opens the reader with its evidence marked and in view.
        var link = ui.Page.Locator("#relations tbody tr .source a.doc-link").First;
        var evidence = await ui.Page.Locator("#relations tbody tr .source blockquote").First.InnerTextAsync();
        Assert.Contains("?fact=rel_", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await ui.FollowAsync(link, "doc");
        var focus = string.Concat(await ui.Page.Locator("#doc-text .focus").AllTextContentsAsync());
        Assert.Equal(Normalise(evidence), Normalise(focus));
        Assert.True(await ui.Page.Locator("#doc-text .focus").First.IsVisibleAsync());
        Assert.True(await ui.Page.Locator(".fact.active").CountAsync() == 1);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task A_profile_section_shows_its_total_and_reads_its_next_page_on_demand()
    {
        await using var ui = await Open("actor-more");
        await ui.GoAsync("#/actor/MNLA?limit=2");
        var total = (await Site.Api("/api/entities/MNLA/events?limit=1")).GetProperty("total").GetInt32();
        Assert.True(total > 2, "the samples give the MNLA several events");
        var rows = ui.Page.Locator("#events tbody tr");

        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(total, await ui.NumberAsync("#events h2 .count"));
        Assert.Equal($"2 of {total} shown", await ui.TextAsync("#events .shown"));
        var dates = await ui.Page.Locator("#events tbody .event-date").AllInnerTextsAsync();
        Assert.Equal(dates.OrderByDescending(EarliestDay, StringComparer.Ordinal), dates);

        await ui.Page.Locator("#events button.more").ClickAsync();
        await Expect(rows).ToHaveCountAsync(Math.Min(total, 2 + 25));
        await Expect(ui.Page.Locator("#events button.more")).ToBeHiddenAsync();
        Assert.Equal($"{total} of {total} shown", await ui.TextAsync("#events .shown"));
        await ui.SnapAsync("more");
        await ui.DoneAsync();
    }

    [Fact]
    public async Task In_the_reader_a_mention_links_to_its_actor_and_a_claim_to_the_claims_view()
    {
        await using var ui = await Open("reader-mention");
        await ui.GoAsync("#/doc/" + Site.Documents[TuaregReport]);
        Assert.StartsWith("From Rebellion to Coup", await ui.TextAsync("#doc-title"), StringComparison.Ordinal);
        Assert.True(await ui.Page.Locator("#doc-text a.mention").CountAsync() > 20);
        Assert.True(await ui.Page.Locator("#doc-text a.claim-link").CountAsync() > 5);
        Assert.True(await ui.Page.Locator(".fact-panel [data-section='claims'] .fact").CountAsync() > 0);

        var mention = ui.Page.Locator("#doc-text a.mention", new() { HasText = "Ansar Dine" }).First;
        await ui.FollowAsync(mention, "actor");
        Assert.StartsWith("Ansar Dine", await ui.TextAsync("#actor-name"), StringComparison.Ordinal);

        await ui.ActAsync(() => ui.Page.GoBackAsync(), "doc");
        var claim = ui.Page.Locator("#doc-text a.claim-link").First;
        var claimId = await claim.GetAttributeAsync("data-claim");
        await ui.FollowAsync(claim, "claims");
        Assert.Equal(claimId, await ui.Page.Locator(".claim-item.focus").GetAttributeAsync("data-claim"));
        await ui.DoneAsync();
    }

    [Fact]
    public async Task Filtering_the_network_by_relation_type_changes_the_graph_and_the_url()
    {
        await using var ui = await Open("network");
        await ui.GoAsync("#/network");
        var whole = await ui.NumberAsync("#edge-count");
        var api = await Site.Api("/api/network");
        Assert.Equal(api.GetProperty("edges").GetArrayLength(), whole);
        Assert.True(await ui.Page.Locator("#cy canvas").CountAsync() > 0);

        var leads = api.GetProperty("edges").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "leads");
        Assert.True(leads > 0);
        await ui.ActAsync(() => ui.Page.Locator("input[name='type'][value='leads']").UncheckAsync(), "network");
        Assert.Equal(whole - leads, await ui.NumberAsync("#edge-count"));
        Assert.Contains("type=", ui.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("type=leads", ui.Page.Url, StringComparison.Ordinal);
        Assert.False(await ui.Page.Locator("input[name='type'][value='leads']").IsCheckedAsync());
        await ui.SnapAsync("filtered");

        // The network around one actor is a smaller one; clicking an actor in the graph opens its profile.
        await ui.GoAsync("#/network?around=MNLA&depth=1");
        var around = await ui.NumberAsync("#edge-count");
        Assert.InRange(around, 1, whole - 1);
        await ui.Page.Locator("#cy").ScrollIntoViewIfNeededAsync();
        await ui.SnapAsync("around");
        var node = await ui.Page.EvaluateAsync<JsonElement>("""
            () => {
              const box = document.getElementById('cy');
              const node = box.cy.nodes().max(n => n.degree()).ele;
              const at = node.renderedPosition(), frame = box.getBoundingClientRect();
              return { id: node.id(), x: frame.left + at.x, y: frame.top + at.y };
            }
            """);
        await ui.ActAsync(() => ui.Page.Mouse.ClickAsync(node.GetProperty("x").GetSingle(), node.GetProperty("y").GetSingle()), "actor");
        Assert.EndsWith("#/actor/" + node.GetProperty("id").GetString(), ui.Page.Url, StringComparison.Ordinal);

        // A network cut by its limits says so.
        await ui.GoAsync("#/network?around=MNLA&depth=2&maxActors=2");
        Assert.Equal(2, await ui.NumberAsync("#node-count"));
        Assert.Contains("Cut to fit", await ui.TextAsync("#network-truncated"), StringComparison.Ordinal);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task The_map_draws_a_marker_for_every_place_with_coordinates_and_a_popup_of_its_events()
    {
        await using var ui = await Open("map");
        await ui.GoAsync("#/map");
        var places = (await Site.Api("/api/places?limit=500")).GetProperty("items").EnumerateArray().ToList();
        var located = places.Count(p => p.GetProperty("lat").ValueKind == JsonValueKind.Number);
        Assert.True(located > 5);
        Assert.Equal(located, await ui.Page.Locator("path.place-marker").CountAsync());
        Assert.Equal(located, await ui.NumberAsync("#marker-count"));
        Assert.True(await ui.Page.Locator(".leaflet-overlay-pane path").CountAsync() > 100, "the countries of the basemap are drawn");

        var gao = places.First(p => p.GetProperty("usage").GetProperty("place").GetProperty("name").GetString() == "Gao");
        await ui.GoAsync("#/map?place=" + gao.GetProperty("usage").GetProperty("place").GetProperty("id").GetString());
        var popup = ui.Page.Locator(".leaflet-popup .place-popup");
        await popup.WaitForAsync();
        Assert.StartsWith("Gao", await popup.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await popup.Locator(".popup-events li").CountAsync() > 0);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task The_timeline_lists_every_event_in_date_order()
    {
        await using var ui = await Open("timeline");
        await ui.GoAsync("#/timeline");
        var total = (await Site.Api("/api/timeline?limit=1")).GetProperty("total").GetInt32();
        var dates = (await ui.Page.Locator(".events .event").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.date)")).ToList();
        Assert.Equal(total, dates.Count);
        Assert.Equal(total, await ui.NumberAsync("#event-count"));
        var starts = dates.Select(EarliestDay).ToList();
        Assert.Equal(starts.Order().ToList(), starts);
        Assert.Equal(dates.Count(d => d.Length > 0), await ui.Page.Locator(".timeline-strip rect.mark").CountAsync());

        await ui.GoAsync("#/timeline?actor=MUJAO&since=2012");
        var mujao = await ui.NumberAsync("#event-count");
        Assert.InRange(mujao, 1, total - 1);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task An_ambiguous_actor_shows_its_candidates_and_choosing_one_opens_its_profile()
    {
        var fitting = (await Site.Api("/api/entities?q=" + HarmattanSite.SharedName)).GetProperty("items").EnumerateArray()
            .ToDictionary(e => e.GetProperty("type").GetString()!, e => e.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["Person", "Place"], fitting.Keys.Order(StringComparer.Ordinal));
        await using var ui = await Open("ambiguous-actor");
        await ui.GoAsync("#/timeline");

        // Typed in the timeline's actor filter, the name is refused (409) and the page lists what it fits.
        await ui.Page.Locator("form.filters input[name='actor']").FillAsync(HarmattanSite.SharedName);
        var refused = ui.Page.Locator("#view > .page-timeline[data-ready] .error");
        await ui.Page.Locator("form.filters button[type='submit']").ClickAsync();
        await refused.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("HRM0211", await refused.InnerTextAsync(), StringComparison.Ordinal);
        var choices = refused.Locator(".candidates li");
        await Expect(choices).ToHaveCountAsync(2);
        Assert.Equal(
            fitting.Values.Select(id => "#/actor/" + id).Order(StringComparer.Ordinal),
            (await choices.Locator("a.entity").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Order(StringComparer.Ordinal));
        var man = choices.Filter(new() { HasText = "Person" });
        Assert.Equal(
            $"#/timeline?actor={fitting["Person"]}",
            await man.Locator("a.use-candidate").GetAttributeAsync("href"));
        await ui.SnapAsync("candidates");

        // Choosing the man opens his profile.
        await ui.FollowAsync(man.Locator("a.entity"), "actor");
        Assert.EndsWith("#/actor/" + fitting["Person"], ui.Page.Url, StringComparison.Ordinal);
        Assert.StartsWith(HarmattanSite.SharedName, await ui.TextAsync("#actor-name"), StringComparison.Ordinal);
        Assert.Contains("Person", await ui.TextAsync("#actor-name .badge"), StringComparison.Ordinal);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task Search_marks_the_matches_in_documents_and_claims()
    {
        await using var ui = await Open("search");
        await ui.GoAsync("");
        await ui.Page.Locator("#quick-search input").FillAsync("Kidal");
        await ui.ActAsync(() => ui.Page.Locator("#quick-search input").PressAsync("Enter"), "search");
        Assert.Contains("q=Kidal", ui.Page.Url, StringComparison.Ordinal);
        var marks = await ui.Page.Locator(".hit .snippet mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Equal("kidal", m.ToLowerInvariant()));
        Assert.True(await ui.Page.Locator(".hit.kind-claim").CountAsync() > 0);
        Assert.True(await ui.Page.Locator(".hit.kind-document").CountAsync() > 0);

        // A document hit opens the report at the passage.
        await ui.FollowAsync(ui.Page.Locator(".hit.kind-document a.doc-link").First, "doc");
        Assert.Contains("Kidal", string.Concat(await ui.Page.Locator("#doc-text .focus").AllTextContentsAsync()), StringComparison.Ordinal);
        await ui.DoneAsync();
    }

    [Fact]
    public async Task The_disagreements_page_shows_both_sides_with_their_sources()
    {
        await using var ui = await Open("disputes");
        await ui.GoAsync("#/disputes");
        var disputes = ui.Page.Locator(".dispute");
        Assert.True(await disputes.CountAsync() >= 1);
        var first = disputes.First;
        Assert.Equal(2, await first.Locator(".side").CountAsync());
        Assert.True(await first.Locator(".side").Nth(0).Locator(".statement a.doc-link").CountAsync() > 0);
        Assert.True(await first.Locator(".side").Nth(1).Locator(".statement a.doc-link").CountAsync() > 0);
        Assert.Contains(await disputes.Locator(".statement q").AllInnerTextsAsync(), t => t.Contains("not weak", StringComparison.Ordinal));

        // About one actor: the disputes that concern it, no others.
        var subject = await first.Locator("header a.entity").First.GetAttributeAsync("href");
        var id = subject!["#/actor/".Length..];
        await ui.GoAsync("#/disputes?actor=" + id);
        var about = (await Site.Api("/api/disputes?actor=" + id)).GetProperty("total").GetInt32();
        Assert.True(about >= 1);
        Assert.Equal(about, await ui.Page.Locator(".dispute").CountAsync());
        await ui.DoneAsync();
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An ISO partial date's first day, as the timeline orders them ("1992/1994" starts in 1992).</summary>
    private static string EarliestDay(string date)
    {
        if (date.Length == 0)
        {
            return "9999";
        }

        var first = date.Split('/')[0];
        return first.Length switch { 4 => first + "-01-01", 7 => first + "-01", _ => first };
    }
}
