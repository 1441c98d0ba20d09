using DuckDB.NET.Data;

/// <summary>The order facts as a table in an embedded DuckDB database file (appender in, data reader out).</summary>
internal static class DuckFacts
{
    public static void Write(OrderFacts facts, string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE orders (customer_id VARCHAR, order_id VARCHAR, order_date DATE, amount VARCHAR, country VARCHAR, cancelled BOOLEAN, product VARCHAR, batch_sequence INTEGER)";
            create.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("orders");
        for (var i = 0; i < facts.CustomerId.Length; i++)
        {
            appender.CreateRow()
                .AppendValue(facts.CustomerId[i]).AppendValue(facts.OrderId[i]).AppendValue(facts.OrderDay[i]).AppendValue(facts.Amount[i])
                .AppendValue(facts.Country[i]).AppendValue(facts.Cancelled[i]).AppendValue(facts.Product[i]).AppendValue(facts.Sequence[i])
                .EndRow();
        }
    }

    public static OrderFacts Read(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM orders";
        var rows = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var facts = new OrderFacts(new string[rows], new string[rows], new DateOnly[rows], new string[rows], new string[rows], new bool[rows], new string[rows], new int[rows]);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT * FROM orders";
        using var reader = select.ExecuteReader();
        var i = 0;
        while (reader.Read())
        {
            facts.CustomerId[i] = reader.GetString(0);
            facts.OrderId[i] = reader.GetString(1);
            facts.OrderDay[i] = reader.GetFieldValue<DateOnly>(2);
            facts.Amount[i] = reader.GetString(3);
            facts.Country[i] = reader.GetString(4);
            facts.Cancelled[i] = reader.GetBoolean(5);
            facts.Product[i] = reader.GetString(6);
            facts.Sequence[i] = reader.GetInt32(7);
            i++;
        }

        return facts;
    }
}
