using Segments.Core.Btyd;

namespace Segments.Core.Scale;

/// <summary>A BTYD history without its weight: x, t_x and T (in the unit they were built in).</summary>
public readonly record struct HistoryKey(int RepeatPurchases, double LastPurchaseTime, double ObservationTime) : IComparable<HistoryKey>
{
    /// <summary>The key of <paramref name="history"/>.</summary>
    public static HistoryKey Of(in CustomerHistory history) => new(history.RepeatPurchases, history.LastPurchaseTime, history.ObservationTime);

    /// <summary>The history shared by <paramref name="customers"/> customers.</summary>
    public CustomerHistory ToHistory(long customers) => new(RepeatPurchases, LastPurchaseTime, ObservationTime, customers);

    /// <inheritdoc/>
    public int CompareTo(HistoryKey other)
    {
        var c = RepeatPurchases.CompareTo(other.RepeatPurchases);
        if (c == 0)
        {
            c = LastPurchaseTime.CompareTo(other.LastPurchaseTime);
        }

        return c == 0 ? ObservationTime.CompareTo(other.ObservationTime) : c;
    }
}
