using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>Turns configured quote paths into simulator paths; a bad path stops the start with one clear line.</summary>
public static class QuotePathFactory
{
    public static IQuotePath Create(QuotePathSettings s, DateTimeOffset start, int brokerSeed) => s.Kind switch
    {
        "scripted" => new ScriptedQuotePath(start, s.Points.Select(p => new ScriptedQuote(TimeSpan.FromSeconds(p.AtSeconds), p.Bid, p.Ask))),
        "random_walk" => new RandomWalkQuotePath(s.Seed ?? brokerSeed ^ StableHash.Of(s.Symbol), start, s.StartMid, s.Step, s.Volatility, s.SpreadFraction),
        "csv" => CsvQuotePath.Load(s.CsvPath ?? throw new InvalidOperationException($"quote path of {s.Symbol}: kind csv needs CsvPath"), start),
        _ => throw new InvalidOperationException($"quote path of {s.Symbol}: kind '{s.Kind}' is not scripted, random_walk or csv"),
    };
}
