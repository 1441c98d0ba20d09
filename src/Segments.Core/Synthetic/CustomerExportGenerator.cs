using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Writes a synthetic export in the UCI Online Retail layout for a given number of customers over a date range, as one
/// file or as one batch per day, for tests and benchmarks at scale. The customer count is exact and independent of
/// the row count; memory holds the plan (about 4 bytes per invoice and 5 per customer), never the rows, so a million
/// customers with twenty million rows take tens of megabytes. The same settings give the same bytes.
/// </summary>
/// <remarks>
/// Shapes: those of <see cref="RetailExportGenerator"/> (the UCI file's basket sizes, prices, quantities, countries,
/// Zipf product popularity, cancellations, guest invoices, business hours) with customers planned as in
/// <see cref="CustomerOrderPlan"/> (repeat buying with log-normal activity, arrivals over the whole range, lifespans)
/// and favourite products (see <see cref="InvoiceWriter"/>). Within a day invoices run in time order and are numbered
/// in that order. In daily batches an invoice re-exported on a later day comes first in that day's batch (as a
/// shop's export of edited orders does); in one file every invoice appears once, as last exported, so one file and
/// the day files with the newest export of each invoice winning hold the same orders.
/// </remarks>
public static class CustomerExportGenerator
{
    /// <summary>Writes the export into <paramref name="sink"/>, day by day.</summary>
    public static CustomerExportSummary Write(CustomerExportSettings settings, IExportDaySink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sink);
        if (settings.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var population = SeedStreams.For(settings.Seed, SeedStreams.Population, 0);
        var catalogue = new ProductCatalogue(population);
        var calendar = new TradingCalendar(settings.From, settings.To);
        var lastArrival = settings.ArrivalsUntil is { } until ? until.DayNumber - settings.From.DayNumber : calendar.Days - 1;
        var plan = CustomerOrderPlan.Draw(settings.Seed, population, calendar, settings.Customers, settings.OrdersPerCustomer, lastArrival, cancellationToken);
        double customerInvoices = plan.Invoices.Length;
        var guestInvoices = customerInvoices * InvoiceWriter.GuestShare / (1 - InvoiceWriter.GuestShare);
        var cancellations = InvoiceWriter.CancellationShare * (customerInvoices - settings.Customers);
        var median = settings.Lines is { } lines
            ? BasketSize.MedianFor(lines, customerInvoices - cancellations, guestInvoices, cancellations)
            : BasketSize.UciMedian;
        var invoices = new InvoiceWriter(settings.Seed, catalogue, plan, settings.From, calendar.Days - 1, median);
        var version = settings.DailyBatches ? InvoiceVersion.OnItsDay : InvoiceVersion.Final;

        var summary = new CustomerExportSummary { Customers = settings.Customers };
        var pending = new List<(int Day, PlannedInvoice Invoice)>();
        var number = RetailShapes.FirstInvoice;
        for (var day = 0; day < calendar.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = plan.DayStarts[day];
            var ordered = plan.DayStarts[day + 1] - start;
            var dayRandom = SeedStreams.For(settings.Seed, SeedStreams.Day, day);
            var guests = CustomerOrderPlan.Poisson(dayRandom, guestInvoices * calendar.Weight(day) / calendar.TotalWeight);

            // Business hours (08:00–19:59), sorted: minute in the high half, the entry in the low half keeps ties stable.
            var entries = new long[ordered + guests];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = ((long)dayRandom.Next(12 * 60) << 32) | (uint)i;
            }

            Array.Sort(entries);
            var due = pending.Where(p => p.Day == day).Select(p => p.Invoice).ToList();
            pending.RemoveAll(p => p.Day == day);
            if (entries.Length == 0 && due.Count == 0)
            {
                continue;
            }

            var date = settings.From.AddDays(day);
            var writer = sink.BeginDay(date);
            foreach (var again in due)
            {
                var facts = invoices.Write(writer, again, InvoiceVersion.Reexported);
                summary = Count(summary with { ReexportedInvoices = summary.ReexportedInvoices + 1, CorrectedInvoices = summary.CorrectedInvoices + (facts.Corrected ? 1 : 0) }, again, facts, newInvoice: false);
            }

            foreach (var entry in entries)
            {
                var index = (int)(entry & 0xFFFFFFFF);
                var customer = index < ordered ? plan.Invoices[start + index] : -1;
                var invoice = index < ordered
                    ? new PlannedInvoice(number++, day, (int)(entry >> 32), customer < 0 ? ~customer : customer, FirstOrder: customer < 0)
                    : new PlannedInvoice(number++, day, (int)(entry >> 32), -1, FirstOrder: false);
                var facts = invoices.Write(writer, invoice, version);
                summary = Count(summary, invoice, facts, newInvoice: true);
                if (settings.DailyBatches && facts.ReexportDay is { } reexportDay)
                {
                    pending.Add((reexportDay, invoice));
                }
            }

            sink.EndDay(date);
            summary = summary with { Days = summary.Days + 1 };
        }

        return summary;
    }

    private static CustomerExportSummary Count(CustomerExportSummary summary, PlannedInvoice invoice, InvoiceFacts facts, bool newInvoice) => summary with
    {
        Rows = summary.Rows + facts.Rows,
        RowsWithoutCustomer = summary.RowsWithoutCustomer + (invoice.Customer < 0 ? facts.Rows : 0),
        Invoices = summary.Invoices + (newInvoice ? 1 : 0),
        Cancellations = summary.Cancellations + (newInvoice && facts.Cancelled ? 1 : 0),
    };
}
