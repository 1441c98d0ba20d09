using System.Globalization;

namespace Segments.Bench.Ingest;

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed record BenchSettings
{
    public const string Usage = """
        usage: Segments.Bench.Ingest [--runs N] [--megabytes M] [--seed S] [--file PATH]... [--no-parsers] [--no-duckdb]
          --runs N        timed runs per file and path, the median is reported (default: 5 under 256 MB, else 3)
          --megabytes M   size of the generated file in MiB (default 1024); it is made once under artifacts/bench/
          --seed S        seed of the generated file (default 1)
          --file PATH     measure this file instead of the default two (repeatable)
          --no-parsers    skip the Sylvan/CsvHelper comparison
          --no-duckdb     skip DuckDB (no ratio)
        """;

    public int? Runs { get; init; }

    public double Megabytes { get; init; } = 1024;

    public ulong Seed { get; init; } = 1;

    public IReadOnlyList<string> Files { get; init; } = [];

    public bool Parsers { get; init; } = true;

    public bool DuckDb { get; init; } = true;

    /// <summary>The settings, or null when an argument is not understood.</summary>
    public static BenchSettings? Parse(string[] args)
    {
        var settings = new BenchSettings();
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--runs":
                    settings = settings with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--megabytes":
                    settings = settings with { Megabytes = double.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--seed":
                    settings = settings with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--file":
                    files.Add(Path.GetFullPath(Value()));
                    break;
                case "--no-parsers":
                    settings = settings with { Parsers = false };
                    break;
                case "--no-duckdb":
                    settings = settings with { DuckDb = false };
                    break;
                default:
                    return null;
            }
        }

        return settings with { Files = files };
    }

    public int RunsFor(long bytes) => Runs ?? (bytes < 256L * 1024 * 1024 ? 5 : 3);
}
