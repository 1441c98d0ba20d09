using System.Globalization;

/// <summary>One bucket's order lines, column by column, as the run's state keeps them.</summary>
internal sealed record OrderFacts(string[] CustomerId, string[] OrderId, DateOnly[] OrderDay, string[] Amount, string[] Country, bool[] Cancelled, string[] Product, int[] Sequence)
{
    /// <summary>About 4 lines per order and 5 orders per customer over three years, as the generator shapes them.</summary>
    public static OrderFacts Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var facts = new OrderFacts(new string[rows], new string[rows], new DateOnly[rows], new string[rows], new string[rows], new bool[rows], new string[rows], new int[rows]);
        var start = new DateOnly(2023, 1, 1);
        var i = 0;
        var order = 0;
        while (i < rows)
        {
            var customer = "C" + random.Next(rows / 20).ToString("D7", CultureInfo.InvariantCulture);
            var day = start.AddDays(random.Next(3 * 365));
            var cancelled = random.Next(50) == 0;
            var lines = Math.Min(1 + random.Next(7), rows - i);
            for (var line = 0; line < lines; line++, i++)
            {
                facts.CustomerId[i] = customer;
                facts.OrderId[i] = "O" + order.ToString("D8", CultureInfo.InvariantCulture);
                facts.OrderDay[i] = day;
                facts.Amount[i] = (random.Next(1, 20000) / 100m).ToString(CultureInfo.InvariantCulture);
                facts.Country[i] = random.Next(4) == 0 ? "France" : "United Kingdom";
                facts.Cancelled[i] = cancelled;
                facts.Product[i] = "SKU" + random.Next(4000).ToString("D5", CultureInfo.InvariantCulture);
                facts.Sequence[i] = day.DayNumber - start.DayNumber;
            }

            order++;
        }

        return facts;
    }
}
