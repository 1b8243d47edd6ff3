using System.Text.Json;
using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>Source-generated JSON for every wire shape; snake_case as Alpaca spells its fields.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(ClockJson))]
[JsonSerializable(typeof(RequestTallyJson))]
[JsonSerializable(typeof(IReadOnlyList<CalendarDayJson>))]
[JsonSerializable(typeof(OptionContractJson))]
[JsonSerializable(typeof(MarketScheduleJson))]
[JsonSerializable(typeof(ContractConfigJson))]
[JsonSerializable(typeof(PositionJson))]
[JsonSerializable(typeof(IReadOnlyList<PositionJson>))]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(IReadOnlyList<OrderJson>))]
[JsonSerializable(typeof(LatestQuotesJson))]
[JsonSerializable(typeof(LatestTradesJson))]
[JsonSerializable(typeof(SnapshotsJson))]
[JsonSerializable(typeof(StreamMessageJson<AuthorizationDataJson>))]
[JsonSerializable(typeof(StreamMessageJson<ListeningDataJson>))]
[JsonSerializable(typeof(StreamMessageJson<TradeUpdateJson>))]
[JsonSerializable(typeof(StreamErrorJson))]
[JsonSerializable(typeof(FaultsJson))]
[JsonSerializable(typeof(SeedPositionJson))]
[JsonSerializable(typeof(SetQuoteJson))]
[JsonSerializable(typeof(ControlRequestJson))]
[JsonSerializable(typeof(ControlResultJson))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class PaperJsonContext : JsonSerializerContext;
