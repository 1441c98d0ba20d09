using Segments.Core.Cost;

namespace Segments.Core.Tests.Cost;

public class CostRatesReaderTests
{
    private static readonly string RepositoryRates = File.ReadAllText(Path.Combine(FindRoot(), "config", "rates.json"));

    [Fact]
    public void Repository_rates_file_gives_every_price_a_cost_needs()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read(RepositoryRates, "repository");

        // Assert
        Assert.Null(problem);
        Assert.NotNull(rates);
        Assert.Equal(("westus2", "USD", new DateOnly(2026, 4, 30), "repository"), (rates.Region, rates.Currency, rates.AsOf, rates.Origin));
        Assert.Equal((0.000026m, 0.40m, 0.00036m), (rates.ExecutionTimePerGbSecond, rates.ExecutionsPerMillion, rates.TableOperationsPer10k));
        Assert.Equal(new BlobOperationRates(0.004m, 0.05m, 0.05m, 0.004m), rates.Blob);
        Assert.Equal(new QueueOperationRates(0.004m, 0.004m), rates.Queue);
        Assert.Equal(["retail-prices-2026-04-30", "flex-consumption-2025-05-22", "queue-storage-pricing-2026-12-07"], rates.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Rates_without_a_queue_section_still_price_everything_else()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read(RepositoryRates.Replace("\"queueStorage\"", "\"queueStorageRemoved\"", StringComparison.Ordinal), "test");

        // Assert
        Assert.Null(problem);
        Assert.NotNull(rates);
        Assert.Null(rates.Queue);
    }

    [Fact]
    public void A_queue_section_with_a_missing_price_is_named()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read(RepositoryRates.Replace("\"class2OperationsPer10k\"", "\"class2Per10k\"", StringComparison.Ordinal), "test");

        // Assert
        Assert.Null(rates);
        Assert.Contains("class2OperationsPer10k", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_in_another_currency_are_refused()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read(RepositoryRates.Replace("\"currency\": \"USD\"", "\"currency\": \"EUR\"", StringComparison.Ordinal), "test");

        // Assert
        Assert.Null(rates);
        Assert.Contains("EUR", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_price_is_named()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read(RepositoryRates.Replace("\"operationsPer10k\"", "\"opsPer10k\"", StringComparison.Ordinal), "test");

        // Assert
        Assert.Null(rates);
        Assert.Contains("operationsPer10k", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_a_problem_not_an_exception()
    {
        // Act
        var (rates, problem) = CostRatesReader.Read("{ not json", "test");

        // Assert
        Assert.Null(rates);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Functions.sln not found above {AppContext.BaseDirectory}.");
    }
}
