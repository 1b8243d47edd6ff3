namespace PositionManager.Admin;

/// <summary>The cluster as the answering node sees it.</summary>
public sealed record ClusterView(string SelfAddress, string? Leader, IReadOnlyList<MemberView> Members);

/// <param name="Status">Akka's member status: Joining, Up, Leaving, Exiting, Down, Removed, WeaklyUp.</param>
public sealed record MemberView(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, string AppVersion);

/// <summary>An operator's request about one member, by its Akka address (<c>akka.tcp://position-manager@host:port</c>).</summary>
public sealed record MemberRequest(string Address);

/// <summary>What a mutating call did, in one line.</summary>
public sealed record CommandResult(string Message);

/// <summary>The body of every refused or failed admin call.</summary>
public sealed record AdminError(string Error);

/// <summary>A liveness or readiness report: each check with its status and why.</summary>
public sealed record HealthReportView(string Status, IReadOnlyDictionary<string, HealthCheckView> Checks);

public sealed record HealthCheckView(string Status, string? Description);
