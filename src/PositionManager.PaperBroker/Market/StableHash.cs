namespace PositionManager.PaperBroker.Market;

/// <summary>FNV-1a over a symbol: string.GetHashCode is randomised per process, and a default quote
/// path must be the same in every run.</summary>
internal static class StableHash
{
    public static int Of(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
