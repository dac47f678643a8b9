using System.Net.Http.Json;
using System.Text.Json;

namespace Harmattan.Web.Tests;

/// <summary>
/// Report text is untrusted. Reports/hostile.* carry script elements, event-handler attributes,
/// javascript: links and markup in their titles and claims; wherever the UI shows them, nothing runs
/// (no dialog, window.__pwned stays unset, no CSP violation) and the markup reads as text.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class InjectionTests(HarmattanSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task Hostile_reports_show_their_markup_as_text_and_run_nothing_in_the_reader_search_lists_and_profile()
    {
        await using var ui = await Open("injection");

        await ui.GoAsync("#/doc/" + Site.Documents["hostile.md"]);
        Assert.Contains("<script>window.__pwned = 'title'</script>", await ui.TextAsync("#doc-title"), StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned = 'claim'</script> was the password", await ui.TextAsync("#doc-text"), StringComparison.Ordinal);
        await AssertInert(ui);

        await ui.GoAsync("#/doc/" + Site.Documents["hostile.txt"]);
        var text = await ui.TextAsync("#doc-text");
        Assert.Contains("<img src=x onerror=\"window.__pwned='txt-img'\">", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"javascript:window.__pwned='txt-a'\">this link</a>", text, StringComparison.Ordinal);
        await AssertInert(ui);

        await ui.GoAsync("#/doc/" + Site.Documents["hostile.html"]);
        Assert.Contains("<b onmouseover=\"window.__pwned='title'\">Menaka</b>", await ui.TextAsync("#doc-title"), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=window.__pwned='html-text-img'>", await ui.TextAsync("#doc-text"), StringComparison.Ordinal);
        // Hover and click the marked passages too: nothing in them reacts but the app's own links.
        await ui.Page.Locator("#doc-text").HoverAsync();
        await ui.SnapAsync("reader");
        await AssertInert(ui);

        await ui.GoAsync("#/documents");
        Assert.Contains(await ui.Page.Locator("table.documents a.doc-link").AllInnerTextsAsync(),
            t => t.Contains("<script>window.__pwned = 'title'</script>", StringComparison.Ordinal));
        await AssertInert(ui);

        await ui.GoAsync("#/search?q=pwned");
        var snippets = await ui.Page.Locator(".hit .snippet").AllInnerTextsAsync();
        Assert.Contains(snippets, s => s.Contains("<script>window.__pwned = 'txt-claim'</script>", StringComparison.Ordinal));
        Assert.All(await ui.Page.Locator(".hit .snippet mark").AllInnerTextsAsync(), m => Assert.Equal("pwned", m));
        await ui.SnapAsync("search");
        await AssertInert(ui);

        // The claim with a script in it, in its speaker's profile and in the claims view.
        await ui.GoAsync("#/actor/Sidi Keita");
        Assert.Contains(await ui.Page.Locator("#claims-by q").AllInnerTextsAsync(),
            t => t.Contains("<script>window.__pwned = 'txt-claim'</script>", StringComparison.Ordinal));
        await ui.SnapAsync("profile");
        await AssertInert(ui);
        await ui.GoAsync("#/claims?speaker=Sidi Keita");
        Assert.Contains(await ui.Page.Locator(".claim-item q").AllInnerTextsAsync(),
            t => t.Contains("<script>", StringComparison.Ordinal));
        await AssertInert(ui);

        await ui.DoneAsync();
    }

    [Fact]
    public async Task A_briefing_shows_hostile_claims_titles_and_names_as_text_and_runs_nothing()
    {
        await using var ui = await Open("injection-briefing");

        // The hostile reports' claims, titles and evidence, in a briefing on the month they were published.
        await ui.GoAsync("#/brief?since=2012-05&until=2012-05");
        var text = await ui.TextAsync(".briefing");
        Assert.Contains("Sidi Keita said: \u201c<script>window.__pwned = 'txt-claim'</script>\u201d", text, StringComparison.Ordinal);
        Assert.Contains("<b onmouseover=\"window.__pwned='title'\">Menaka</b>", text, StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned = 'title'</script> Hostile field note <img src=x onerror=\"window.__pwned='title-img'\">", text, StringComparison.Ordinal);
        await BriefingTests.AssertFootnoted(ui.Page);
        await ui.Page.Locator(".briefing").HoverAsync();
        await ui.Page.Locator(".briefing a.note-ref").Last.ClickAsync();
        await ui.SnapAsync("period");
        await AssertInert(ui);

        // An actor whose name holds markup, as an analyst's correction can make it; undone afterwards, for the other tests.
        const string Hostile = "Sidi <img src=x onerror=\"window.__pwned='name'\"> Keita";
        var keita = (await Site.Api("/api/entities/Sidi%20Keita")).GetProperty("entity").GetProperty("id").GetString();
        using var corrected = await Site.Client.PostAsJsonAsync(
            new Uri("api/reviews", UriKind.Relative),
            new { kind = "entity", factId = keita, action = "correct", changes = new { name = Hostile }, by = "injection-test" });
        corrected.EnsureSuccessStatusCode();
        var review = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        try
        {
            await ui.GoAsync("#/actor/" + keita);
            await ui.FollowAsync(ui.Page.Locator("#view nav.actions a.brief-link"), "brief");
            Assert.Equal("Briefing: " + Hostile, await ui.TextAsync("#brief-title"));
            Assert.Contains(await ui.Page.Locator(".briefing h3").AllInnerTextsAsync(), h => h.StartsWith(Hostile, StringComparison.Ordinal));
            Assert.Contains(await ui.Page.Locator(".briefing ul > li").AllInnerTextsAsync(), li => li.StartsWith(Hostile + " said:", StringComparison.Ordinal));
            await ui.SnapAsync("name");
            await AssertInert(ui);
        }
        finally
        {
            using var undone = await Site.Client.PostAsJsonAsync(new Uri($"api/reviews/{review}/undo", UriKind.Relative), new { by = "injection-test" });
            undone.EnsureSuccessStatusCode();
        }

        await ui.DoneAsync();
    }

    /// <summary>Nothing ran, and the page holds no element or attribute the report could have smuggled in.</summary>
    private static async Task AssertInert(UiPage ui)
    {
        Assert.Equal("undefined", await ui.Page.EvaluateAsync<string>("typeof window.__pwned"));
        var smuggled = await ui.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#view *')].flatMap(el => {
              const found = [];
              if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'B', 'SVG'].includes(el.tagName)) found.push('<' + el.tagName + '>');
              for (const a of el.attributes) {
                if (a.name.startsWith('on')) found.push(el.tagName + ' ' + a.name);
                if ((a.name === 'href' || a.name === 'src') && !/^(#|https?:)/.test(a.value)) found.push(el.tagName + ' ' + a.name + '=' + a.value);
              }
              return found;
            })
            """);
        Assert.Empty(smuggled);
        Assert.Empty(ui.Problems);
    }
}
