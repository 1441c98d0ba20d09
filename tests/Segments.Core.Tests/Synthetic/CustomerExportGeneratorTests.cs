using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Synthetic;

namespace Segments.Core.Tests.Synthetic;

public class CustomerExportGeneratorTests
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly To = new(2023, 12, 31);

    [Fact]
    public void Same_seed_gives_the_same_bytes_in_one_file_and_in_daily_batches()
    {
        // Arrange
        var settings = new CustomerExportSettings(500, From, To, Seed: 7) { Lines = 10_000 };

        // Act
        var first = GenerateFile(settings);
        var second = GenerateFile(settings);
        var other = GenerateFile(settings with { Seed = 8 });
        var daily = GenerateDays(settings with { DailyBatches = true });
        var dailyAgain = GenerateDays(settings with { DailyBatches = true });

        // Assert
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.Equal(daily.Days, dailyAgain.Days);
    }

    [Theory]
    [InlineData(1_000, 10_000)]
    [InlineData(1_000, 60_000)]
    [InlineData(3_000, 30_000)]
    public void Customer_count_is_exact_whatever_the_line_count_and_lines_come_within_5_percent(int customers, long lines)
    {
        // Act
        var (text, summary) = GenerateFile(new CustomerExportSettings(customers, From, To, Seed: 1) { Lines = lines });
        var rows = Rows(text);

        // Assert
        Assert.Equal(customers, rows.Where(r => r[6].Length > 0).Select(r => r[6]).Distinct().Count());
        Assert.Equal(customers, summary.Customers);
        Assert.Equal(summary.Rows, rows.Count);
        Assert.InRange(rows.Count, lines * 0.95, lines * 1.05);
    }

    [Fact]
    public void Customers_buy_repeatedly_with_cancellations_guests_and_orders_over_the_whole_range_in_time_order_within_a_day()
    {
        // Act
        var (text, summary) = GenerateFile(new CustomerExportSettings(2_000, From, To, Seed: 3) { Lines = 40_000 });
        var rows = Rows(text);
        var invoicesPerCustomer = rows.Where(r => r[6].Length > 0 && !r[0].StartsWith('C')).GroupBy(r => r[6]).Select(g => g.Select(r => r[0]).Distinct().Count()).ToList();
        var days = rows.Select(r => r[4][..10]).Distinct().Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.InRange(invoicesPerCustomer.Count(n => n > 1) / (double)invoicesPerCustomer.Count, 0.4, 0.8);
        Assert.InRange(summary.Cancellations / (double)summary.Invoices, 0.08, 0.2);
        Assert.All(rows.Where(r => r[0].StartsWith('C')), r => Assert.StartsWith("-", r[3], StringComparison.Ordinal));
        Assert.InRange(summary.RowsWithoutCustomer / (double)summary.Rows, 0.1, 0.35);
        Assert.Equal(summary.RowsWithoutCustomer, rows.Count(r => r[6].Length == 0));
        Assert.Equal(("2023-01-01", "2023-12-31"), (days[0], days[^1]));
        Assert.Equal(365, summary.Days);
        Assert.Equal(rows.Select(r => r[4]).Order(StringComparer.Ordinal), rows.Select(r => r[4]));
    }

    [Fact]
    public void Daily_batches_with_the_newest_export_of_each_invoice_winning_hold_the_orders_of_the_one_file()
    {
        // Arrange
        var settings = new CustomerExportSettings(1_500, From, To, Seed: 5) { Lines = 30_000 };

        // Act
        var file = GenerateFile(settings);
        var daily = GenerateDays(settings with { DailyBatches = true });
        var newest = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, text) in daily.Days)
        {
            foreach (var invoice in Rows(text).GroupBy(r => r[0]))
            {
                newest[invoice.Key] = invoice.Select(r => string.Join(',', r)).ToList();
            }
        }

        var single = Rows(file.Text).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => string.Join(',', r)).ToList(), StringComparer.Ordinal);

        // Assert
        Assert.InRange(daily.Summary.ReexportedInvoices, 10, daily.Summary.Invoices / 50);
        Assert.InRange(daily.Summary.CorrectedInvoices, 1, daily.Summary.ReexportedInvoices - 1);
        Assert.Equal(file.Summary.Invoices, daily.Summary.Invoices);
        Assert.Equal(single.Count, newest.Count);
        Assert.All(single, invoice => Assert.Equal(invoice.Value, newest[invoice.Key]));
        Assert.Equal(daily.Summary.Rows, daily.Days.Sum(d => Rows(d.Text).Count));
    }

    [Fact]
    public void A_corrected_reexport_comes_first_in_a_later_days_batch_and_differs_from_the_first_export()
    {
        // Act
        var daily = GenerateDays(new CustomerExportSettings(1_500, From, To, Seed: 5) { Lines = 30_000, DailyBatches = true });
        var seen = new Dictionary<string, (DateOnly Day, string Rows)>(StringComparer.Ordinal);
        var reexports = new List<(DateOnly First, DateOnly Again, bool Differs)>();
        foreach (var (day, text) in daily.Days)
        {
            foreach (var invoice in Rows(text).GroupBy(r => r[0]))
            {
                var rows = string.Join('\n', invoice.Select(r => string.Join(',', r)));
                if (seen.TryGetValue(invoice.Key, out var earlier))
                {
                    reexports.Add((earlier.Day, day, earlier.Rows != rows));
                }

                seen[invoice.Key] = (day, rows);
            }
        }

        // Assert
        Assert.Equal(daily.Summary.ReexportedInvoices, reexports.Count);
        Assert.Equal(daily.Summary.CorrectedInvoices, reexports.Count(r => r.Differs));
        Assert.All(reexports, r => Assert.InRange(r.Again.DayNumber - r.First.DayNumber, 1, 7));
    }

    [Fact]
    public async Task Every_daily_batch_is_accepted_as_UCI_Online_Retail()
    {
        // Arrange
        var daily = GenerateDays(new CustomerExportSettings(3_000, new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30), Seed: 2) { DailyBatches = true });

        // Act
        var reports = new List<IngestReport>();
        foreach (var (day, text) in daily.Days)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            reports.Add(await new ExportProcessor(ExportContext.Default).ProcessAsync(stream, new ExportSource($"orders-{day:yyyy-MM-dd}.csv"), _ => ValueTask.CompletedTask, _ => ValueTask.CompletedTask, CancellationToken.None));
        }

        // Assert
        Assert.Equal(30, reports.Count);
        Assert.All(reports, r => Assert.Equal(("uci-online-retail", null, 0L), (r.Mapping, r.Rejection, r.RowsRejected)));
        Assert.Equal(daily.Summary.Rows, reports.Sum(r => r.RowsRead));
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => GenerateFile(new CustomerExportSettings(10, To, From, Seed: 1)));

        Assert.StartsWith("the last day 2023-01-01 is before the first 2023-12-31", error.Message, StringComparison.Ordinal);
        Assert.Equal("the customer count must be positive", new CustomerExportSettings(0, From, To, 1).Problem);
        Assert.Equal("orders per customer must be between 1 and 1000", new CustomerExportSettings(1, From, To, 1) { OrdersPerCustomer = 0.5 }.Problem);
    }

    private static (string Text, CustomerExportSummary Summary) GenerateFile(CustomerExportSettings settings)
    {
        using var writer = new StringWriter();
        var summary = CustomerExportGenerator.Write(settings, new SingleWriterDaySink(writer));
        return (writer.ToString(), summary);
    }

    private static (List<(DateOnly Day, string Text)> Days, CustomerExportSummary Summary) GenerateDays(CustomerExportSettings settings)
    {
        var sink = new DaysInMemory();
        var summary = CustomerExportGenerator.Write(settings, sink);
        return (sink.Days, summary);
    }

    /// <summary>The rows of a generated file without their header; generated descriptions with a comma are quoted and are joined back.</summary>
    private static List<string[]> Rows(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(SplitRow).ToList();

    private static string[] SplitRow(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        Assert.Equal(8, fields.Count);
        return [.. fields];
    }

    private sealed class DaysInMemory : IExportDaySink
    {
        private StringWriter? _current;

        public List<(DateOnly Day, string Text)> Days { get; } = [];

        public TextWriter BeginDay(DateOnly day)
        {
            _current = new StringWriter();
            _current.Write(RetailExportGenerator.Header + "\n");
            return _current;
        }

        public void EndDay(DateOnly day)
        {
            Days.Add((day, _current!.ToString()));
            _current.Dispose();
        }
    }
}
