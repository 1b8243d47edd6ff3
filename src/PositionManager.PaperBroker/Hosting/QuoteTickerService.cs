using Microsoft.Extensions.Hosting;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// On the system clock, tells the market that time moved, so the quote stream pushes what the
/// random walks and CSV paths did meanwhile. Set quotes are pushed at once without it.
/// </summary>
public sealed class QuoteTickerService(SimulationDriver driver, MarketSimulator market, PaperBrokerOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (driver.IsManual || options.QuoteStreamInterval <= TimeSpan.Zero)
        {
            return; // a manual clock's Advance tells the market itself
        }

        using var timer = new PeriodicTimer(options.QuoteStreamInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            market.NotifyTimeMoved();
        }
    }
}
