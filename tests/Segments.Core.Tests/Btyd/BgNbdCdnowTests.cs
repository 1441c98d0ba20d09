using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>
/// BG/NBD on the CDNOW sample against the numbers Fader, Hardie &amp; Lee (2005), Marketing Science 24(2), print
/// for it (section 4): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4; and against Hardie's BG/NBD
/// spreadsheet for one customer's conditional expectation (the paper's worked example).
/// </summary>
public sealed class BgNbdCdnowTests
{
    [CdnowFact]
    public async Task Fit_reproduces_the_published_estimates_and_log_likelihood()
    {
        // Arrange
        var customers = await CdnowData.ReadSummaryAsync(CdnowData.Summary);

        // Act
        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), customers.Select(c => c.History));

        // Assert: to the printed precision (3 decimals; LL to 1 decimal).
        Assert.True(fit.Converged, fit.Reason);
        var model = Assert.IsType<BgNbdModel>(fit.Model);
        Assert.Equal(0.243, model.R, 3);
        Assert.Equal(4.414, model.Alpha, 3);
        Assert.Equal(0.793, model.A, 3);
        Assert.Equal(2.426, model.B, 3);
        Assert.Equal(-9582.4, fit.LogLikelihood!.Value, 1);
        Assert.Equal(2357, fit.Customers);
    }

    [CdnowFact]
    public async Task Conditional_expectation_matches_the_papers_worked_customer()
    {
        // Arrange: the customer with x = 2, t_x = 30.43, T = 38.86 of FHL (2005) and Hardie's BG/NBD spreadsheet,
        // whose expected purchases in the next 39 weeks are printed as 1.226.
        var customers = await CdnowData.ReadSummaryAsync(CdnowData.Summary);
        var model = PurchaseModelFitter.Fit(new BgNbdLikelihood(), customers.Select(c => c.History)).Model!;

        // Act
        var expected = model.ExpectedPurchases(new CustomerHistory(2, 30.43, 38.86), 39);

        // Assert
        Assert.Equal(1.226, expected, 3);
    }

    [CdnowFact]
    public async Task Histories_built_from_the_transaction_log_give_the_same_estimates()
    {
        // Arrange: the summary file is this log's calibration summary (PROVENANCE.txt), with times rounded to 2 dp.
        var calibration = await CdnowData.BuildSampleCalibrationAsync();

        // Act
        var fit = PurchaseModelFitter.Fit(new BgNbdLikelihood(), calibration.Customers.Select(c => c.History));

        // Assert
        var model = Assert.IsType<BgNbdModel>(fit.Model);
        Assert.Equal(2357, fit.Customers);
        Assert.Equal(0.243, model.R, 3);
        Assert.Equal(4.414, model.Alpha, 3);
        Assert.Equal(0.793, model.A, 3);
        Assert.Equal(2.426, model.B, 3);
        Assert.Equal(-9582.4, fit.LogLikelihood!.Value, 1);
    }
}

