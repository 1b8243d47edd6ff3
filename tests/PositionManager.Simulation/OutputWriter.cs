using System.Text;
using Xunit.Abstractions;

namespace PositionManager.Simulation;

/// <summary>A TextWriter onto xunit's test output, so a failing scenario's report shows in the test's log.</summary>
public sealed class OutputWriter(ITestOutputHelper output) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            output.WriteLine(_line.ToString());
            _line.Clear();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }
}
