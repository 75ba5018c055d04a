using Microsoft.Playwright;
using Xunit;

namespace JitLens.Jupyter.Tests.Html;

/// <summary>One headless Debian Chromium per test class, driven by Playwright; no browser is ever downloaded.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>The browser, or a skip with the reason when Debian's chromium is not installed.</summary>
    public IBrowser Require()
    {
        Skip.If(Browser is null, $"{ChromiumPath} is not installed (scripts/setup.sh installs Debian's chromium)");
        return Browser!;
    }
}
