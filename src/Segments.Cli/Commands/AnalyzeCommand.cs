using System.CommandLine;
using System.Globalization;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Products;
using Segments.Core.Rules;
using Segments.Core.Segmentation;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments analyze</c>: every segment a recompute computes (RFM, lifecycle, clusters, rule segments) for
/// one export file, locally, with the same engine.
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new ExportInputOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Analyse as of this date (yyyy-MM-dd); default: the day after the file's latest order." };
        var rules = new Option<FileInfo?>("--rules") { Description = "Rule segment definitions, as in config/segments.json." };
        var products = new Option<FileInfo?>("--products") { Description = "Product catalog, as in config/products.csv: gives rules product_categories, product_vendors and product_X." };
        var output = new Option<FileInfo?>("--out") { Description = "Write one row per customer with every segment to this CSV file." };
        var events = new Option<FileInfo[]>("--events") { Description = "Behaviour events (JSON Lines: Segment messages or GA4 export rows, plain or gzip), in arrival order; repeatable. Needs --as-of.", AllowMultipleArgumentsPerToken = true };
        var discount = new Option<double>("--monthly-discount-rate") { Description = "Monthly discount rate of the 12-month CLV.", DefaultValueFactory = _ => new PredictionOptions().MonthlyDiscountRate };
        var buckets = new Option<int?>("--buckets") { Description = "Score bucket by bucket (1 to 1024 customer buckets), holding one bucket's lines at a time, as a run does at scale; the same segments. Without events." };
        var churnHorizon = new Option<int>("--churn-horizon-days") { Description = "Churn probability = P(no purchase in the next this many days), 1 to 3650.", DefaultValueFactory = _ => new PredictionOptions().ChurnHorizonDays };
        var command = new Command("analyze", "Compute RFM, lifecycle stages, clusters, predictions and rule segments for an export file.") { asOf, events, rules, products, output, discount, churnHorizon, buckets };
        input.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, input, result.GetValue(asOf), result.GetValue(events) ?? [], result.GetValue(rules), result.GetValue(products), result.GetValue(output), new PredictionOptions { MonthlyDiscountRate = result.GetValue(discount), ChurnHorizonDays = result.GetValue(churnHorizon) }, result.GetValue(buckets), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ExportInputOptions inputOptions, string? asOfText, FileInfo[] eventFiles, FileInfo? rulesFile, FileInfo? productsFile, FileInfo? output, PredictionOptions predictions, int? buckets, CancellationToken cancellationToken)
    {
        var (asOf, asOfProblem) = AsOfArgument.Parse(asOfText);
        if (asOfProblem is not null)
        {
            await Console.Error.WriteLineAsync(asOfProblem).ConfigureAwait(false);
            return 2;
        }

        if (predictions.FindProblem() is { } predictionProblem)
        {
            await Console.Error.WriteLineAsync(predictionProblem.Replace("Segments:Predictions:ChurnHorizonDays", "--churn-horizon-days", StringComparison.Ordinal)).ConfigureAwait(false);
            return 2;
        }

        var input = result.GetRequiredValue(inputOptions.Input);
        var (context, problems) = inputOptions.Context(result);
        if (eventFiles.Length > 0 && asOf is null)
        {
            // Event windows count back from the run date; guessing it from one file would shift every window.
            problems = [.. problems, "--events needs --as-of: behaviour windows count back from the run's date."];
        }

        problems = [.. problems, .. eventFiles.Where(f => !f.Exists).Select(f => $"{f.FullName}: no such file")];
        ProductCatalog? catalog = null;
        if (productsFile is not null && !productsFile.Exists)
        {
            problems = [.. problems, $"{productsFile.FullName}: no such file"];
        }
        else if (productsFile is not null)
        {
            // As in a run: bad catalog lines are reported and skipped, never fatal.
            var read = ProductCatalogReader.Read(await File.ReadAllTextAsync(productsFile.FullName, cancellationToken).ConfigureAwait(false), productsFile.Name);
            catalog = read.Catalog;
            foreach (var error in read.Errors)
            {
                await Console.Error.WriteLineAsync($"warning: {error}").ConfigureAwait(false);
            }
        }

        IReadOnlyList<RuleSegment> segments = [];
        if (rulesFile is not null)
        {
            if (!rulesFile.Exists)
            {
                problems = [.. problems, $"{rulesFile.FullName}: no such file"];
            }
            else
            {
                var set = SegmentDefinitionLoader.Load(
                    await File.ReadAllTextAsync(rulesFile.FullName, cancellationToken).ConfigureAwait(false),
                    catalog?.ExtendRuleAttributes(AttributeCatalog.Standard));
                segments = set.Segments;
                problems = [.. problems, .. set.Errors.Select(e => $"{rulesFile.Name}: {e}")];
            }
        }

        if (buckets is { } count && (count < 1 || count > 1024 || eventFiles.Length > 0))
        {
            problems = [.. problems, eventFiles.Length > 0 ? "--buckets cannot be combined with --events yet." : $"--buckets is {count}: it must be 1 to 1024."];
        }

        if (context is null || !input.Exists || problems.Count > 0)
        {
            foreach (var problem in input.Exists ? problems : [.. problems, $"{input.FullName}: no such file."])
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 2;
        }

        if (buckets is { } bucketCount)
        {
            return await BucketedAnalysis.RunAsync(input, inputOptions.Source(result, input), context, asOf, bucketCount, segments, catalog, output, predictions, cancellationToken).ConfigureAwait(false);
        }

        var engine = new SegmentationEngine(asOf, predictions);
        var exportedOrders = new Dictionary<string, CustomerOrder>(StringComparer.Ordinal);
        var stream = input.OpenRead();
        IngestReport report;
        await using (stream.ConfigureAwait(false))
        {
            report = await new ExportProcessor(context).ProcessAsync(
                stream,
                inputOptions.Source(result, input),
                line =>
                {
                    engine.Add(line);
                    if (eventFiles.Length > 0 && !line.IsCancellation)
                    {
                        exportedOrders.TryAdd(line.OrderId, new CustomerOrder(line.CustomerId, line.OrderId, new DateTimeOffset(line.OrderDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                    }

                    return ValueTask.CompletedTask;
                },
                _ => ValueTask.CompletedTask,
                cancellationToken).ConfigureAwait(false);
        }

        IngestReportPrinter.Print(input.Name, report);
        if (report.IsRejected)
        {
            return 1;
        }

        BehaviourAnalysis? behaviour = null;
        if (eventFiles.Length > 0)
        {
            behaviour = await EventsAnalysisStep.RunAsync(eventFiles, context.Options, exportedOrders.Values, asOf!.Value, catalog, cancellationToken).ConfigureAwait(false);
            if (behaviour is null)
            {
                return 1;
            }

            // Orders only the tracked site saw (Order Completed events) are orders too, as in a run.
            foreach (var line in BehaviourAnalyzer.OrderLines(behaviour.Resolved, exportedOrders.Keys.ToHashSet(StringComparer.Ordinal)))
            {
                engine.Add(line);
            }
        }

        var analysis = engine.Compute(segments, profiles: null, catalog, behaviour?.Histories);
        var eventOnly = behaviour is null ? [] : EventOnlyCustomers.Evaluate(segments, behaviour.Histories, analysis);
        SegmentationPrinter.Print(analysis);
        if (behaviour is not null)
        {
            BehaviourPrinter.Print(behaviour.Behaviour, eventOnly.Count);
        }

        if (output is not null)
        {
            await SegmentationCsv.WriteAsync(output, analysis, behaviour?.Behaviour, eventOnly, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"wrote {analysis.Customers.Count + eventOnly.Count} customers to {output.FullName}");
        }

        return 0;
    }
}
