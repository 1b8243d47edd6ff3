using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PositionManager.Persistence.Journal;

/// <summary>The few pieces the direct read paths share: a connection for the plugin's provider, quoting, parameters.</summary>
internal static class DirectSql
{
    /// <summary>
    /// A connection factory for the providers we run on (PostgreSQL in production, SQLite by
    /// default); null for any other provider, or a store configured only through DataOptions,
    /// which then keeps the plugin's own read path.
    /// </summary>
    public static Func<DbConnection>? Connect(string providerName, string connectionString) => providerName switch
    {
        _ when string.IsNullOrWhiteSpace(connectionString) => null,
        var name when name.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase) => () => new NpgsqlConnection(connectionString),
        var name when name.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase) => () => new SqliteConnection(connectionString),
        _ => null,
    };

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Table(string? schema, string name) =>
        string.IsNullOrWhiteSpace(schema) ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    /// <summary>Opens a connection and a prepared command (PostgreSQL keeps it per pooled connection).</summary>
    public static async Task<(DbConnection Connection, DbCommand Command)> CommandAsync(Func<DbConnection> connect, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = connect();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.PrepareAsync(cancellationToken);
            return (connection, command);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
