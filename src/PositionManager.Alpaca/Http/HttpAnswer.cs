namespace PositionManager.Alpaca.Http;

/// <summary>An HTTP answer from Alpaca, whatever its status, with its body read.</summary>
internal sealed record HttpAnswer(int Status, byte[] Body, DateTimeOffset? RateLimitReset)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
