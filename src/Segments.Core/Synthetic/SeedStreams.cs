using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Independent random streams derived from one seed, one per thing drawn (a customer, a day, an invoice), so that any
/// of them can be drawn again on its own: an invoice re-exported days later is the same invoice, and the order in
/// which a generator visits things does not change what they are.
/// </summary>
internal static class SeedStreams
{
    /// <summary>The catalogue and the customers' ids and countries, drawn in sequence.</summary>
    public const ulong Population = 1;

    /// <summary>One customer: activity, first order, lifespan and order days.</summary>
    public const ulong Customer = 2;

    /// <summary>One customer's favourite products.</summary>
    public const ulong Favourites = 3;

    /// <summary>One day: guest invoices and the times of the day's invoices.</summary>
    public const ulong Day = 4;

    /// <summary>One invoice: cancellation, lines, products, quantities, re-export.</summary>
    public const ulong Invoice = 5;

    /// <summary>The stream of item <paramref name="index"/> of kind <paramref name="stream"/> under <paramref name="seed"/>.</summary>
    public static SplitMix64 For(ulong seed, ulong stream, long index)
    {
        // SplitMix64's own finaliser over a combination of the three, so that neighbouring indices give unrelated streams.
        var z = seed + (stream * 0xD1B54A32D192ED03UL) + ((ulong)index * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return new SplitMix64(z ^ (z >> 31));
    }
}
