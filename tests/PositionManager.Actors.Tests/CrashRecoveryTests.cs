using System.Diagnostics;
using Akka.Actor;
using Akka.Serialization;
using Microsoft.Data.Sqlite;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Persistence;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests;

/// <summary>
/// kill -9 in the middle of a tick stream: after restart every open position is back with exactly
/// the peak and stop it had journaled (the fold of its journal rows), nothing more, nothing less.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private static readonly string[] Symbols = ["CRSH270116C00005000", "CRSH270116C00006000", "CRSH270116C00007000", "CRSH270116P00004000", "CRSH270116P00003000"];

    [Fact]
    public async Task Positions_killed_mid_stream_come_back_with_what_they_had_journaled()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pm-crash-{Guid.NewGuid():N}.db");
        var journal = SqliteJournalFile.Prepare(file);

        using (var target = StartCrashTarget(file))
        {
            await AwaitAssertAsync(async () => Assert.True(await PeakEventsAsync(journal) >= 150, "the stream should have journaled peaks"), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
            target.Kill(entireProcessTree: true);
            await target.WaitForExitAsync();
        }

        await using var node = await HostedNode.StartAsync(journal, TimeProvider.System, numberOfShards: 10);
        foreach (var symbol in Symbols)
        {
            var expected = await FoldJournalAsync(journal, symbol, node.System.Serialization);
            var recovered = await node.Region.Ask<PositionView>(new GetState(symbol), RemainingOrDefault);
            Assert.Equal(expected, recovered.State);
        }
    }

    private Process StartCrashTarget(string file)
    {
        // Built by the same build (project reference), in its own output folder of the same configuration.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(output.Parent!.Parent!.Parent!.Parent!.FullName, "PositionManager.CrashTarget", "bin", output.Parent.Name, output.Name, "PositionManager.CrashTarget.dll");
        Assert.True(File.Exists(dll), $"crash target not built at {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(file);
        foreach (var symbol in Symbols)
        {
            start.ArgumentList.Add(symbol);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("crash target did not start");
        var ready = process.StandardOutput.ReadLine();
        if (ready != "READY")
        {
            // Its error output ends only when it does: reading it first, as an assertion message
            // built up front did, hung the test for as long as a healthy target kept streaming.
            process.Kill(entireProcessTree: true);
            Assert.Fail($"crash target said '{ready}': {process.StandardError.ReadToEnd()}");
        }

        return process;
    }

    private static async Task<long> PeakEventsAsync(JournalTarget journal)
    {
        await using var connection = new SqliteConnection(journal.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM journal WHERE manifest = 'PeakRaised.v1'";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The state the journal says the position had: every row of it, in order, through Apply.</summary>
    private static async Task<PositionState> FoldJournalAsync(JournalTarget journal, string symbol, Akka.Serialization.Serialization serialization)
    {
        await using var connection = new SqliteConnection(journal.ConnectionString);
        await connection.OpenAsync();
        await using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT message, identifier, manifest FROM journal WHERE persistence_id = $id AND deleted = 0 ORDER BY sequence_number";
        rows.Parameters.AddWithValue("$id", PositionActor.PersistenceIdFor(symbol));
        await using var reader = await rows.ExecuteReaderAsync();
        var state = PositionState.New(symbol);
        while (await reader.ReadAsync())
        {
            var change = serialization.Deserialize((byte[])reader[0], reader.GetInt32(1), reader.GetString(2));
            state = state.Apply((IPositionEvent)change);
        }

        return state;
    }
}
