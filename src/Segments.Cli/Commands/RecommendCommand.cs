using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Segments.Core.Events;
using Segments.Core.Ingest;
using Segments.Core.Recommendations;

namespace Segments.Cli.Commands;

/// <summary>
/// <c>segments recommend</c>: the next products for every customer of an export, trained on the orders up to
/// <c>--as-of</c>, and with <c>--evaluate</c> the holdout metrics of every model against the popularity baseline.
/// </summary>
public static class RecommendCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new ExportInputOptions();
        var asOf = new Option<string>("--as-of") { Description = "Train on orders up to and including this date (yyyy-MM-dd); the last --holdout-days before it are the holdout.", Required = true };
        var top = new Option<int>("--top") { Description = "Products per customer (default 10).", DefaultValueFactory = _ => new RecommendationOptions().Top };
        var output = new Option<FileInfo?>("--out") { Description = "Write customer_id, rank, product, score, reason to this CSV file." };
        var evaluate = new Option<bool>("--evaluate") { Description = "Print the holdout metrics (hit rate, recall, NDCG at --top) of EASE, item cosine and popularity." };
        var repeat = new Option<bool>("--allow-repeats") { Description = "Recommend products a customer already bought again (consumables)." };
        var lambdas = new Option<double[]>("--ease-lambda") { Description = "EASE ridge penalties to try (repeatable; default 50, 200, 800).", AllowMultipleArgumentsPerToken = true };
        var dense = new Option<int?>("--dense-products") { Description = "Most bought products EASE covers (default 1000; 0: no EASE)." };
        var buckets = new Option<int?>("--buckets") { Description = "Compute bucket by bucket, one bucket's lines in memory at a time, as a bucketed run does (1 to 4096)." };
        var command = new Command("recommend", "Recommend the next products for every customer, measured against popularity.") { asOf, top, output, evaluate, repeat, lambdas, dense, buckets };
        input.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            result, input, new RecommendArguments(result.GetRequiredValue(asOf), result.GetValue(top), result.GetValue(output), result.GetValue(evaluate), result.GetValue(repeat))
            {
                EaseLambdas = result.GetValue(lambdas) ?? [],
                DenseProducts = result.GetValue(dense),
                Buckets = result.GetValue(buckets),
            }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ExportInputOptions inputOptions, RecommendArguments arguments, CancellationToken cancellationToken)
    {
        var (asOf, asOfProblem) = AsOfArgument.Parse(arguments.AsOf);
        var problems = new List<string>();
        if (asOfProblem is not null)
        {
            problems.Add(asOfProblem);
        }

        if (arguments.EaseLambdas.Any(l => !(l > 0) || double.IsInfinity(l)) || arguments.DenseProducts < 0)
        {
            problems.Add("--ease-lambda must be positive and --dense-products at least 0.");
        }

        if (arguments.Buckets is < 1 or > 4096)
        {
            problems.Add($"--buckets {arguments.Buckets} is not between 1 and 4096.");
        }

        if (arguments.Top is < 1 or > 1000)
        {
            problems.Add($"--top {arguments.Top} is not between 1 and 1000.");
        }

        var file = result.GetRequiredValue(inputOptions.Input);
        var (context, contextProblems) = inputOptions.Context(result);
        problems.AddRange(contextProblems);
        if (!file.Exists)
        {
            problems.Add($"{file.FullName}: no such file.");
        }

        if (problems.Count > 0 || context is null || asOf is not { } day)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 2;
        }

        if (arguments.Buckets is { } bucketCount)
        {
            return await BucketedRecommend.RunAsync(file, inputOptions.Source(result, file), context, day, bucketCount, Options(arguments), arguments, cancellationToken).ConfigureAwait(false);
        }

        var (lines, rejection) = await RecommendInputLoader.LoadAsync(file, inputOptions.Source(result, file), context, cancellationToken).ConfigureAwait(false);
        if (lines is null)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: rejected: {rejection}").ConfigureAwait(false);
            return 1;
        }

        var options = Options(arguments);
        var clock = Stopwatch.StartNew();
        var recommendations = RecommendationEngine.Run(lines, Array.Empty<ResolvedEvent>(), day, [], options, cancellationToken);
        clock.Stop();
        if (arguments.Evaluate)
        {
            RecommendationEvaluationPrinter.Print(recommendations.Evaluation);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"served: {recommendations.Served}{(recommendations.Lambda is { } l ? $" (λ {l})" : "")} on {recommendations.Products} products; {recommendations.Customers.Count} customers; {clock.ElapsedMilliseconds} ms; peak working set {Environment.WorkingSet / (1024 * 1024)} MB"));
        if (arguments.Output is { } output)
        {
            await RecommendationCsv.WriteAsync(output, recommendations.Customers, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"wrote {recommendations.Customers.Sum(c => c.Items.Count)} rows to {output.FullName}");
        }

        return 0;
    }

    private static RecommendationOptions Options(RecommendArguments arguments)
    {
        var defaults = new RecommendationOptions();
        return defaults with
        {
            Top = arguments.Top,
            AllowRepeatPurchases = arguments.AllowRepeats,
            EaseLambdas = arguments.EaseLambdas.Count > 0 ? arguments.EaseLambdas : defaults.EaseLambdas,
            MaxDenseProducts = arguments.DenseProducts ?? defaults.MaxDenseProducts,
        };
    }
}
