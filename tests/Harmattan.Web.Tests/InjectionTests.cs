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
