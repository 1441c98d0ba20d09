using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Segments.Core.Synthetic;

namespace Segments.Cli.Commands;

/// <summary>The options of <c>segments generate --customers N</c>, with their checks.</summary>
internal sealed class GenerateCustomersOptions
{
    /// <summary>The first day when <c>--from</c> is not given: three years before the default last day.</summary>
    public const string DefaultFrom = "2022-01-01";

    /// <summary>The last day when <c>--to</c> is not given.</summary>
    public const string DefaultTo = "2024-12-31";

    public Option<int?> Customers { get; } = new("--customers") { Description = "Write an export of exactly this many customers over --from..--to (instead of --rows/--megabytes)." };

    public Option<long?> Lines { get; } = new("--lines") { Description = "With --customers: about this many rows (re-exports aside); invoice sizes follow. Default: UCI-sized invoices (median 10 lines)." };

    public Option<double?> OrdersPerCustomer { get; } = new("--orders-per-customer") { Description = $"With --customers: mean invoices per customer, cancellations included (default {CustomerExportSettings.DefaultOrdersPerCustomer})." };

    public Option<string?> From { get; } = new("--from") { Description = $"With --customers: the first day of orders, yyyy-MM-dd (default {DefaultFrom})." };

    public Option<string?> To { get; } = new("--to") { Description = $"With --customers: the last day of orders, yyyy-MM-dd (default {DefaultTo})." };

    public Option<string?> ArrivalsUntil { get; } = new("--arrivals-until") { Description = "With --customers: the last day a customer places a first order, yyyy-MM-dd (default --to). Orders after it come from customers already seen: a fixed population, e.g. for daily batches that bring no new customers." };

    public Option<DirectoryInfo?> DailyBatches { get; } = new("--daily-batches") { Description = "With --customers: write one file per day with orders into this directory (orders-yyyy-MM-dd.csv) instead of --out." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Customers);
        command.Options.Add(Lines);
        command.Options.Add(OrdersPerCustomer);
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(ArrivalsUntil);
        command.Options.Add(DailyBatches);
    }

    /// <summary>The first of these options given, by name, or null (they only go with <c>--customers</c>).</summary>
    public string? Given(CommandResult result) =>
        new Option[] { Lines, OrdersPerCustomer, From, To, ArrivalsUntil, DailyBatches }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false })?.Name;

    /// <summary>What is wrong with a <c>--customers</c> command line.</summary>
    public IEnumerable<string> Problems(CommandResult result, FileInfo? output, bool otherMode)
    {
        if (otherMode)
        {
            yield return "--customers does not go with --rows, --megabytes or --events.";
        }

        if ((output is null) == (result.GetValue(DailyBatches) is null))
        {
            yield return "With --customers, give exactly one of --out and --daily-batches.";
        }

        foreach (var (option, fallback) in new[] { (From, DefaultFrom), (To, DefaultTo), (ArrivalsUntil, result.GetValue(To) ?? DefaultTo) })
        {
            if (ParseDay(result.GetValue(option) ?? fallback) is null)
            {
                yield return $"{option.Name} '{result.GetValue(option)}' is not a date in the form yyyy-MM-dd.";
            }
        }

        if (ParseDay(result.GetValue(From) ?? DefaultFrom) is not null && ParseDay(result.GetValue(To) ?? DefaultTo) is not null
            && (result.GetValue(ArrivalsUntil) is null || ParseDay(result.GetValue(ArrivalsUntil)!) is not null)
            && Settings(result, 1).Problem is { } problem)
        {
            yield return $"--customers: {problem}.";
        }
    }

    /// <summary>The generator's settings from a checked command line.</summary>
    public CustomerExportSettings Settings(ParseResult result, ulong seed) => Settings(result.CommandResult, seed);

    private CustomerExportSettings Settings(CommandResult result, ulong seed) =>
        new(result.GetValue(Customers) ?? 0, ParseDay(result.GetValue(From) ?? DefaultFrom)!.Value, ParseDay(result.GetValue(To) ?? DefaultTo)!.Value, seed)
        {
            Lines = result.GetValue(Lines),
            OrdersPerCustomer = result.GetValue(OrdersPerCustomer) ?? CustomerExportSettings.DefaultOrdersPerCustomer,
            DailyBatches = result.GetValue(DailyBatches) is not null,
            ArrivalsUntil = result.GetValue(ArrivalsUntil) is { } until ? ParseDay(until) : null,
        };

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
