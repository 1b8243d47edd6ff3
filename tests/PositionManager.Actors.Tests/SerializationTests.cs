using System.Text;
using System.Text.Json;
using Akka.Serialization;
using PositionManager.Actors.Serialization;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using Xunit.Abstractions;

namespace PositionManager.Actors.Tests;

public class SerializationTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TestConfig.Local(JournalTarget.SqliteFile(":memory:")), output: output)
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "manifests.v1.jsonl");

    [Fact]
    public void Every_sample_round_trips_through_our_serializer_as_bound_in_hocon()
    {
        foreach (var sample in SampleMessages.All())
        {
            var serializer = Sys.Serialization.FindSerializerFor(sample);
            Assert.IsType<PositionManagerSerializer>(serializer);
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, sample);
            var copy = Sys.Serialization.Deserialize(serializer.ToBinary(sample), serializer.Identifier, manifest);
            AssertSameValue(sample, copy);
        }
    }

    [Fact]
    public void Every_message_and_event_type_we_define_has_a_manifest_and_a_sample()
    {
        var ours = typeof(IPositionManagerMessage).Assembly.GetTypes()
            .Concat(typeof(IPositionEvent).Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IPositionManagerMessage).IsAssignableFrom(t) || typeof(IPositionEvent).IsAssignableFrom(t)))
            .ToHashSet();
        var registered = Manifests.Registered.Select(m => m.Type).ToHashSet();
        var sampled = SampleMessages.All().Select(s => s.GetType()).ToHashSet();

        Assert.Empty(ours.Except(registered).Select(t => t.FullName));
        Assert.Empty(registered.Except(sampled).Select(t => t.FullName));
    }

    [Fact]
    public void Manifests_are_versioned_and_unique()
    {
        var manifests = Manifests.Registered.Select(m => m.Manifest).ToList();

        Assert.Equal(manifests.Count, manifests.Distinct().Count());
        Assert.All(manifests, m => Assert.Matches(@"\.v[0-9]+$", m));
    }

    /// <summary>
    /// The golden file holds what this version wrote. Every later version must still read it:
    /// change a shape by adding a new manifest version, never by breaking an old one.
    /// </summary>
    [Fact]
    public void The_golden_file_of_this_version_still_deserializes_to_the_same_values()
    {
        var serializer = (PositionManagerSerializer)Sys.Serialization.FindSerializerForType(typeof(PeakRaised));
        var samples = SampleMessages.All().ToDictionary(s => Manifests.For(s.GetType()));
        var lines = File.ReadAllLines(GoldenPath);

        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            var manifest = entry.RootElement.GetProperty("manifest").GetString()!;
            var payload = Encoding.UTF8.GetBytes(entry.RootElement.GetProperty("payload").GetRawText());
            var value = serializer.FromBinary(payload, manifest);
            AssertSameValue(samples[manifest], value);
        }

        Assert.Equal(samples.Keys.Order(), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("manifest").GetString()!).Order());
    }

    /// <summary>
    /// A shape under a manifest is frozen: this version must write byte for byte what the golden
    /// file holds. Changing a shape means a new manifest version (and PM_WRITE_GOLDEN=path to add it).
    /// </summary>
    [Fact]
    public void This_version_writes_exactly_what_the_golden_file_holds()
    {
        var serializer = (PositionManagerSerializer)Sys.Serialization.FindSerializerForType(typeof(PeakRaised));
        var written = SampleMessages.All().Select(sample =>
            $"{{\"manifest\":\"{serializer.Manifest(sample)}\",\"payload\":{Encoding.UTF8.GetString(serializer.ToBinary(sample))}}}").ToList();
        if (Environment.GetEnvironmentVariable("PM_WRITE_GOLDEN") is { Length: > 0 } target)
        {
            File.WriteAllLines(target, written);
        }

        Assert.Equal(File.ReadAllLines(GoldenPath), written);
    }

    /// <summary>
    /// Record equality compares lists by reference, so records holding lists are compared by
    /// their reflection-based JSON, which does not share our serializer's source-generated code.
    /// </summary>
    private static void AssertSameValue(object expected, object? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        if (!expected.Equals(actual))
        {
            var options = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
            Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), options), JsonSerializer.Serialize(actual, actual.GetType(), options));
        }
    }

    /// <summary>
    /// A policy journaled before give-backs, session closes, holds and the rest existed: it has
    /// none of their fields and must read back as the same policy, with every new part unset.
    /// </summary>
    [Fact]
    public void A_policy_journaled_before_the_new_exit_rules_reads_back_as_the_same_policy()
    {
        const string opened = """
            {"positionId":"SPY260220P00450000","symbol":"SPY260220P00450000","side":"Long","quantity":3,"entryPrice":2.40,
             "policy":{"stopLossPercent":25,"trailing":{"mode":"Amount","offset":0.5},"scaleOuts":[{"gainPercent":50,"closePercentOfOriginal":25}],
                       "timeExit":{"minutesBeforeCloseOnExpiry":30,"daysBeforeExpiry":1},"priceSource":"Bid"},
             "origin":"Adopted","at":"2026-02-02T15:30:00+00:00"}
            """;
        const string changed = """{"policy":{"trailing":{"mode":"Percent","offset":10},"priceSource":"Mid"},"stop":6.525,"trailArmed":true,"at":"2026-02-02T15:30:00+00:00"}""";
        var serializer = (PositionManagerSerializer)Sys.Serialization.FindSerializerForType(typeof(PeakRaised));

        var openedPolicy = Assert.IsType<PositionOpenedV1>(serializer.FromBinary(Encoding.UTF8.GetBytes(opened), "PositionOpened.v1")).Policy;
        var changedPolicy = Assert.IsType<PolicyChangedV1>(serializer.FromBinary(Encoding.UTF8.GetBytes(changed), "PolicyChanged.v1")).Policy;

        Assert.Equal(
            new ExitPolicy(StopLossPercent: 25, Trailing: TrailingStopRule.Amount(0.5m), ScaleOuts: [new ScaleOutTarget(50, 25)], TimeExit: new TimeExitRule(30, 1)),
            openedPolicy);
        Assert.Equal(new ExitPolicy(Trailing: TrailingStopRule.Percent(10), PriceSource: PriceSource.Mid), changedPolicy);
        Assert.Null(openedPolicy.MinHold);
        Assert.Equal((null, null), (openedPolicy.TimeExit!.MinutesBeforeClose, openedPolicy.TimeExit.MaxHold));
        Assert.Null(changedPolicy.TimeExit);
    }

    /// <summary>Every new part of a policy is journaled and read back, in events and in the snapshot.</summary>
    [Fact]
    public void A_policy_with_every_new_exit_rule_round_trips_in_events_and_snapshots()
    {
        var policy = new ExitPolicy(
            StopLossPercent: 40,
            Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(10),
            ScaleOuts: ScaleOutText.Parse("50:50,75:25"),
            TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 20, DaysBeforeExpiry: 0, MinutesBeforeClose: 10, MaxHold: TimeSpan.FromHours(26.5)),
            MinHold: TimeSpan.FromMinutes(15));
        var at = new DateTimeOffset(2026, 2, 2, 15, 30, 0, TimeSpan.Zero);
        var opened = new PositionOpened("GOOGL260220C00340000", "GOOGL260220C00340000", PositionSide.Long, 10, 5.00m, policy, OpenOrigin.Adopted, at);
        var state = PositionState.New("GOOGL260220C00340000").Apply(opened);
        var serializer = (PositionManagerSerializer)Sys.Serialization.FindSerializerForType(typeof(PeakRaised));

        var written = Encoding.UTF8.GetString(serializer.ToBinary(opened));
        Assert.Contains("\"trailing\":{\"mode\":\"Giveback\",\"offset\":25,\"activationGainPercent\":10}", written);
        Assert.Contains("\"timeExit\":{\"minutesBeforeCloseOnExpiry\":20,\"daysBeforeExpiry\":0,\"minutesBeforeClose\":10,\"maxHold\":\"1.02:30:00\"}", written);
        Assert.Contains("\"minHold\":\"00:15:00\"", written);
        foreach (object sample in new object[] { opened, new PolicyChanged(policy, null, false, at), state })
        {
            var copy = serializer.FromBinary(serializer.ToBinary(sample), serializer.Manifest(sample));
            AssertSameValue(sample, copy);
        }

        Assert.Equal(policy, ((PositionOpenedV1)serializer.FromBinary(serializer.ToBinary(opened), "PositionOpened.v1")).Policy);
    }

    [Fact]
    public void An_unknown_manifest_is_an_error_not_a_default()
    {
        var serializer = (PositionManagerSerializer)Sys.Serialization.FindSerializerForType(typeof(PeakRaised));

        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "PeakRaised.v0"));
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary("{\"symbol\":\"GOOGL\"}"u8.ToArray(), "PositionSnapshot.v1"));
    }
}
