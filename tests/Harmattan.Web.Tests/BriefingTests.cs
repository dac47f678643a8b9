using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Harmattan.Web.Tests;

/// <summary>
/// The briefing page: reached from an actor's profile, from the timeline's period or from its own form, it shows
/// the server's HTML briefing inline, every sentence footnoted to a listed source, and downloads it.
/// </summary>
[Collection(SharedSite.Name)]
public sealed partial class BriefingTests(HarmattanSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task From_an_actor_profile_a_briefing_shows_every_sentence_footnoted_and_downloads()
    {
        await using var ui = await Open("briefing-actor");
        await ui.GoAsync("#/actor/MNLA");
        var name = (await Site.Api("/api/entities/MNLA")).GetProperty("entity").GetProperty("name").GetString()!;
        await ui.FollowAsync(ui.Page.Locator("#view nav.actions a.brief-link"), "brief");

        Assert.Equal("Briefing: " + name, await ui.TextAsync("#brief-title"));
        Assert.Equal(1, await ui.Page.Locator("#view h1").CountAsync());
        await AssertFootnoted(ui.Page);
        await ui.SnapAsync("briefing");

        // A note reference shows its source in the list, and the page stays where it is.
        var at = ui.Page.Url;
        var reference = ui.Page.Locator(".briefing a.note-ref").Nth(2);
        var number = await reference.GetAttributeAsync("data-note");
        await reference.ClickAsync();
        await Expect(ui.Page.Locator("#note-" + number)).ToHaveClassAsync(Focus());
        await Expect(ui.Page.Locator("#note-" + number)).ToBeFocusedAsync();
        Assert.Equal(at, ui.Page.Url);

        // Its address (to share, or opened apart) opens the briefing at that note.
        var address = await reference.GetAttributeAsync("href");
        Assert.Contains("note=" + number, address, StringComparison.Ordinal);
        await ui.GoAsync(address!);
        await Expect(ui.Page.Locator("#note-" + number)).ToHaveClassAsync(Focus());

        // Both downloads carry the briefing, under the name the server gives.
        var file = "briefing-" + NotLetterOrDigit().Replace(name.ToLowerInvariant(), "-").Trim('-');
        var markdown = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.Locator("a.download[data-format='md']").ClickAsync());
        Assert.Equal(file + ".md", markdown.SuggestedFilename);
        Assert.StartsWith("# Briefing: " + name + "\n", await File.ReadAllTextAsync((await markdown.PathAsync())!), StringComparison.Ordinal);
        var html = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.Locator("a.download[data-format='html']").ClickAsync());
        Assert.Equal(file + ".html", html.SuggestedFilename);
        Assert.Contains($"<h1>Briefing: {name}</h1>", await File.ReadAllTextAsync((await html.PathAsync())!), StringComparison.Ordinal);

        // A source's title opens its report in the reader.
        await ui.FollowAsync(ui.Page.Locator(".briefing ol.notes a.doc-link").First, "doc");
        await Expect(ui.Page.Locator("#doc-title")).ToBeVisibleAsync();
        await ui.DoneAsync();
    }

    [Fact]
    public async Task A_period_briefing_is_asked_for_from_the_timeline_or_the_briefing_form()
    {
        await using var ui = await Open("briefing-period");
        await ui.GoAsync("#/timeline?since=2012&until=2013");
        await ui.FollowAsync(ui.Page.Locator("#view a.brief-link"), "brief");
        Assert.Equal("Briefing: 2012 to 2013", await ui.TextAsync("#brief-title"));
        await AssertFootnoted(ui.Page);

        await ui.FollowAsync(ui.Page.Locator("#nav a[data-page='brief']"), "brief");
        Assert.Equal(0, await ui.Page.Locator(".briefing").CountAsync());
        var form = ui.Page.Locator("form.brief-form");
        await form.GetByLabel("Since").FillAsync("2015");
        await form.GetByLabel("Until").FillAsync("2021");
        await ui.ActAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Write briefing" }).ClickAsync(), "brief");
        Assert.Equal("Briefing: 2015 to 2021", await ui.TextAsync("#brief-title"));
        await AssertFootnoted(ui.Page);
        await ui.SnapAsync("period");

        // An actor and a place at once is refused, and the page says why.
        form = ui.Page.Locator("form.brief-form");
        await form.GetByLabel("Actor").FillAsync("MNLA");
        await form.GetByLabel("Place").FillAsync("Gao");
        await form.GetByRole(AriaRole.Button, new() { Name = "Write briefing" }).ClickAsync();
        await Expect(ui.Page.Locator("#view .page-brief[data-ready] .error")).ToContainTextAsync("not both");
        await Expect(ui.Page.Locator("#view .page-brief form.brief-form")).ToBeVisibleAsync();
        await ui.DoneAsync();
    }

    /// <summary>Every sentence (a list item or a paragraph of a section) has a note, and the notes listed are those referred to.</summary>
    internal static async Task AssertFootnoted(IPage page)
    {
        var items = await page.Locator(".briefing ul > li").CountAsync();
        var paragraphs = await page.Locator(".briefing > p:not(.generated):not(.remark)").CountAsync();
        Assert.True(items + paragraphs >= 3, $"only {items} items and {paragraphs} paragraphs");
        Assert.Equal(items, await page.Locator(".briefing ul > li:has(> sup a.note-ref)").CountAsync());
        Assert.Equal(paragraphs, await page.Locator(".briefing > p:not(.generated):not(.remark):has(> sup a.note-ref)").CountAsync());

        var referred = await page.Locator(".briefing a.note-ref").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.note))]");
        var listed = await page.Locator(".briefing ol.notes > li").EvaluateAllAsync<string[]>("els => els.map(e => e.id.replace('note-', ''))");
        Assert.NotEmpty(listed);
        Assert.Equal(referred.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLetterOrDigit();

    [GeneratedRegex(@"\bfocus\b")]
    private static partial Regex Focus();
}
