using PositionManager.Cli;

// pmctl: ask a position manager node what it is doing, and (with its admin token) change it.
return await Pmctl.RunAsync(args, new Terminal(Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable));
