using System.Net;
using System.Net.Sockets;

namespace PositionManager.TestSupport;

/// <summary>
/// Ports free right now, for processes that must be told their port before they start. They come
/// from just below the kernel's ephemeral range, never from it: between this check and the
/// process's bind, a port the kernel chose could be handed to an outgoing connection or to another
/// test assembly's node asking for any port (both run in parallel with these tests).
/// </summary>
public static class FreePorts
{
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const int RangeWidth = 10_000;
    private static readonly object Gate = new();
    private static readonly (int First, int Count) Range = BelowEphemeral();
    private static int _next = Random.Shared.Next(Range.Count);

    public static int[] Take(int count)
    {
        lock (Gate)
        {
            var ports = new List<int>(count);
            for (var tried = 0; ports.Count < count; tried++)
            {
                if (tried == Range.Count)
                {
                    throw new InvalidOperationException($"no {count} free ports in {Range.First}-{Range.First + Range.Count - 1}");
                }

                var candidate = Range.First + _next;
                _next = (_next + 1) % Range.Count;
                if (IsFree(candidate))
                {
                    ports.Add(candidate);
                }
            }

            return [.. ports];
        }
    }

    private static bool IsFree(int port)
    {
        // Free on every interface, not only on loopback, whichever address the process binds.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int First, int Count) BelowEphemeral()
    {
        var ephemeralFirst = File.Exists(EphemeralRangeFile)
            ? int.Parse(File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0])
            : 32768;
        var first = Math.Max(1024, ephemeralFirst - RangeWidth);
        return (first, ephemeralFirst - first);
    }
}
