using Akka.Actor;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>Synthetic contracts and the messages that drive them.</summary>
public static class Positions
{
    public const decimal Entry = 5.00m;

    /// <summary>Distinct OCC symbols: one root, many strikes and expiries.</summary>
    public static string[] Symbols(int count) =>
        Enumerable.Range(0, count)
            .Select(i => $"BNCH{27 + (i / 50_000):D2}0116C{(i % 50_000 + 1) * 1000:D8}")
            .ToArray();

    public static async Task OpenAllAsync(IActorRef region, IReadOnlyList<string> symbols)
    {
        var policy = new ExitPolicy(Trailing: TrailingStopRule.Percent(10));
        foreach (var batch in symbols.Chunk(500))
        {
            var replies = await Task.WhenAll(batch.Select(s => region.Ask<object>(new Open(s, s, PositionSide.Long, 10, Entry, policy, OpenOrigin.Adopted), TimeSpan.FromSeconds(120))));
            if (replies.FirstOrDefault(r => r is not CommandAccepted) is { } refused)
            {
                throw new InvalidOperationException($"opening failed: {refused}");
            }
        }
    }

    /// <summary>Asks every position for its state: returns when each has processed all it was sent.</summary>
    public static async Task DrainAsync(IActorRef region, IReadOnlyList<string> symbols)
    {
        foreach (var batch in symbols.Chunk(2_000))
        {
            await Task.WhenAll(batch.Select(s => region.Ask<PositionView>(new GetState(s), TimeSpan.FromSeconds(300))));
        }
    }

    /// <summary>
    /// Like <see cref="DrainAsync"/>, but every request comes from one shared actor instead of an
    /// ask each: Akka keeps a cell's last sender after the message, so after an ask every idle
    /// position would hold the finished ask and its reply (about 230 bytes) until its next message.
    /// </summary>
    public static async Task DrainFromOneSenderAsync(ActorSystem system, IActorRef region, IReadOnlyList<string> symbols)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(Props.Create(() => new ReplyCounter(symbols.Count, done)));
        foreach (var symbol in symbols)
        {
            region.Tell(new GetState(symbol), counter);
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(300));
    }

    public static async Task<PositionView[]> StatesAsync(IActorRef region, IReadOnlyList<string> symbols)
    {
        var views = new List<PositionView>(symbols.Count);
        foreach (var batch in symbols.Chunk(2_000))
        {
            views.AddRange(await Task.WhenAll(batch.Select(s => region.Ask<PositionView>(new GetState(s), TimeSpan.FromSeconds(300)))));
        }

        return views.ToArray();
    }

    public static PriceTick Tick(string symbol, decimal bid) =>
        new(symbol, new MarketQuote(symbol, (double)bid, (double)(bid + 0.05m), null, DateTimeOffset.UtcNow));
}
