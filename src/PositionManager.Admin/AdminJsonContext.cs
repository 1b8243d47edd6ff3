using System.Text.Json;
using System.Text.Json.Serialization;

namespace PositionManager.Admin;

/// <summary>Source-generated JSON for every admin shape: camelCase, as the CLI's --json prints it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(MemberRequest))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(AdminError))]
[JsonSerializable(typeof(IReadOnlyList<ShardRegionView>))]
[JsonSerializable(typeof(RegionStatsView))]
[JsonSerializable(typeof(ShardStatsView))]
[JsonSerializable(typeof(ActorHierarchyView))]
[JsonSerializable(typeof(IReadOnlyList<NodeVersionView>))]
[JsonSerializable(typeof(IReadOnlyList<PositionSummary>))]
[JsonSerializable(typeof(PositionDetail))]
[JsonSerializable(typeof(PolicyChangeRequest))]
[JsonSerializable(typeof(PositionHistoryView))]
[JsonSerializable(typeof(PositionChartView))]
[JsonSerializable(typeof(GatewayView))]
[JsonSerializable(typeof(HaltRequest))]
[JsonSerializable(typeof(IReadOnlyList<OrderView>))]
[JsonSerializable(typeof(IReadOnlyList<AlertView>))]
[JsonSerializable(typeof(ReconcileView))]
[JsonSerializable(typeof(HealthReportView))]
[JsonSerializable(typeof(PolicyRulesView))]
[JsonSerializable(typeof(PolicyExplainView))]
[JsonSerializable(typeof(PolicyReapplyView))]
public sealed partial class AdminJsonContext : JsonSerializerContext;
