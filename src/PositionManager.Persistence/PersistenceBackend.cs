namespace PositionManager.Persistence;

public enum PersistenceBackend
{
    Sqlite,
    Postgres,
}
