using Npgsql;

namespace PositionManager.Persistence.Discovery;

/// <summary>
/// The table of deploy/sql/002_discovery.postgres.sql. Freshness is judged by the database's clock
/// (<c>now()</c>) on write and read alike, so nodes with skewed clocks still agree on who is alive.
/// </summary>
public sealed class ContactPointTable(NpgsqlDataSource dataSource)
{
    public const string Name = "discovery_contact_points";

    private const string SchemaResource = "PositionManager.Persistence.discovery.postgres.sql";

    /// <summary>
    /// Nodes started at once all find the table missing; concurrent CREATE TABLE IF NOT EXISTS can
    /// still fail on PostgreSQL's catalog (duplicate pg_type row), so creation is serialised on this
    /// transaction-scoped advisory lock. The value is arbitrary but fixed: every node must use it.
    /// </summary>
    private const long CreationLock = 0x504D_4469_7363_6F76; // "PMDiscov"

    private volatile bool _created;

    /// <summary>Creates the table when it is missing; idempotent, cheap after the first success.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locked = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({CreationLock})", connection, transaction))
        {
            await locked.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Schema(), connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _created = true;
    }

    public async Task UpsertAsync(ContactPoint point, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO {Name} (service_name, host, port, last_heartbeat) VALUES ($1, $2, $3, now())
            ON CONFLICT (service_name, host, port) DO UPDATE SET last_heartbeat = excluded.last_heartbeat
            """);
        AddKey(command, point);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(ContactPoint point, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"DELETE FROM {Name} WHERE service_name = $1 AND host = $2 AND port = $3");
        AddKey(command, point);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The contact points of <paramref name="serviceName"/> whose last heartbeat is younger than <paramref name="ttl"/>, ordered.</summary>
    public async Task<IReadOnlyList<ContactPoint>> FreshAsync(string serviceName, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(
            $"SELECT host, port FROM {Name} WHERE service_name = $1 AND last_heartbeat > now() - $2 ORDER BY host, port");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceName });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = ttl });
        var points = new List<ContactPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new ContactPoint(serviceName, reader.GetString(0), reader.GetInt32(1)));
        }

        return points;
    }

    private static void AddKey(NpgsqlCommand command, ContactPoint point)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = point.ServiceName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = point.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = point.Port });
    }

    private static string Schema()
    {
        using var stream = typeof(ContactPointTable).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"embedded resource {SchemaResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
