namespace PositionManager.TestSupport;

/// <summary>Awaits an eventually-true condition over async calls, as TestKit's AwaitAssert does for sync ones.</summary>
public static class Eventually
{
    public static async Task AssertAsync(Func<Task> assertion, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                // Polled, not slept on: the next attempt follows at once after a short pause.
                await Task.Delay(50);
            }
        }
    }
}
