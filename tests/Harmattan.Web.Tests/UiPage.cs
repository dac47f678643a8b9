using System.Text.RegularExpressions;
using Harmattan.Tests;
using Microsoft.Playwright;

namespace Harmattan.Web.Tests;

/// <summary>
/// One test's browser page on the site. It records whatever would make the UI untrustworthy: a script
/// error, a failed request, a request to any host but 127.0.0.1 (aborted too, so nothing leaves), a CSP
/// violation or a dialog. <see cref="DoneAsync"/> saves a screenshot and fails on any of them; a test that
/// fails earlier still leaves its screenshot when the page is disposed.
/// </summary>
public sealed partial class UiPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _site;
    private readonly string _name;
    private bool _shot;

    private UiPage(IBrowserContext context, IPage page, Uri site, string name)
    {
        _context = context;
        _site = site;
        Page = page;
        _name = name;
    }

    public IPage Page { get; }

    /// <summary>What went wrong in the page so far.</summary>
    public List<string> Problems { get; } = [];

    public static string ScreenshotFolder => Path.Combine(RepositoryRoot.Path, ".build", "screenshots");

    public static Task<UiPage> OpenAsync(Chromium chromium, HarmattanSite site, string name) => OpenAsync(chromium, site.Address, name);

    /// <summary>A page on a server of the test's own (not the shared site), at <paramref name="address"/>.</summary>
    public static async Task<UiPage> OpenAsync(Chromium chromium, Uri address, string name)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            ViewportSize = new() { Width = 1400, Height = 1000 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var ui = new UiPage(context, page, address, name);
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });
        page.Request += (_, r) =>
        {
            if (!IsLocal(r.Url))
            {
                ui.Problems.Add("request outside 127.0.0.1: " + r.Url);
            }
        };
        page.PageError += (_, e) => ui.Problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => ui.Problems.Add($"request failed: {r.Method} {r.Url} ({r.Failure})");
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
            {
                ui.Problems.Add("console: " + m.Text);
            }
        };
        page.Dialog += async (_, d) =>
        {
            ui.Problems.Add($"dialog ({d.Type}): {d.Message}");
            await d.DismissAsync();
        };
        // Added by the driver, not the page, so the CSP does not apply to it.
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));");
        return ui;
    }

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is not ("http" or "https" or "ws" or "wss") || uri.Host == "127.0.0.1";
    }

    /// <summary>
    /// Opens a route (e.g. <c>#/actor/MNLA</c>), as typing it in the address bar would (from a page of the
    /// app, only the fragment changes and the app renders the route), and waits until it has rendered.
    /// </summary>
    public async Task<IResponse?> GoAsync(string route)
    {
        IResponse? response = null;
        // The address the page is at already is a reload, as in a browser.
        var again = Page.Url == _site + route;
        await ActAsync(async () => response = again ? await Page.ReloadAsync() : await Page.GotoAsync("/" + route), null);
        return response;
    }

    /// <summary>Waits until the page module named has rendered (the shell marks it data-ready), and checks it shows no error.</summary>
    public async Task ReadyAsync(string? page = null)
    {
        var selector = page is null ? "#view > .page[data-ready]" : $"#view > .page-{page}[data-ready]";
        await Page.Locator(selector).WaitForAsync(new() { Timeout = 15_000 });
        var errors = await Page.Locator("#view .error").AllTextContentsAsync();
        Assert.True(errors.Count == 0, "the page shows an error: " + string.Join(" | ", errors));
    }

    /// <summary>Clicks something that navigates to another page of the app, and waits for that page.</summary>
    public Task FollowAsync(ILocator link, string page) => ActAsync(() => link.ClickAsync(), page);

    /// <summary>
    /// Does something that renders a page again (a link, a filter, a correction) and waits until the new
    /// rendering is ready, never mistaking the one it replaces (each is numbered) for it.
    /// </summary>
    public async Task ActAsync(Func<Task> action, string? page)
    {
        var before = await Page.EvaluateAsync<string>("() => document.querySelector('#view > .page')?.dataset.render ?? ''");
        await action();
        var selector = page is null ? "#view > .page" : $"#view > .page-{page}";
        await Page.Locator($"{selector}[data-ready]:not([data-render='{before}'])").WaitForAsync(new() { Timeout = 15_000 });
        await ReadyAsync(page);
    }

    public Task<string> TextAsync(string selector) => Page.Locator(selector).First.InnerTextAsync();

    public async Task<int> NumberAsync(string selector) => int.Parse(await TextAsync(selector), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Saves the screenshot and fails on anything the page did wrong.</summary>
    public async Task DoneAsync()
    {
        await ScreenshotAsync();
        Assert.True(Problems.Count == 0, "the page misbehaved:\n" + string.Join("\n", Problems));
    }

    /// <summary>A screenshot of the page as it is now, besides the test's final one: <c>NAME-LABEL.png</c>.</summary>
    public Task SnapAsync(string label) => SaveAsync(_name + "-" + label);

    private Task ScreenshotAsync()
    {
        _shot = true;
        return SaveAsync(_name);
    }

    private async Task SaveAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, SafeName().Replace(name, "-") + ".png") });
    }

    public async ValueTask DisposeAsync()
    {
        if (!_shot)
        {
            try
            {
                await ScreenshotAsync();
            }
            catch (PlaywrightException)
            {
                // The page is already gone: the test's own failure says why.
            }
        }

        await _context.CloseAsync();
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex SafeName();
}

/// <summary>A test class with its own browser on the shared site (mark it [Collection(SharedSite.Name)]); each test opens its own page.</summary>
public abstract class BrowserTest(HarmattanSite site, Chromium chromium) : IClassFixture<Chromium>
{
    protected HarmattanSite Site { get; } = site;

    protected Task<UiPage> Open(string name) => UiPage.OpenAsync(chromium, Site, name);
}
