using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Cli;

/// <summary>
/// <c>segments fit</c>, run as the process an analyst runs. Expected estimates are the published CDNOW numbers:
/// BG/NBD from Fader, Hardie &amp; Lee (2005), Gamma-Gamma from Fader &amp; Hardie (2013); see the Core tests.
/// </summary>
public sealed class FitCommandTests
{
    [CdnowFact]
    public async Task BgNbd_on_the_CDNOW_summary_prints_the_published_estimates_as_json()
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync("fit", "--model", "bgnbd", "--input", CdnowFiles.Summary, "--summary");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("bgnbd", root.GetProperty("model").GetString());
        Assert.Equal(2357, root.GetProperty("customers").GetInt32());
        Assert.True(root.GetProperty("converged").GetBoolean());
        var parameters = root.GetProperty("params");
        Assert.Equal(0.243, parameters.GetProperty("r").GetDouble(), 3);
        Assert.Equal(4.414, parameters.GetProperty("alpha").GetDouble(), 3);
        Assert.Equal(0.793, parameters.GetProperty("a").GetDouble(), 3);
        Assert.Equal(2.426, parameters.GetProperty("b").GetDouble(), 3);
        Assert.Equal(-9582.4, root.GetProperty("logLikelihood").GetDouble(), 1);
    }

    [CdnowFact]
    public async Task GammaGamma_on_the_CDNOW_summary_fits_the_946_repeat_buyers()
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync("fit", "--model", "gammagamma", "--input", CdnowFiles.SummaryWithSpend, "--summary");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var parameters = json.RootElement.GetProperty("params");
        Assert.Equal(946, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Equal(6.25, parameters.GetProperty("p").GetDouble(), 2);
        Assert.Equal(3.74, parameters.GetProperty("q").GetDouble(), 2);
        Assert.Equal(-4055.92, json.RootElement.GetProperty("logLikelihood").GetDouble(), 2);
    }

    [CdnowFact]
    public async Task Master_log_is_read_as_is_and_predictions_are_written_per_customer()
    {
        var output = Path.Combine(Path.GetTempPath(), $"segments-fit-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
                "fit", "--model", "mbgnbd", "--input", CdnowFiles.Master, "--calibration-end", "1997-09-30", "--horizon", "39", "--out", output);

            Assert.Equal(0, exitCode);
            Assert.Contains("rows read 69659, rejected 0", stderr, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(stdout);
            Assert.Equal(23570, json.RootElement.GetProperty("customers").GetInt32());
            var lines = await File.ReadAllLinesAsync(output);
            Assert.Equal("customer_id,x,t_x,T,p_alive,expected_purchases,churn_probability", lines[0]);
            Assert.Equal(23570, lines.Length - 1);
            var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
            Assert.All(rows, row => Assert.InRange(double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
            // MBG/NBD: one-time buyers are not all certainly alive.
            Assert.Contains(rows, row => row[1] == "0" && row[4] != "1");
            // P(no purchase in the 39 weeks) is a probability, at least the chance of having left.
            Assert.All(rows, row => Assert.InRange(
                double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture),
                1 - double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture) - 1e-9,
                1));
            // The holdout check of the calibration end: the master file's 19,684 purchase days after it.
            Assert.Contains("vs actual 19684", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [CdnowFact]
    public async Task Headerless_log_is_read_by_column_positions()
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync(
            "fit", "--model", "bgnbd", "--input", CdnowFiles.SampleLog, "--customer-col", "2", "--date-col", "3", "--amount-col", "5",
            "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--time-unit", "week");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2357, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Equal(0.243, json.RootElement.GetProperty("params").GetProperty("r").GetDouble(), 3);
    }

    [CdnowFact]
    public async Task Auto_compares_the_three_purchase_models_on_the_holdout_and_names_the_choice()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
            "fit", "--model", "auto", "--input", CdnowFiles.SampleLog, "--customer-col", "2", "--date-col", "3", "--amount-col", "5",
            "--calibration-end", "1997-09-30");

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(39, root.GetProperty("holdoutLength").GetDouble());
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["bgnbd", "mbgnbd", "paretonbd"], candidates.Select(c => c.GetProperty("model").GetString()));
        Assert.All(candidates, c => Assert.Equal(1882, c.GetProperty("actualHoldoutPurchases").GetDouble()));
        var best = candidates.MinBy(c => c.GetProperty("holdoutRmse").GetDouble());
        Assert.Equal(best.GetProperty("model").GetString(), root.GetProperty("chosen").GetString());
    }

    [Fact]
    public async Task Auto_needs_a_log_and_a_calibration_end()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync("fit", "--model", "auto", "--input", RepositoryPaths.Sample);

        Assert.Equal(2, exitCode);
        Assert.Contains("--model auto compares forecasts with a holdout period", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_with_named_columns_is_fitted_in_days()
    {
        var input = await WriteTempAsync(SimulatedLog());
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(
                "fit", "--model", "bgnbd", "--input", input, "--customer-col", "client", "--date-col", "bought_on", "--amount-col", "total", "--time-unit", "day");

            Assert.True(exitCode == 0, stderr + stdout);
            using var json = JsonDocument.Parse(stdout);
            Assert.Equal("day", json.RootElement.GetProperty("timeUnit").GetString());
            Assert.Equal(["r", "alpha", "a", "b"], json.RootElement.GetProperty("params").EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Data_that_cannot_identify_the_model_give_exit_1_and_the_reason_in_the_json()
    {
        // Everyone bought exactly once.
        var input = await WriteTempAsync("customer_id,date,amount\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"c{i},2024-01-{1 + (i % 28):00},10\n")));
        try
        {
            var (exitCode, stdout, _) = await CliProcess.RunAsync("fit", "--model", "paretonbd", "--input", input);

            Assert.Equal(1, exitCode);
            using var json = JsonDocument.Parse(stdout);
            Assert.False(json.RootElement.GetProperty("converged").GetBoolean());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("logLikelihood").ValueKind);
            Assert.Empty(json.RootElement.GetProperty("params").EnumerateObject());
            Assert.Contains("no customer made a repeat purchase", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Shop_export_is_read_through_its_profile()
    {
        // The bundled UCI sample: 147 customers, read with the ingest profile (cancellations are not purchases).
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync("fit", "--model", "gammagamma", "--input", RepositoryPaths.Sample, "--time-unit", "day");

        Assert.Equal(0, exitCode);
        Assert.Contains("uci-online-retail export", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("converged").GetBoolean());
    }

    [Theory]
    [InlineData("--model", "pareto", "is not one of bgnbd, mbgnbd, paretonbd, gammagamma, auto")]
    [InlineData("--time-unit", "month", "--time-unit 'month' is not day or week")]
    [InlineData("--calibration-end", "30/09/1997", "is not a date in the form yyyy-MM-dd")]
    [InlineData("--horizon", "-3", "--horizon must be a positive number")]
    [InlineData("--horizon", "0", "--horizon must be a positive number")]
    [InlineData("--horizon", "100000", "at most 521.4 (ten years); got 100000")]
    public async Task Bad_arguments_exit_2_with_a_clear_message(string option, string value, string message)
    {
        var args = new List<string> { "fit", "--model", "bgnbd", "--input", RepositoryPaths.Sample };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exitCode, _, stderr) = await CliProcess.RunAsync([.. args]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task<string> WriteTempAsync(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"segments-fit-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>A purchase log of 400 customers with varied pace and lapses, deterministic.</summary>
    private static string SimulatedLog()
    {
        var random = new Random(11);
        var lines = new List<string> { "bought_on,client,total" };
        var start = new DateOnly(2023, 1, 1);
        for (var c = 0; c < 400; c++)
        {
            var day = random.Next(60);
            var gap = 3 + random.Next(60);
            var lifetime = random.Next(20, 400);
            for (var t = day; t < Math.Min(day + lifetime, 365); t += 1 + random.Next(2 * gap))
            {
                lines.Add($"{start.AddDays(t):yyyy-MM-dd},cust{c},{5 + random.Next(100)}.50");
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
