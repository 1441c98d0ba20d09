using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

// Times writing and reading one bucket's order facts (the per-line state a run keeps between runs) in the two open
// formats the issue allows: Parquet through Parquet.Net (a byte stream, so a blob) and an embedded DuckDB database
// file (a local file). Median of five rounds each; rows from a fixed seed. Usage: [rows] (default 300000).
// With "daily <connection string> <directory>", times the run's read stage with the state against today's instead
// (bench/state/run.sh prepares the daily files and Azurite).
if (args.Length == 3 && args[0] == "daily")
{
    await DailyRuns.RunAsync(args[1], args[2]);
    return;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300_000;
var facts = OrderFacts.Generate(rows, seed: 19);
Console.WriteLine($"{rows:N0} rows, {facts.CustomerId.Distinct().Count():N0} customers, {facts.OrderId.Distinct().Count():N0} orders; load {File.ReadAllText("/proc/loadavg").Trim()}");

var parquetWrite = new List<double>();
var parquetRead = new List<double>();
long parquetBytes = 0;
var duckWrite = new List<double>();
var duckRead = new List<double>();
long duckBytes = 0;
var directory = Directory.CreateTempSubdirectory("bench-state-");
try
{
    for (var round = 0; round < 6; round++)
    {
        var watch = Stopwatch.StartNew();
        var stream = new MemoryStream();
        await ParquetFacts.WriteAsync(facts, stream);
        var written = watch.Elapsed.TotalMilliseconds;
        parquetBytes = stream.Length;
        stream.Position = 0;
        watch.Restart();
        var back = await ParquetFacts.ReadAsync(stream);
        var read = watch.Elapsed.TotalMilliseconds;
        Check(facts, back, "Parquet");

        var path = Path.Combine(directory.FullName, $"bucket-{round}.duckdb");
        watch.Restart();
        DuckFacts.Write(facts, path);
        var duckWritten = watch.Elapsed.TotalMilliseconds;
        duckBytes = new FileInfo(path).Length;
        watch.Restart();
        var duckBack = DuckFacts.Read(path);
        var duckReadMs = watch.Elapsed.TotalMilliseconds;
        Check(facts, duckBack, "DuckDB");

        // The first round warms both up (JIT, native library load) and is not counted.
        if (round > 0)
        {
            parquetWrite.Add(written);
            parquetRead.Add(read);
            duckWrite.Add(duckWritten);
            duckRead.Add(duckReadMs);
        }
    }
}
finally
{
    directory.Delete(recursive: true);
}

Console.WriteLine("| format | write ms | read ms | write+read ms | bytes |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine($"| Parquet.Net 6.1.0 (Snappy, to a stream) | {Median(parquetWrite):0} | {Median(parquetRead):0} | {Median(parquetWrite) + Median(parquetRead):0} | {parquetBytes:N0} |");
Console.WriteLine($"| DuckDB.NET 1.5.6.1 (appender, local file) | {Median(duckWrite):0} | {Median(duckRead):0} | {Median(duckWrite) + Median(duckRead):0} | {duckBytes:N0} |");
Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static void Check(OrderFacts expected, OrderFacts actual, string format)
{
    if (!expected.CustomerId.SequenceEqual(actual.CustomerId) || !expected.OrderId.SequenceEqual(actual.OrderId)
        || !expected.OrderDay.SequenceEqual(actual.OrderDay) || !expected.Amount.SequenceEqual(actual.Amount)
        || !expected.Product.SequenceEqual(actual.Product) || !expected.Sequence.SequenceEqual(actual.Sequence)
        || !expected.Cancelled.SequenceEqual(actual.Cancelled) || !expected.Country.SequenceEqual(actual.Country))
    {
        throw new InvalidOperationException($"{format} did not read back what was written");
    }
}
