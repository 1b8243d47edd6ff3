namespace PositionManager.Alpaca.Streaming;

/// <summary>Calls into a stream's sink: a sink's bug must not stop the stream that feeds every position.</summary>
internal static class SinkGuard
{
    public static void Call(Action notify, Action<Exception> failed)
    {
        try
        {
            notify();
        }
        catch (Exception e)
        {
            failed(e);
        }
    }
}
