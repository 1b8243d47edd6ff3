using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PositionManager.Cli;

/// <summary>What every command's action gets: the parsed line, the client to the chosen node, and where to print.</summary>
public sealed class CommandContext(ParseResult parse, AdminClient client, Terminal terminal, bool json)
{
    public ParseResult Parse { get; } = parse;

    public AdminClient Client { get; } = client;

    public Terminal Terminal { get; } = terminal;

    public TextWriter Out => Terminal.Output;

    /// <summary>Prints the answer as JSON with --json, else as the command renders it for people.</summary>
    public void Show<T>(T value, JsonTypeInfo<T> type, Action<T, TextWriter> human)
    {
        if (json)
        {
            Out.WriteLine(JsonSerializer.Serialize(value, type));
        }
        else
        {
            human(value, Out);
        }
    }
}
