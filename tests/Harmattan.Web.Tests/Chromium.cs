using Microsoft.Playwright;

namespace Harmattan.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright, one per test class. No browser is ever downloaded: the
/// executable is <c>/usr/bin/chromium</c> (apt-get install chromium) or <c>HARMATTAN_CHROMIUM</c>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("HARMATTAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"no chromium at {ExecutablePath}: apt-get install chromium (as .ci/run does), or set HARMATTAN_CHROMIUM");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
