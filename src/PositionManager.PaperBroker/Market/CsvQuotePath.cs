using System.Globalization;

namespace PositionManager.PaperBroker.Market;

/// <summary>
/// Replays quotes from CSV: <c>time,bid,ask[,bid_size,ask_size]</c>, one quote a line, an optional
/// header. <c>time</c> is either seconds after the path's start (<c>12.5</c>) or an ISO-8601
/// instant, so recorded sessions and hand-written scenarios both replay.
/// </summary>
public static class CsvQuotePath
{
    public static ScriptedQuotePath Load(string path, DateTimeOffset start) => Parse(File.ReadAllLines(path), start, path);

    public static ScriptedQuotePath Parse(IEnumerable<string> lines, DateTimeOffset start, string source = "csv")
    {
        var points = new List<ScriptedQuote>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (!TryOffset(fields[0], start, out var at))
            {
                if (points.Count == 0 && lineNumber == 1)
                {
                    continue; // header
                }

                throw new FormatException($"{source}:{lineNumber}: '{fields[0]}' is neither seconds nor an ISO-8601 time");
            }

            if (fields.Length < 3 || !TryDecimal(fields[1], out var bid) || !TryDecimal(fields[2], out var ask))
            {
                throw new FormatException($"{source}:{lineNumber}: expected time,bid,ask[,bid_size,ask_size]");
            }

            var bidSize = fields.Length > 3 && int.TryParse(fields[3], CultureInfo.InvariantCulture, out var bs) ? bs : 10;
            var askSize = fields.Length > 4 && int.TryParse(fields[4], CultureInfo.InvariantCulture, out var @as) ? @as : 10;
            points.Add(new ScriptedQuote(at, bid, ask, bidSize, askSize));
        }

        return new ScriptedQuotePath(start, points);
    }

    private static bool TryOffset(string text, DateTimeOffset start, out TimeSpan at)
    {
        if (TryDecimal(text, out var seconds))
        {
            at = TimeSpan.FromSeconds((double)seconds);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant - start;
            return true;
        }

        at = default;
        return false;
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
