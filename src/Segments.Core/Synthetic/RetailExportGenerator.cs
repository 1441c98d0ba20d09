using Segments.Core.Randomness;
using System.Globalization;
using Segments.Core.Ingest;

namespace Segments.Core.Synthetic;

/// <summary>
/// Writes a synthetic export in the layout of the UCI Online Retail file (Chen et al. 2012), of a given
/// number of rows or bytes, for load tests and benchmarks. The same seed and size give the same bytes.
/// </summary>
/// <remarks>
/// Shapes follow what the real file shows (541,909 rows, 25,900 invoices, 4,372 customers): invoice sizes
/// log-normal around a median of 10 lines (mean about 20); about 17% of invoices are cancellations
/// (<c>C</c> + number) of 1–5 lines with negative quantities, which makes about 2% of the rows; guest
/// invoices without CustomerID (about a fifth of the rows); customers with log-normal activity and a fixed
/// country, nine in ten in the United Kingdom; a catalogue of 4,000 products with Zipf-like popularity,
/// log-normal prices (median about 2.10) and descriptions in capitals, about 1% holding a comma or a quote
/// (so written quoted); quantities drawn from the file's most common values. Invoices run in time order
/// over business hours of about one trading year (no Saturdays), whatever the size; CustomerID is written
/// as a float (<c>17850.0</c>) and timestamps as <c>yyyy-MM-dd HH:mm:ss</c>, as in the shared copy of the file.
/// </remarks>
public static class RetailExportGenerator
{
    /// <summary>The header line, as in the UCI file.</summary>
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    // Measured on this generator's output; only used to spread a size-bounded file over one trading year.
    private const double BytesPerRow = 86;
    private const double LinesPerInvoice = 18.5;
    private const int FirstInvoice = RetailShapes.FirstInvoice;
    private const int FirstCustomer = RetailShapes.FirstCustomer;
    private static readonly DateTime Start = new(2010, 12, 1, 8, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// Writes the header and then whole rows until <paramref name="maxRows"/> rows or
    /// <paramref name="maxBytes"/> bytes (UTF-8, header and line breaks included) are reached, whichever
    /// comes first; the row that crosses the byte bound is written whole.
    /// </summary>
    public static RetailExportSummary Write(TextWriter writer, long maxRows, long maxBytes, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var expectedRows = Math.Max(1, Math.Min(maxRows, (long)(maxBytes / BytesPerRow)));
        var state = new GeneratorState(seed, expectedRows);
        writer.Write(Header);
        writer.Write('\n');
        var summary = new RetailExportSummary { Bytes = Header.Length + 1 };
        Span<char> line = stackalloc char[512];
        var invoiceNumber = FirstInvoice;
        var expectedInvoices = expectedRows / LinesPerInvoice;
        while (summary.Rows < maxRows && summary.Bytes < maxBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invoice = state.NextInvoice(invoiceNumber++, summary.Invoices / expectedInvoices);
            summary = summary with { Invoices = summary.Invoices + 1, Cancellations = summary.Cancellations + (invoice.Cancelled ? 1 : 0) };
            for (var i = 0; i < invoice.Lines && summary.Rows < maxRows && summary.Bytes < maxBytes; i++)
            {
                var length = state.FormatLine(line, invoice);
                writer.Write(line[..length]);
                summary = summary with
                {
                    Rows = summary.Rows + 1,
                    Bytes = summary.Bytes + length,
                    RowsWithoutCustomer = summary.RowsWithoutCustomer + (invoice.Customer < 0 ? 1 : 0),
                };
            }
        }

        return summary;
    }

    private readonly record struct Invoice(string Number, string Timestamp, int Customer, int Lines, bool Cancelled);

    /// <summary>The catalogue, the customers and the random stream of one file.</summary>
    private sealed class GeneratorState
    {
        private readonly ProductCatalogue _catalogue;
        private readonly string[] _customerFields;
        private readonly WeightedChoice _customerChoice;
        private readonly WeightedChoice _quantityChoice = new(RetailShapes.Quantities.Select(q => q.Weight).ToArray());
        private readonly string[] _guestFields;
        private readonly SplitMix64 _random;

        public GeneratorState(ulong seed, long expectedRows)
        {
            _random = new SplitMix64(seed);
            _catalogue = new ProductCatalogue(_random);

            var countryChoice = new WeightedChoice(RetailShapes.Countries.Select(c => c.Weight).ToArray());
            var customers = (int)Math.Clamp(expectedRows / 95, 50, 5_000_000);
            _customerFields = new string[customers];
            var weights = new double[customers];
            var id = FirstCustomer;
            for (var c = 0; c < customers; c++)
            {
                id += 1 + (_random.NextDouble() < 0.3 ? _random.Next(3) : 0);
                _customerFields[c] = $"{id}.0,{RetailShapes.Countries[countryChoice.Next(_random)].Name}";
                weights[c] = _random.NextLogNormal(1, 1.2);
            }

            _customerChoice = new WeightedChoice(weights);
            _guestFields = RetailShapes.Countries.Select(c => "," + c.Name).ToArray();
        }

        public Invoice NextInvoice(int number, double yearFraction)
        {
            var guest = _random.NextDouble() < 0.13;
            var cancelled = !guest && _random.NextDouble() < 0.2;
            int lines;
            if (cancelled)
            {
                lines = 1 + (_random.NextDouble() < 0.5 ? 0 : 1 + _random.Next(4));
            }
            else
            {
                lines = (int)Math.Clamp(Math.Round(_random.NextLogNormal(guest ? 20 : 10, 1.1)), 1, 600);
            }

            // A guest's country: the United Kingdom nine times in ten, as for registered customers.
            var customer = !guest ? _customerChoice.Next(_random) : _random.NextDouble() < 0.9 ? -1 : -2 - _random.Next(_guestFields.Length - 1);
            return new Invoice(
                cancelled ? "C" + number.ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture),
                Timestamp(yearFraction),
                customer,
                lines,
                cancelled);
        }

        /// <summary>Writes one row (with its line break) into <paramref name="line"/>; returns its length.</summary>
        public int FormatLine(Span<char> line, Invoice invoice)
        {
            var product = _catalogue.Choice.Next(_random);
            var quantity = RetailShapes.Quantities[_quantityChoice.Next(_random)].Quantity;
            if (invoice.Cancelled)
            {
                quantity = -Math.Min(quantity, 12);
            }

            var customerFields = invoice.Customer >= 0 ? _customerFields[invoice.Customer] : _guestFields[-1 - invoice.Customer];
            var written = line.TryWrite(CultureInfo.InvariantCulture, $"{invoice.Number},{_catalogue.Fields[product]},{quantity},{invoice.Timestamp},{_catalogue.Prices[product]},{customerFields}\n", out var length);
            return written ? length : throw new InvalidOperationException("A generated row is longer than the line buffer.");
        }

        /// <summary>A business-hours timestamp at this fraction of a trading year (Monday to Friday and Sunday, 08:00–19:59).</summary>
        private string Timestamp(double yearFraction)
        {
            const int TradingDays = 310;
            var position = yearFraction * TradingDays;
            var tradingDay = (int)position;
            var minute = (int)((position - tradingDay) * 12 * 60);
            var day = Start.AddDays(tradingDay / 6 * 7);
            for (var left = tradingDay % 6; left > 0 || day.DayOfWeek == DayOfWeek.Saturday;)
            {
                day = day.AddDays(1);
                if (day.DayOfWeek != DayOfWeek.Saturday)
                {
                    left--;
                }
            }

            return day.AddMinutes(minute).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>What <see cref="RetailExportGenerator.Write"/> wrote.</summary>
public readonly record struct RetailExportSummary
{
    /// <summary>Data rows (the header not counted).</summary>
    public long Rows { get; init; }

    /// <summary>Bytes, header and line breaks included.</summary>
    public long Bytes { get; init; }

    /// <summary>Invoices started.</summary>
    public long Invoices { get; init; }

    /// <summary>Of those, cancellations (<c>C</c> invoices).</summary>
    public long Cancellations { get; init; }

    /// <summary>Rows with an empty CustomerID.</summary>
    public long RowsWithoutCustomer { get; init; }
}
