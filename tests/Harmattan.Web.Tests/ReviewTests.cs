using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Harmattan.Web.Tests;

/// <summary>The review queue: confirm a fact in place, see it leave the queue and stay confirmed, then undo it.</summary>
[Collection(SharedSite.Name)]
public sealed class ReviewTests(HarmattanSite site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task A_fact_confirmed_in_the_queue_leaves_it_stays_confirmed_after_reload_and_comes_back_when_undone()
    {
        await using var ui = await Open("review");
        await ui.GoAsync("#/review?kind=relation");

        // The analyst's name is asked once, kept in the browser and shown.
        await ui.Page.Locator(".who input[name='name']").FillAsync("amina");
        await ui.Page.Locator(".who button[type='submit']").ClickAsync();
        await Expect(ui.Page.Locator("#review-by")).ToHaveTextAsync("amina");

        var queued = await Site.Api("/api/review/queue?kind=relation&limit=500");
        var total = queued.GetProperty("total").GetInt32();
        var first = ui.Page.Locator(".queue-item").First;
        var fact = await first.GetAttributeAsync("data-fact");
        Assert.Equal(queued.GetProperty("items")[0].GetProperty("factId").GetString(), fact);
        var document = queued.GetProperty("items")[0].GetProperty("documentId").GetString();
        var confidences = await ui.Page.Locator(".queue-item .conf").AllInnerTextsAsync();
        Assert.Equal(confidences.Select(Percent).Order().ToList(), confidences.Select(Percent).ToList());

        await first.Locator("button.rv.confirm").ClickAsync();
        await Expect(ui.Page.Locator($".queue-item[data-fact='{fact}']")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#queue-total")).ToHaveTextAsync((total - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var record = ui.Page.Locator(".history-item").First;
        Assert.Equal(fact, await record.GetAttributeAsync("data-fact"));
        await Expect(record).ToContainTextAsync("confirm");
        await Expect(record).ToContainTextAsync("amina");

        // After a reload: still out of the queue, and confirmed in the reader too.
        await ui.GoAsync("#/review?kind=relation");
        await Expect(ui.Page.Locator($".queue-item[data-fact='{fact}']")).ToHaveCountAsync(0);
        Assert.Equal("confirmed", await Status(document!, fact!));
        await ui.GoAsync($"#/doc/{document}?fact={fact}");
        await Expect(ui.Page.Locator($".fact[data-fact='{fact}'] .status")).ToHaveTextAsync("confirmed");

        // Undo, from the history: the fact is proposed again and back in the queue.
        await ui.GoAsync("#/review?kind=relation");
        await ui.Page.Locator($".history-item[data-fact='{fact}'] button.undo").First.ClickAsync();
        await Expect(ui.Page.Locator($".queue-item[data-fact='{fact}']")).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator($".history-item[data-fact='{fact}']").First).ToContainTextAsync("undone by amina");
        Assert.Equal("proposed", await Status(document!, fact!));
        await ui.DoneAsync();
    }

    [Fact]
    public async Task A_correction_from_the_reader_is_recorded_with_its_before_and_after()
    {
        await using var ui = await Open("review-correct");
        await ui.GoAsync("");
        await ui.Page.EvaluateAsync("localStorage.setItem('harmattan.analyst', 'moussa')");
        var events = (await Site.Api("/api/review/queue?kind=event&limit=500")).GetProperty("items").EnumerateArray()
            .First(e => e.GetProperty("fields").GetProperty("date").GetString() is { Length: 4 });
        var document = events.GetProperty("documentId").GetString();
        var fact = events.GetProperty("factId").GetString();
        var year = events.GetProperty("fields").GetProperty("date").GetString()!;

        await ui.GoAsync($"#/doc/{document}?fact={fact}");
        var item = ui.Page.Locator($".fact[data-fact='{fact}']");
        await item.Locator("button.rv.correct").ClickAsync();
        await item.Locator(".correct-form input[name='date']").FillAsync(year + "-06");
        await ui.ActAsync(() => item.Locator(".correct-form button[type='submit']").ClickAsync(), "doc");
        await Expect(ui.Page.Locator($".fact[data-fact='{fact}'] .event-date")).ToHaveTextAsync(year + "-06");
        await Expect(ui.Page.Locator($".fact[data-fact='{fact}'] .status")).ToHaveTextAsync("confirmed");

        var log = await Site.Api($"/api/reviews?fact={fact}");
        var change = log.GetProperty("items")[0].GetProperty("changes")[0];
        Assert.Equal(("date", year, year + "-06", "moussa"), (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString(), log.GetProperty("items")[0].GetProperty("by").GetString()));

        // Put it back, so the other tests see the samples as extracted.
        await ui.GoAsync("#/review?kind=event");
        await ui.Page.Locator($".history-item[data-fact='{fact}'] button.undo").First.ClickAsync();
        await Expect(ui.Page.Locator($".history-item[data-fact='{fact}']").First).ToContainTextAsync("undone by moussa");
        await ui.DoneAsync();
    }

    private async Task<string?> Status(string document, string fact)
    {
        var item = await Site.Api($"/api/review/facts/relation/{document}/{fact}");
        return item.GetProperty("status").GetString();
    }

    private static int Percent(string text) => int.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
}
