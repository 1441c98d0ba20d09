using System.Globalization;
using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Draws an invoice's rows from the invoice's own stream and writes them in the UCI layout, so that the same invoice
/// can be written again (as a re-export) days later. Shapes as in <see cref="RetailExportGenerator"/>: cancellations of
/// 1–5 lines with negative quantities (never a customer's first order), quantities from the UCI file's most common
/// values, Zipf-popular products; on top of that a quarter of a customer's lines are one of their five favourite
/// products (repeat buying), and 1% of invoices are exported again 1–7 days later, half of those corrected (a line
/// dropped, or a one-line invoice's quantity doubled), as shops' exports do when an order is edited.
/// </summary>
internal sealed class InvoiceWriter(ulong seed, ProductCatalogue catalogue, CustomerOrderPlan plan, DateOnly from, int lastDay, double basketMedian)
{
    /// <summary>Share of registered customers' invoices (not their first) that are cancellations or returns.</summary>
    public const double CancellationShare = 0.2;

    /// <summary>Share of invoices that are guests' (no CustomerID), as in the UCI file.</summary>
    public const double GuestShare = 0.13;

    private const double ReexportShare = 0.01;
    private const double FavouriteShare = 0.25;
    private const int Favourites = 5;
    private const int ReexportWithinDays = 7;
    private const int UnitedKingdom = 0;

    private readonly WeightedChoice _quantityChoice = new(RetailShapes.Quantities.Select(q => q.Weight).ToArray());
    private readonly DateTime _opening = from.ToDateTime(new TimeOnly(8, 0));

    /// <summary>Draws <paramref name="invoice"/> and writes the asked version of it.</summary>
    public InvoiceFacts Write(TextWriter writer, PlannedInvoice invoice, InvoiceVersion version)
    {
        var random = SeedStreams.For(seed, SeedStreams.Invoice, invoice.Number);
        var guest = invoice.Customer < 0;
        var country = guest ? (random.NextDouble() < 0.9 ? UnitedKingdom : 1 + random.Next(RetailShapes.Countries.Length - 1)) : plan.CountryIndices[invoice.Customer];
        var cancelled = !guest && !invoice.FirstOrder && random.NextDouble() < CancellationShare;
        var lines = cancelled ? BasketSize.DrawCancellation(random) : BasketSize.Draw(random, guest ? 2 * basketMedian : basketMedian);
        var reexported = !cancelled && random.NextDouble() < ReexportShare;
        var reexportDay = invoice.Day + 1 + random.Next(ReexportWithinDays);
        var corrected = random.NextDouble() < 0.5;
        var droppedLine = random.Next(lines);
        int? reexport = reexported && reexportDay <= lastDay ? reexportDay : null;
        var correct = corrected && (version == InvoiceVersion.Reexported || (version == InvoiceVersion.Final && reexport is not null));

        var timestamp = _opening.AddDays(invoice.Day).AddMinutes(invoice.Minute);
        var countryName = RetailShapes.Countries[country].Name;
        var prefix = cancelled ? "C" : string.Empty;
        Span<char> line = stackalloc char[512];
        var rows = 0;
        for (var i = 0; i < lines; i++)
        {
            var product = !guest && random.NextDouble() < FavouriteShare ? Favourite(invoice.Customer, random.Next(Favourites)) : catalogue.Choice.Next(random);
            var quantity = RetailShapes.Quantities[_quantityChoice.Next(random)].Quantity;
            if (cancelled)
            {
                quantity = -Math.Min(quantity, 12);
            }

            if (correct && i == droppedLine)
            {
                if (lines > 1)
                {
                    continue;
                }

                quantity *= 2;
            }

            var written = guest
                ? line.TryWrite(CultureInfo.InvariantCulture, $"{prefix}{invoice.Number},{catalogue.Fields[product]},{quantity},{timestamp:yyyy-MM-dd HH:mm:ss},{catalogue.Prices[product]},,{countryName}\n", out var length)
                : line.TryWrite(CultureInfo.InvariantCulture, $"{prefix}{invoice.Number},{catalogue.Fields[product]},{quantity},{timestamp:yyyy-MM-dd HH:mm:ss},{catalogue.Prices[product]},{plan.Ids[invoice.Customer]}.0,{countryName}\n", out length);
            if (!written)
            {
                throw new InvalidOperationException("A generated row is longer than the line buffer.");
            }

            writer.Write(line[..length]);
            rows++;
        }

        return new InvoiceFacts(cancelled, rows, reexport, reexport is not null && corrected);
    }

    private int Favourite(int customer, int which) => catalogue.Choice.Next(SeedStreams.For(seed, SeedStreams.Favourites, ((long)customer * Favourites) + which));
}
