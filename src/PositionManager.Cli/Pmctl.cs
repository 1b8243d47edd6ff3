using System.CommandLine;
using PositionManager.Cli.Commands;

namespace PositionManager.Cli;

/// <summary>
/// pmctl's command tree. Exit codes: 0 done, 1 the node refused, failed or was unreachable,
/// 2 the command line is wrong; every failure is one line on stderr beginning "pmctl: ".
/// </summary>
public static class Pmctl
{
    public static readonly Option<string?> Node = new("--node") { Description = $"the node's admin endpoint (default {NodeTarget.NodeVariable} or {NodeTarget.DefaultNode})", Recursive = true };
    public static readonly Option<string?> Token = new("--token") { Description = $"admin token for changes (default {NodeTarget.TokenVariable}, else ./{NodeTarget.DefaultTokenFile})", Recursive = true };
    public static readonly Option<string?> TokenFile = new("--token-file") { Description = "read the admin token from this file", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "print the node's answer as JSON", Recursive = true };
    public static readonly Option<int> Timeout = new("--timeout") { Description = "seconds to wait for the node", DefaultValueFactory = _ => 90, Recursive = true };

    public static async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        var root = new RootCommand("pmctl: look at and operate a position manager cluster through a node's admin endpoint")
        {
            Node, Token, TokenFile, Json, Timeout,
            ClusterCommands.Create(terminal),
            ShardingCommands.Create(terminal),
            ActorCommands.Create(terminal),
            PositionCommands.List(terminal),
            PositionCommands.Create(terminal),
            PolicyRulesCommands.Create(terminal),
            GatewayCommands.Create(terminal),
            GatewayCommands.Orders(terminal),
            ReconcilerCommands.Alerts(terminal),
            ReconcilerCommands.Reconcile(terminal),
            NodeCommands.Create(terminal),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            terminal.Error.WriteLine($"pmctl: {parse.Errors[0].Message} (see --help)");
            return PmctlError.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = terminal.Output, Error = terminal.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Gives a command an action that talks to the node; a <see cref="PmctlError"/> becomes its one line and exit code.</summary>
    public static Command Does(this Command command, Terminal terminal, Func<CommandContext, Task> work)
    {
        command.SetAction(async parse =>
        {
            try
            {
                var target = NodeTarget.Resolve(parse.GetValue(Node), parse.GetValue(Token), parse.GetValue(TokenFile), terminal.Environment);
                var seconds = parse.GetValue(Timeout);
                if (seconds is < 1 or > 3600)
                {
                    throw new PmctlError($"--timeout {seconds} must be between 1 and 3600 seconds", PmctlError.Usage);
                }

                using var client = new AdminClient(target, TimeSpan.FromSeconds(seconds));
                await work(new CommandContext(parse, client, terminal, parse.GetValue(Json)));
                return 0;
            }
            catch (PmctlError error)
            {
                terminal.Error.WriteLine($"pmctl: {error.Message}");
                return error.ExitCode;
            }
        });
        return command;
    }
}
