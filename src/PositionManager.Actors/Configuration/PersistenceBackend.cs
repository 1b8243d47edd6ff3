namespace PositionManager.Actors.Configuration;

public enum PersistenceBackend
{
    Sqlite,
    Postgres,
}
