using PositionManager.Domain.Symbols;

namespace PositionManager.Simulation.Scenarios;

/// <summary>
/// A scenario from one seed (System.Random(seed), nothing else): the contracts and their policies,
/// the walk of every price with its jumps and bad quotes, broker faults, people and node restarts.
/// </summary>
public static class ScenarioGenerator
{
    private static readonly DateOnly Expiry = new(2027, 6, 18);

    /// <summary>The seed of scenario <paramref name="index"/> of a run started with <paramref name="runSeed"/>.</summary>
    public static int SeedOf(int runSeed, int index) =>
        (int)((((uint)runSeed * 2654435761u) ^ ((uint)index * 40503u + 0x9E3779B9u)) & 0x7FFFFFFF);

    /// <param name="index">Makes the contracts the scenario's own: its root is unique within a run.</param>
    /// <param name="restartChance">How often a scenario stops and restarts the node (the expensive fault).</param>
    /// <param name="maxContracts">50 as issue 17 asks; the CI share runs smaller scenarios to fit its time.</param>
    public static Scenario Generate(int index, int seed, double restartChance = 0.03, int maxContracts = 50)
    {
        var random = new Random(seed);
        var root = RootOf(index);
        var count = 1 + (int)((maxContracts - 1) * Math.Pow(random.NextDouble(), 3));
        var contracts = Enumerable.Range(0, count)
            .Select(i => new ContractSetup(
                OptionSymbol.Create(root, Expiry.AddDays(7 * (i / 50)), random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put, 10 + i).Value,
                random.Next(1, 11),
                Math.Round(0.50m + (decimal)random.NextDouble() * 15m, 2),
                PolicyGenerator.Next(random)))
            .ToList();
        var handShort = random.NextDouble() < 0.2 ? OptionSymbol.Create(root, Expiry, OptionRight.Put, 5).Value : null;
        var fillDelay = random.NextDouble() < 0.3 ? TimeSpan.FromSeconds(random.Next(1, 6)) : TimeSpan.Zero;
        int? partial = random.NextDouble() < 0.2 ? random.Next(1, 3) : null;
        var steps = Steps(random, contracts, restartChance);
        return new Scenario(index, seed, contracts, root, handShort, fillDelay, partial, steps);
    }

    private static List<Step> Steps(Random random, IReadOnlyList<ContractSetup> contracts, double restartChance)
    {
        var mids = contracts.Select(c => c.Entry).ToArray();
        var steps = new List<Step>();
        var restartAt = random.NextDouble() < restartChance ? random.Next(2, 10) : -1;
        var length = random.Next(6, 16);
        for (var i = 0; i < length; i++)
        {
            if (i == restartAt)
            {
                steps.Add(new Step.NodeRestart());
            }

            if (random.NextDouble() < 0.15)
            {
                var kind = (FaultKind)random.Next(Enum.GetValues<FaultKind>().Length);
                steps.Add(new Step.BrokerFault(kind, kind == FaultKind.TradeStreamDrop ? 1 : random.Next(1, 4)));
            }

            if (random.NextDouble() < 0.08)
            {
                var action = (PersonAction)random.Next(Enum.GetValues<PersonAction>().Length);
                steps.Add(new Step.Person(action, random.Next(contracts.Count), random.Next(1, 4)));
            }

            steps.Add(new Step.Market(TimeSpan.FromSeconds(random.Next(1, 6)), [.. contracts.Select((_, k) => Walk(random, mids, k))]));
            if (random.NextDouble() < 0.2)
            {
                steps.Add(new Step.Reconcile());
            }
        }

        return steps;
    }

    /// <summary>A step of a random walk, sometimes a jump or gap (through any stop), sometimes a bad quote over it.</summary>
    private static QuoteChange Walk(Random random, decimal[] mids, int contract)
    {
        var move = random.NextDouble() < 0.06 ? (random.NextDouble() - 0.5) * 0.6 : Gaussian(random) * 0.04;
        var mid = Math.Max(0.05m, Math.Round(mids[contract] * (decimal)Math.Exp(move), 2));
        mids[contract] = mid;
        var half = Math.Max(0.01m, Math.Round(mid * 0.01m, 2));
        var (bid, ask) = (mid - half, mid + half);
        var problem = random.NextDouble() < 0.04 ? (QuoteProblem)random.Next(1, 4) : QuoteProblem.None;
        return new QuoteChange(contract, bid, ask, problem);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>"SA", "SB", …: a root (and stock ticker) no other scenario of the run uses.</summary>
    private static string RootOf(int index)
    {
        var letters = new System.Text.StringBuilder();
        var n = index;
        do
        {
            letters.Insert(0, (char)('A' + (n % 26)));
            n = (n / 26) - 1;
        }
        while (n >= 0);
        return "S" + letters;
    }
}
