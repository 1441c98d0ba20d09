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
    private const int Products = 4000;
    private const int FirstInvoice = 536365;
    private const int FirstCustomer = 12346;
    private static readonly DateTime Start = new(2010, 12, 1, 8, 0, 0, DateTimeKind.Unspecified);

    private static readonly (int Quantity, double Weight)[] Quantities =
    [
        (1, 27.4), (2, 15.1), (12, 11.3), (6, 7.5), (4, 7.1), (3, 6.9), (24, 4.4), (10, 4.1), (8, 2.4), (5, 2.2),
        (48, 1.1), (25, 0.9), (20, 0.9), (16, 0.8), (36, 0.7), (7, 0.5), (9, 0.4), (72, 0.4), (100, 0.3), (96, 0.3),
        (18, 0.3), (30, 0.2), (40, 0.2), (144, 0.2), (60, 0.1), (32, 0.1), (50, 0.1), (120, 0.1), (200, 0.05), (480, 0.02),
    ];

    private static readonly (string Name, double Weight)[] Countries =
    [
        ("United Kingdom", 880), ("Germany", 22), ("France", 20), ("EIRE", 8), ("Spain", 7), ("Netherlands", 3),
        ("Belgium", 6), ("Switzerland", 5), ("Portugal", 5), ("Australia", 2), ("Norway", 2), ("Italy", 4),
        ("Channel Islands", 2), ("Finland", 3), ("Cyprus", 2), ("Sweden", 2), ("Austria", 2), ("Denmark", 2),
        ("Japan", 2), ("Poland", 2), ("USA", 1), ("Israel", 1), ("Unspecified", 1), ("Singapore", 1),
        ("Iceland", 1), ("Canada", 1), ("Greece", 1), ("Malta", 1), ("United Arab Emirates", 1), ("RSA", 1),
    ];

    private static readonly string[] Colours =
        ["WHITE", "RED", "PINK", "BLUE", "GREEN", "IVORY", "BLACK", "CREAM", "SILVER", "GOLD", "VINTAGE", "RETROSPOT", "PAISLEY", "POLKADOT", "ZINC", "WOODEN"];

    private static readonly string[] Styles =
        ["HANGING", "HEART", "REGENCY", "CHRISTMAS", "KNITTED", "JUMBO", "SMALL", "LARGE", "SET OF 3", "SET OF 6", "GLASS", "METAL", "ENAMEL", "FELTCRAFT", "PANTRY", "SPACEBOY"];

    private static readonly string[] Things =
        ["T-LIGHT HOLDER", "LANTERN", "COAT HANGER", "HOT WATER BOTTLE", "CAKE TINS", "TEACUP AND SAUCER", "LUNCH BAG", "ALARM CLOCK", "DOORMAT", "PAPER CHAIN KIT", "MUG", "CAKESTAND", "BUNTING", "SIGN", "NOTEBOOK", "PHOTO FRAME", "CANDLE", "TISSUES", "STORAGE JAR", "DOLLY GIRL BAG"];

    private static readonly string[] Qualifiers =
        ["PANTRY DESIGN", "ASSORTED", "SMALL", "LARGE", "BLUE/WHITE", "RED SPOT", "3 TIER", "SET OF 4", "EASTER"];

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
        private readonly string[] _productFields;
        private readonly string[] _productPrices;
        private readonly WeightedChoice _productChoice;
        private readonly string[] _customerFields;
        private readonly WeightedChoice _customerChoice;
        private readonly WeightedChoice _quantityChoice = new(Quantities.Select(q => q.Weight).ToArray());
        private readonly string[] _guestFields;
        private readonly SplitMix64 _random;

        public GeneratorState(ulong seed, long expectedRows)
        {
            _random = new SplitMix64(seed);
            _productFields = new string[Products];
            _productPrices = new string[Products];
            var usedCodes = new HashSet<int>();
            for (var p = 0; p < Products; p++)
            {
                int code;
                do
                {
                    code = 10000 + _random.Next(90000);
                }
                while (!usedCodes.Add(code));

                var suffix = _random.NextDouble() < 0.2 ? ((char)('A' + _random.Next(12))).ToString() : string.Empty;
                _productFields[p] = $"{code}{suffix},{CsvField.Escape(Describe())}";
                var price = Math.Round(Math.Clamp(_random.NextLogNormal(2.1, 1.0), 0.06, 650), 2);
                _productPrices[p] = price.ToString("0.0#", CultureInfo.InvariantCulture);
            }

            // Zipf-like popularity (weight 1/rank^0.9); codes and descriptions were drawn at random, so rank is unrelated to them.
            _productChoice = new WeightedChoice(Enumerable.Range(1, Products).Select(rank => 1 / Math.Pow(rank, 0.9)).ToArray());

            var countryChoice = new WeightedChoice(Countries.Select(c => c.Weight).ToArray());
            var customers = (int)Math.Clamp(expectedRows / 95, 50, 5_000_000);
            _customerFields = new string[customers];
            var weights = new double[customers];
            var id = FirstCustomer;
            for (var c = 0; c < customers; c++)
            {
                id += 1 + (_random.NextDouble() < 0.3 ? _random.Next(3) : 0);
                _customerFields[c] = $"{id}.0,{Countries[countryChoice.Next(_random)].Name}";
                weights[c] = _random.NextLogNormal(1, 1.2);
            }

            _customerChoice = new WeightedChoice(weights);
            _guestFields = Countries.Select(c => "," + c.Name).ToArray();
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
            var product = _productChoice.Next(_random);
            var quantity = Quantities[_quantityChoice.Next(_random)].Quantity;
            if (invoice.Cancelled)
            {
                quantity = -Math.Min(quantity, 12);
            }

            var customerFields = invoice.Customer >= 0 ? _customerFields[invoice.Customer] : _guestFields[-1 - invoice.Customer];
            var written = line.TryWrite(CultureInfo.InvariantCulture, $"{invoice.Number},{_productFields[product]},{quantity},{invoice.Timestamp},{_productPrices[product]},{customerFields}\n", out var length);
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

        private string Describe()
        {
            var words = $"{Pick(Colours)} {Pick(Styles)} {Pick(Things)}";
            var roll = _random.NextDouble();
            return roll switch
            {
                < 0.010 => $"{words}, {Pick(Qualifiers)}",
                < 0.012 => $"{words} 7\" SIZE",
                < 0.020 => words + " ",
                _ => words,
            };
        }

        private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
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
