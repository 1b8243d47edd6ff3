using System.Globalization;
using System.Net.Http.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using PositionManager.Domain.Symbols;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Console;

/// <summary>
/// The browser console in a real (headless) chromium against the demo node: positions appear, a stop
/// trails, an exit and its fill show on the position's page with a chart that has drawn, and a
/// manual close without the token is refused. The exit test takes the README's screenshot.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleNode node) : IClassFixture<ConsoleNode>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly ChromeDriver _browser = SystemChromium.Start();

    [Fact]
    public async Task Positions_appear_and_a_stop_trails_up()
    {
        Open(node.ConsoleUrl);
        ShowAllStatuses();

        var expected = node.OptionSymbols();
        var first = new Dictionary<string, decimal>();
        await Eventually.AssertAsync(
            () => Task.Run(() =>
            {
                var stops = Stops();
                Assert.Superset(expected.ToHashSet(), stops.Keys.ToHashSet());
                foreach (var (symbol, stop) in stops.Where(s => s.Value is not null))
                {
                    first.TryAdd(symbol, stop!.Value);
                }

                Assert.Equal(expected.Count, first.Count);
            }),
            Patience);

        await Eventually.AssertAsync(
            () => Task.Run(() => Assert.Contains(Stops(), s => s.Value is { } now && now > first[s.Key])),
            Patience);
        Assert.DoesNotContain(_browser.FindElements(By.CssSelector("#positions tbody tr")), row => row.GetDomAttribute("data-symbol") == "AAPL");
    }

    [Fact]
    public async Task An_exit_and_its_fill_show_on_the_position_page_with_a_drawn_chart()
    {
        Open(node.ConsoleUrl);
        ShowAllStatuses();
        string? closed = null;
        await Eventually.AssertAsync(
            async () =>
            {
                var shown = _browser.FindElements(By.CssSelector("#positions tbody tr"))
                    .Where(row => row.FindElement(By.CssSelector("td.status")).Text == "Closed")
                    .Select(row => row.GetDomAttribute("data-symbol")!)
                    .ToList();
                closed = await LongestSampled(shown);
                Assert.NotNull(closed);
            },
            Patience);
        await Eventually.AssertAsync(
            () => Task.Run(() => Assert.Contains(
                _browser.FindElements(By.CssSelector($"#orders tbody tr[data-symbol='{closed}'] td.outcome")),
                outcome => outcome.Text.StartsWith("filled", StringComparison.OrdinalIgnoreCase))),
            Patience);

        Open(new Uri(node.ConsoleUrl, "position.html?symbol=" + closed));

        await Eventually.AssertAsync(
            () => Task.Run(() =>
            {
                var events = _browser.FindElements(By.CssSelector("#history tbody tr")).Select(r => r.GetDomAttribute("data-event")).ToList();
                Assert.Contains("ExitTriggered.v1", events);
                Assert.Contains("CloseOrderFilled.v1", events);
                Assert.Contains("PositionClosed.v1", events);
                // Series: time, watched price, peak, stop, exit marks, fill marks.
                var drawn = ((IReadOnlyCollection<object>)_browser.ExecuteScript("return window.pmChart ? window.pmChart.data.map(s => s.filter(v => v !== null && v !== undefined).length) : [];")!)
                    .Select(Convert.ToInt64).ToList();
                Assert.Equal(6, drawn.Count);
                // The demo's 2% trail may close a position seconds after adoption: two samples make a line.
                Assert.True(drawn[1] >= 2, $"{drawn[1]} watched prices sampled");
                Assert.True(drawn[2] >= 1 && drawn[3] >= 1, "peak and stop drawn");
                Assert.True(drawn[4] >= 1, "the exit is marked");
                Assert.True(drawn[5] >= 1, "the fill is marked");
            }),
            Patience);
        var painted = Convert.ToInt64(_browser.ExecuteScript(
            "const c = document.querySelector('#chart canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;"), CultureInfo.InvariantCulture);
        Assert.True(painted > 2_000, $"the chart's canvas has {painted} painted pixels");
        Assert.Contains("Closed", _browser.FindElement(By.Id("d-status")).Text, StringComparison.Ordinal);

        Screenshot();
    }

    [Fact]
    public async Task A_manual_close_without_the_token_is_refused_and_sends_nothing()
    {
        var symbol = await HoldAnotherContract();
        Open(new Uri(node.ConsoleUrl, "position.html?symbol=" + symbol));
        _browser.ExecuteScript("sessionStorage.clear();");
        _browser.Navigate().Refresh();
        await Eventually.AssertAsync(() => Task.Run(() => Assert.StartsWith("Open", _browser.FindElement(By.Id("d-status")).Text, StringComparison.Ordinal)), Patience);

        _browser.FindElement(By.Id("close")).Click();
        var confirmation = _browser.SwitchTo().Alert();
        Assert.Contains(symbol, confirmation.Text, StringComparison.Ordinal);
        confirmation.Accept();

        await Eventually.AssertAsync(
            () => Task.Run(() => Assert.StartsWith("refused: this call needs the admin token", _browser.FindElement(By.Id("action-result")).Text, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20));
        using var admin = new HttpClient { BaseAddress = node.Node.AdminUrl };
        var history = await admin.GetStringAsync(PositionManager.Admin.AdminRoutes.PositionHistory(symbol));
        Assert.DoesNotContain("Manual", history, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _browser.Quit();
        _browser.Dispose();
    }

    private void Open(Uri url) => _browser.Navigate().GoToUrl(url);

    private void ShowAllStatuses() =>
        _browser.ExecuteScript("const s = document.getElementById('filter-status'); s.value = ''; s.dispatchEvent(new Event('change'));");

    private Dictionary<string, decimal?> Stops() =>
        _browser.FindElements(By.CssSelector("#positions tbody tr")).ToDictionary(
            row => row.GetDomAttribute("data-symbol")!,
            row => decimal.TryParse(row.FindElement(By.CssSelector("td.stop")).Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var stop) ? stop : (decimal?)null);

    /// <summary>
    /// Of the closed positions, the one the node sampled most while it was open (at least twice): the
    /// demo's 2% trail can close a position within a second or two of adoption, before any sample.
    /// </summary>
    private async Task<string?> LongestSampled(IReadOnlyList<string> closed)
    {
        using var admin = new HttpClient { BaseAddress = node.Node.AdminUrl };
        var sampled = new List<(string Symbol, int Samples)>();
        foreach (var symbol in closed)
        {
            var chart = await admin.GetFromJsonAsync<PositionManager.Admin.PositionChartView>(PositionManager.Admin.AdminRoutes.PositionChart(symbol));
            sampled.Add((symbol, chart!.Points.Count(p => p.Price is not null)));
        }

        return sampled.Where(s => s.Samples >= 2).OrderByDescending(s => s.Samples).Select(s => s.Symbol).FirstOrDefault();
    }

    /// <summary>A contract put into the demo account (as README's curl does) and adopted, so it is open whatever the market closed.</summary>
    private async Task<string> HoldAnotherContract()
    {
        var expiry = OptionSymbol.Parse(node.OptionSymbols()[0]).Expiry;
        var symbol = OptionSymbol.Create("MSFT", expiry, OptionRight.Call, 500m).Value;
        // A quote that stands still: no trail can close it before the test has tried.
        node.Node.Broker.Embedded!.Market.SetQuote(symbol, 4.00m, 4.10m);
        using var broker = new HttpClient { BaseAddress = node.Node.Broker.Embedded.BaseUrl };
        (await broker.PutAsJsonAsync($"/_paper/positions/{symbol}", new { qty = 3, avg_entry_price = "4.00" })).EnsureSuccessStatusCode();
        using var admin = new HttpClient { BaseAddress = node.Node.AdminUrl };
        await Eventually.AssertAsync(
            async () => Assert.Contains(symbol, await admin.GetStringAsync(PositionManager.Admin.AdminRoutes.Positions + "?status=open"), StringComparison.Ordinal),
            Patience);
        return symbol;
    }

    /// <summary>Into the test's output, and into docs/ for the README when PM_UPDATE_SCREENSHOT=1 (so a test run leaves the clone as it was).</summary>
    private void Screenshot()
    {
        var shot = _browser.GetScreenshot();
        var path = Environment.GetEnvironmentVariable("PM_UPDATE_SCREENSHOT") == "1"
            ? Repository.PathOf("docs", "console.png")
            : Path.Combine(AppContext.BaseDirectory, "console.png");
        shot.SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot shows a page");
    }
}
