using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>
/// MBG/NBD on the CDNOW sample. Batislam et al. (2007) fitted it to other data, so the reference is the R package
/// BTYDplus (Platzer), whose MBG/NBD fit of this summary (mbgcnbd with k = 1) gives r = 0.525, α = 6.183,
/// a = 0.891, b = 1.614, the numbers the lifetimes library tests against as well.
/// </summary>
public sealed class MbgNbdCdnowTests
{
    [CdnowFact]
    public async Task Fit_reproduces_the_BTYDplus_estimates()
    {
        // Arrange
        var customers = await CdnowData.ReadSummaryAsync(CdnowData.Summary);

        // Act
        var fit = PurchaseModelFitter.Fit(new MbgNbdLikelihood(), customers.Select(c => c.History));

        // Assert
        Assert.True(fit.Converged, fit.Reason);
        var model = Assert.IsType<MbgNbdModel>(fit.Model);
        Assert.Equal(0.525, model.R, 3);
        Assert.Equal(6.183, model.Alpha, 3);
        Assert.Equal(0.891, model.A, 3);
        Assert.Equal(1.614, model.B, 3);
    }
}
