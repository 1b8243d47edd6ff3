namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>The intent's progress after an input, and the step the gateway takes next.</summary>
public sealed record SequencingDecision(IntentProgress Progress, OutboxStep Step);
