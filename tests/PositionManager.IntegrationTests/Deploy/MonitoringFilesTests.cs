using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using PositionManager.Actors;
using PositionManager.IntegrationTests.Admin;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Deploy;

/// <summary>
/// deploy/prometheus/alerts.yml and deploy/grafana/position-manager.json name only metrics the node
/// exports: each is an instrument of our meter, and the gauges among them are in a running node's
/// /metrics (a counter appears there once it has counted).
/// </summary>
public sealed partial class MonitoringFilesTests(AdminNode node) : IClassFixture<AdminNode>
{
    private static readonly string Rules = File.ReadAllText(Repository.PathOf("deploy", "prometheus", "alerts.yml"));
    private static readonly string Dashboard = File.ReadAllText(Repository.PathOf("deploy", "grafana", "position-manager.json"));

    [Fact]
    public void The_alert_rules_cover_what_an_operator_must_be_woken_for()
    {
        var alerts = AlertName().Matches(Rules).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("UnexpectedShortPosition", alerts);
        Assert.Contains("RepeatedRefusedCloses", alerts);
        Assert.Contains("GatewayHalted", alerts);
        Assert.Contains("StaleQuotes", alerts);
        Assert.Contains("NodeNotReady", alerts);
        Assert.Equal(alerts.Count, Regex.Matches(Rules, @"^\s+expr: \S", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Every_dashboard_panel_queries_pm_metrics()
    {
        using var dashboard = JsonDocument.Parse(Dashboard);

        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, panel =>
        {
            var exprs = panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList();
            Assert.NotEmpty(exprs);
            Assert.All(exprs, e => Assert.Matches(MetricName(), e));
        });
    }

    [Fact]
    public async Task Every_metric_the_rules_and_the_dashboard_name_is_exported_by_the_node()
    {
        var declared = DeclaredInstruments();
        using var http = new HttpClient { BaseAddress = node.Node.AdminUrl };
        var scraped = await http.GetStringAsync(PositionManager.Admin.AdminRoutes.Metrics);

        var named = MetricName().Matches(Rules + Dashboard).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("pm_reconciler_alerts_total", named);
        Assert.Contains("pm_node_ready", named);
        var unknown = named.Where(n => !declared.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, $"not exported by the node: {string.Join(", ", unknown)}");
        foreach (var gauge in named.Where(n => declared[n] == nameof(ObservableGauge<int>)))
        {
            Assert.Matches(new Regex($"^{gauge}(\\{{| )", RegexOptions.Multiline), scraped);
        }

        // Counted at start-up (the demo's adoptions and its stock alert): the exporter's names are ours.
        Assert.Matches(new Regex("^pm_reconciler_alerts_total\\{.*kind=\"StockPosition\"", RegexOptions.Multiline), scraped);
        Assert.Matches(new Regex("^pm_node_ready 1$", RegexOptions.Multiline), scraped);
    }

    /// <summary>Every instrument of our meter in the node's assemblies, as Prometheus names it, with its kind.</summary>
    private static Dictionary<string, string> DeclaredInstruments()
    {
        // Instruments are static fields: make sure every holder has run, whether or not this run used it.
        foreach (var type in new[] { typeof(MetricsMeter).Assembly, typeof(PositionManager.Node.Hosting.PositionManagerNode).Assembly }.SelectMany(a => a.GetTypes()))
        {
            if (type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Any(f => typeof(Instrument).IsAssignableFrom(f.FieldType)))
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == MetricsMeter.Name)
                {
                    lock (found)
                    {
                        found[$"{MetricsMeter.Name}_{instrument.Name}"] = instrument.GetType().Name.Split('`')[0];
                    }
                }
            },
        };
        listener.Start();
        return found;
    }

    [GeneratedRegex(@"\bpm_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^\s+- alert: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
