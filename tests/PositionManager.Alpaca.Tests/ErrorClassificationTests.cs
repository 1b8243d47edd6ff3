using System.Text;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// The 403s the PaperBroker never sends for keys (its auth refusal is a 401): classified as a pure
/// function. Assumption coded (docs/ALPACA.md; Alpaca-API issue #228 shows <c>{"message":"forbidden."}</c>
/// for refused keys): a 403 about the keys says so or carries nothing; a trading 403 carries a code and a reason.
/// </summary>
public sealed class ErrorClassificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"message":"forbidden."}""")]
    [InlineData("""{"code":40310000,"message":"forbidden"}""")]
    [InlineData("""{"code":40310000,"message":"request is not authorized"}""")]
    [InlineData("")]
    public void A_403_about_the_keys_is_unauthorized(string body)
    {
        var failure = Classify(403, body, CallKind.Submit);

        Assert.Equal(403, Assert.IsType<BrokerFailure.Unauthorized>(failure).HttpStatus);
    }

    [Theory]
    [InlineData("""{"code":40310000,"message":"insufficient buying power"}""", "insufficient buying power")]
    [InlineData("""{"code":40310000,"message":"position intent mismatch. inferred sell to open"}""", "position intent mismatch. inferred sell to open")]
    [InlineData("""{"message":"insufficient qty available for order (requested: 2, available: 1)"}""", "insufficient qty available for order (requested: 2, available: 1)")]
    public void A_trading_403_is_a_rejection_with_its_reason(string body, string reason)
    {
        var failure = Classify(403, body, CallKind.Submit);

        Assert.Equal(reason, Assert.IsType<BrokerFailure.Rejected>(failure).Message);
    }

    [Theory]
    [InlineData("{\"code\":42910000,\"message\":\"rate limit exceeded\"}")]
    [InlineData("")]
    [InlineData("Too Many Requests")]
    public void A_429_without_a_reset_header_retries_after_a_minute_whatever_the_body(string body)
    {
        var failure = Classify(429, body, CallKind.Read);

        Assert.Equal(Now.AddMinutes(1), Assert.IsType<BrokerFailure.RateLimited>(failure).RetryAt);
    }

    [Fact]
    public void A_422_keeps_alpacas_code_and_message()
    {
        var failure = Classify(422, """{"code":40010001,"message":"invalid position_intent"}""", CallKind.Submit);

        Assert.Equal(new BrokerFailure.Rejected(422, 40010001, "invalid position_intent"), failure);
    }

    [Fact]
    public void A_404_on_submit_is_a_rejection()
    {
        Assert.IsType<BrokerFailure.Rejected>(Classify(404, """{"code":40410000,"message":"asset not found"}""", CallKind.Submit));
    }

    private static BrokerFailure Classify(int status, string body, CallKind kind) =>
        AlpacaErrors.FromAnswer(new HttpAnswer(status, Encoding.UTF8.GetBytes(body), null), kind, Now);
}
