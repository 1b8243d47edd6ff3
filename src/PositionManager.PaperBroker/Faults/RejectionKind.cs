namespace PositionManager.PaperBroker.Faults;

/// <summary>How a forced rejection shows itself.</summary>
public enum RejectionKind
{
    /// <summary>The submission is refused with HTTP 403 and no order exists.</summary>
    Http,

    /// <summary>The order is created with status <c>rejected</c> and the stream says <c>rejected</c>.</summary>
    Order,
}
