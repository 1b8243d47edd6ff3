using Akka.Actor;

namespace PositionManager.Node.Admin;

/// <summary>An Ask whose silence or wrong answer becomes one line an operator can act on.</summary>
internal static class Asks
{
    public static async Task<T> Ask<T>(ICanTell target, object question, TimeSpan timeout, string who)
    {
        try
        {
            return await target.Ask<T>(question, timeout);
        }
        catch (AskTimeoutException)
        {
            throw AdminProblem.Unavailable($"{who} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (InvalidCastException)
        {
            throw AdminProblem.Unavailable($"{who} answered something other than {typeof(T).Name}");
        }
    }
}
