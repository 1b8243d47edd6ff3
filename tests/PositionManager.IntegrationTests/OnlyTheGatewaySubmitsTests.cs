using System.Reflection;
using PositionManager.Actors.Gateway;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Acceptance of the gateway issue: no code path sends an order except through BrokerGateway, and
/// OrderRules runs on every one. Read from the compiled code of every product assembly, so a new
/// caller anywhere fails here rather than in production.
/// </summary>
public sealed class OnlyTheGatewaySubmitsTests
{
    private static readonly MethodInfo Submit = typeof(IBrokerClient).GetMethod(nameof(IBrokerClient.SubmitOrderAsync))!;

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "PositionManager.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.EndsWith("Tests", StringComparison.Ordinal) && !name.EndsWith("TestSupport", StringComparison.Ordinal) && !name.EndsWith("Benchmarks", StringComparison.Ordinal))
            .Select(name => Assembly.Load(name!));

    [Fact]
    public void Only_the_broker_gateway_calls_SubmitOrderAsync()
    {
        var callers = ProductAssemblies()
            .SelectMany(IlCalls.In)
            .Where(call => IsSubmit(call.Callee))
            .Select(call => call.Caller.DeclaringType!)
            .ToList();

        Assert.NotEmpty(callers); // the scan does see the gateway's own call
        Assert.All(callers, caller => Assert.True(IsPartOf(caller, typeof(BrokerGateway)), $"{caller.FullName} submits orders outside the BrokerGateway"));
    }

    [Fact]
    public void Only_OrderRules_creates_the_OrderRequest_that_a_submit_requires()
    {
        // The record's copy constructor only clones a request that already passed (its properties have no init).
        var constructor = Assert.Single(
            typeof(OrderRequest).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public),
            c => c.GetParameters() is not [{ ParameterType: var only }] || only != typeof(OrderRequest));
        var creators = ProductAssemblies()
            .SelectMany(IlCalls.In)
            .Where(call => call.Callee == constructor)
            .Select(call => call.Caller.DeclaringType!)
            .Where(caller => caller != typeof(OrderRequest))
            .ToList();

        Assert.False(constructor.IsPublic);
        Assert.NotEmpty(creators);
        Assert.All(creators, creator => Assert.True(IsPartOf(creator, typeof(OrderRules)), $"{creator.FullName} creates an OrderRequest without OrderRules"));
    }

    private static bool IsSubmit(MethodBase callee) =>
        callee == Submit
        || (callee.Name == Submit.Name && callee.DeclaringType is { } type && typeof(IBrokerClient).IsAssignableFrom(type) && !type.IsInterface);

    private static bool IsPartOf(Type type, Type owner)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current == owner)
            {
                return true;
            }
        }

        return false;
    }
}
