using Microsoft.Extensions.Hosting;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>On the system clock, works due orders (fill delays, partial fills, resting limits) in the background.</summary>
public sealed class FillPumpService(SimulationDriver driver, PaperBrokerOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (driver.IsManual || options.PumpInterval <= TimeSpan.Zero)
        {
            return; // tests drive fills themselves, deterministically
        }

        using var timer = new PeriodicTimer(options.PumpInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            driver.Pump();
        }
    }
}
