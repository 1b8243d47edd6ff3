namespace PositionManager.Alpaca;

/// <summary>Which of Alpaca's trading environments a trading URL reaches.</summary>
public enum AlpacaTradingEnvironment
{
    /// <summary><c>paper-api.alpaca.markets</c>: the paper account, no real money.</summary>
    Paper,

    /// <summary><c>api.alpaca.markets</c>: the live account, real money.</summary>
    Live,

    /// <summary>Neither of Alpaca's hosts: a PaperBroker run separately, a proxy, or a look-alike.</summary>
    Other,
}
