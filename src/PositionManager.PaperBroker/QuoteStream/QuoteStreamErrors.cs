namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>The error codes and texts of Alpaca's market data streams that the simulator answers with.</summary>
public static class QuoteStreamErrors
{
    public const int InvalidSyntax = 400;
    public const int NotAuthenticated = 401;
    public const int AuthFailed = 402;
    public const int AlreadyAuthenticated = 403;
    public const int MsgPackRequired = 412;
    public const int StarForQuotes = 413;

    public static string Message(int code) => code switch
    {
        InvalidSyntax => "invalid syntax",
        NotAuthenticated => "not authenticated",
        AuthFailed => "auth failed",
        AlreadyAuthenticated => "already authenticated",
        MsgPackRequired => "option messages are only available in MsgPack format",
        StarForQuotes => "star subscription is not allowed for option quotes",
        _ => "internal error",
    };
}
