namespace PositionManager.Actors;

/// <summary>
/// Marks every message of ours that may cross the wire. The HOCON binds this interface to our
/// JSON serializer, so none of them can fall back to Akka's default serializer.
/// </summary>
public interface IPositionManagerMessage;
