using Segments.Core.Synthetic;

namespace Segments.Core.Tests.Synthetic;

public class CustomerArrivalsTests
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly To = new(2023, 12, 31);
    private static readonly DateOnly Cutoff = new(2023, 6, 30);

    [Fact]
    public void With_arrivals_until_a_day_the_daily_batches_after_it_bring_no_new_customer_and_the_count_stays_exact()
    {
        var settings = new CustomerExportSettings(1_000, From, To, Seed: 5) { Lines = 20_000, DailyBatches = true };

        var fixedPopulation = FirstDayOfEachCustomer(settings with { ArrivalsUntil = Cutoff });
        var growing = FirstDayOfEachCustomer(settings);

        Assert.Equal(1_000, fixedPopulation.FirstDays.Count);
        Assert.All(fixedPopulation.FirstDays.Values, day => Assert.True(day <= Cutoff, $"a customer first ordered on {day:yyyy-MM-dd}"));
        Assert.True(fixedPopulation.RowsAfterCutoff > 1_000, $"the fixed population still orders after the cutoff: {fixedPopulation.RowsAfterCutoff} rows");
        // Without the option customers keep arriving: about half of them after the middle of the year.
        Assert.InRange(growing.FirstDays.Values.Count(d => d > Cutoff), 300, 700);
    }

    [Fact]
    public void A_last_day_of_arrivals_outside_the_range_is_refused_with_the_reason()
    {
        var settings = new CustomerExportSettings(10, From, To, Seed: 1) { ArrivalsUntil = new DateOnly(2024, 1, 1) };

        Assert.Equal("the last day of arrivals 2024-01-01 is outside 2023-01-01..2023-12-31", settings.Problem);
        Assert.Throws<ArgumentException>(() => CustomerExportGenerator.Write(settings, new FirstDaySink()));
    }

    private static FirstDaySink FirstDayOfEachCustomer(CustomerExportSettings settings)
    {
        var sink = new FirstDaySink();
        CustomerExportGenerator.Write(settings, sink);
        return sink;
    }

    /// <summary>Each customer's first day in the batches, from the rows' CustomerID (the 7th field; descriptions may be quoted).</summary>
    private sealed class FirstDaySink : IExportDaySink
    {
        private StringWriter? _current;

        public Dictionary<string, DateOnly> FirstDays { get; } = new(StringComparer.Ordinal);

        public long RowsAfterCutoff { get; private set; }

        public TextWriter BeginDay(DateOnly day)
        {
            _current = new StringWriter();
            return _current;
        }

        public void EndDay(DateOnly day)
        {
            foreach (var row in _current!.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var customer = Field(row, 6);
                if (day > Cutoff)
                {
                    RowsAfterCutoff++;
                }

                if (customer.Length > 0)
                {
                    FirstDays.TryAdd(customer, day);
                }
            }

            _current.Dispose();
        }

        private static string Field(string row, int index)
        {
            var field = 0;
            var quoted = false;
            var start = 0;
            for (var i = 0; i <= row.Length; i++)
            {
                if (i < row.Length && row[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (i == row.Length || (row[i] == ',' && !quoted))
                {
                    if (field == index)
                    {
                        return row[start..i];
                    }

                    field++;
                    start = i + 1;
                }
            }

            throw new InvalidDataException($"row '{row}' has no field {index}");
        }
    }
}
