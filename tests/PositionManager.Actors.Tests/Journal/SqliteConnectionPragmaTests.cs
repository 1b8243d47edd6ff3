using LinqToDB.Data;
using PositionManager.Persistence;
using PositionManager.TestSupport;

namespace PositionManager.Actors.Tests.Journal;

/// <summary>Every journal connection to SQLite relaxes synchronous and waits in SQLite's own busy handler (SqliteJournalFile).</summary>
public sealed class SqliteConnectionPragmaTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_journal_connection_is_synchronous_normal_and_waits_for_a_busy_file(bool opensAsync)
    {
        // The first command opens the connection, asynchronously or not, and so runs that open's callback.
        await using var connection = new DataConnection(SqliteJournalFile.DataOptions(TestJournals.NewSqlite()));
        var synchronous = opensAsync ? await connection.ExecuteAsync<long>("PRAGMA synchronous;") : connection.Execute<long>("PRAGMA synchronous;");

        // 1 is NORMAL; busy_timeout is in milliseconds.
        Assert.Equal(1L, synchronous);
        Assert.Equal(30000L, connection.Execute<long>("PRAGMA busy_timeout;"));
    }
}
