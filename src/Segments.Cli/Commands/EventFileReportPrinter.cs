using System.Globalization;
using Segments.Core.Events;

namespace Segments.Cli.Commands;

/// <summary>Prints an events file report as <see cref="IngestReportPrinter"/> prints an export's: counts on stdout, each rejected line on stderr.</summary>
internal static class EventFileReportPrinter
{
    public static void Print(EventFileReport report)
    {
        var dialect = report.Dialect is { } d ? d.ToString().ToLowerInvariant() : "unknown";
        Console.WriteLine($"{report.FileName}: events, dialect {dialect}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lines read {report.Lines}, accepted {report.Accepted}, rejected {report.Rejected}"));
        var kinds = Enum.GetValues<EventKind>().Where(report.ByKind.ContainsKey)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{EventKindDisplay.Name(k)} {report.ByKind[k]}"));
        Console.WriteLine($"events by type: {string.Join(", ", kinds)}");
        foreach (var error in report.FirstErrors)
        {
            var column = error.Column.Length > 0 ? $" {error.Column}" : string.Empty;
            var value = error.Value.Length > 0 ? $" '{error.Value}'" : string.Empty;
            Console.Error.WriteLine($"{report.FileName}:{error.Line}:{column}{value}: {error.Reason}");
        }

        if (report.Rejected > report.FirstErrors.Count)
        {
            Console.Error.WriteLine($"... and {report.Rejected - report.FirstErrors.Count} more rejected lines");
        }

        if (report.IsRejected)
        {
            var reason = report.Accepted == 0
                ? "no line is an event"
                : string.Create(CultureInfo.InvariantCulture, $"{100.0 * report.Rejected / report.Lines:0.0}% of lines were rejected ({report.Rejected} of {report.Lines}), over the {100 * report.MaxRejectedFraction:0.#}% limit");
            Console.Error.WriteLine($"{report.FileName}: rejected: {reason}");
        }
    }
}
