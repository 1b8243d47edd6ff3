using Akka.Persistence.Sql.Config;
using static PositionManager.Persistence.Journal.DirectSql;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// The journal writer's statements on the table and columns the plugin's configuration names: a
/// multi-row INSERT for each count of rows up to <see cref="InsertRowsAtMost"/> (one round trip) and a
/// binary COPY for more (a round trip more to start, far less per row).
/// </summary>
internal sealed class JournalWriterStatements
{
    private readonly string[] _inserts;

    public JournalWriterStatements(JournalTableConfig table)
    {
        var c = table.EventJournalTable.ColumnNames;
        WithWriterUuid = table.EventJournalTable.UseWriterUuidColumn;
        string[] columns = WithWriterUuid
            ? [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier, c.WriterUuid]
            : [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier];
        var into = $"{Table(table.SchemaName, table.EventJournalTable.Name)} ({string.Join(", ", columns.Select(Quote))})";
        Copy = $"COPY {into} FROM STDIN (FORMAT BINARY)";

        // The deleted column is the literal false; the others are positional parameters, row by row.
        var perRow = columns.Length - 1;
        _inserts = [.. Enumerable.Range(0, InsertRowsAtMost + 1).Select(rows => rows == 0 ? string.Empty :
            $"INSERT INTO {into} VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                $"(${(r * perRow) + 1}, false, {string.Join(", ", Enumerable.Range(2, perRow - 1).Select(i => $"${(r * perRow) + i}"))})")))];
    }

    /// <summary>What one exit journals at a time stays under this; a burst of peaks goes by COPY.</summary>
    public int InsertRowsAtMost => 8;

    public bool WithWriterUuid { get; }

    public string Copy { get; }

    public string Insert(int rows) => _inserts[rows];
}
