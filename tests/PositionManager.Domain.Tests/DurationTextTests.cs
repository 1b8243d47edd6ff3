using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Tests;

/// <summary>A hold written as <c>30m</c>, <c>4h</c>, <c>2d</c> or TimeSpan text, in a setting and on pmctl's command line alike.</summary>
public class DurationTextTests
{
    public static TheoryData<string, TimeSpan> Written => new()
    {
        { "30m", TimeSpan.FromMinutes(30) },
        { "4h", TimeSpan.FromHours(4) },
        { "2d", TimeSpan.FromDays(2) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "1d 6h", TimeSpan.FromHours(30) },
        { "1D6H", TimeSpan.FromHours(30) },
        { "45s", TimeSpan.FromSeconds(45) },
        { "250ms", TimeSpan.FromMilliseconds(250) },
        { " 90m ", TimeSpan.FromMinutes(90) },
        { "00:30:00", TimeSpan.FromMinutes(30) },
        { "2.00:00:00", TimeSpan.FromDays(2) },
        { "-00:30:00", TimeSpan.FromMinutes(-30) },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void A_duration_is_read_in_the_short_form_or_as_timespan_text(string text, TimeSpan expected)
    {
        Assert.True(DurationText.TryParse(text, out var duration));

        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("4 hours")]
    [InlineData("-30m")]
    [InlineData("1,5h")]
    [InlineData("h")]
    [InlineData("99999999999d")]
    [InlineData("999999999d")]
    [InlineData("25:99:00")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("90m")]
    [InlineData("1d 6h")]
    [InlineData("2.00:00:00")]
    [InlineData("1.5s")]
    public void What_the_policy_text_writes_reads_back(string text)
    {
        Assert.True(DurationText.TryParse(text, out var duration));

        Assert.True(DurationText.TryParse(ExitPolicyText.Duration(duration), out var again));
        Assert.Equal(duration, again);
    }
}
