using System.Text.Json.Serialization;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// Source-generated JSON for every wire shape: snake_case as Alpaca spells its fields, decimals
/// readable from Alpaca's strings (the reader is culture-invariant), nulls left out of requests.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(IReadOnlyList<OrderJson?>))]
[JsonSerializable(typeof(PositionJson))]
[JsonSerializable(typeof(IReadOnlyList<PositionJson?>))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(SubmitOrderJson))]
[JsonSerializable(typeof(StreamEnvelopeJson))]
[JsonSerializable(typeof(AuthorizationDataJson))]
[JsonSerializable(typeof(ListeningDataJson))]
[JsonSerializable(typeof(StreamErrorDataJson))]
[JsonSerializable(typeof(TradeUpdateDataJson))]
[JsonSerializable(typeof(AuthRequestJson))]
[JsonSerializable(typeof(ListenRequestJson))]
[JsonSerializable(typeof(ClockJson))]
[JsonSerializable(typeof(IReadOnlyList<CalendarDayJson?>))]
[JsonSerializable(typeof(OptionContractJson))]
internal sealed partial class AlpacaJsonContext : JsonSerializerContext;
