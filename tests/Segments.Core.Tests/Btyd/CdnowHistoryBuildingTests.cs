using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

/// <summary>
/// The product's log reader and history builder against the published CDNOW summaries, which PROVENANCE.txt says
/// were computed from CDNOW_sample.txt by this rule (per-day aggregation, calibration to 1997-09-30 inclusive,
/// weeks) and printed to two decimals.
/// </summary>
public sealed class CdnowHistoryBuildingTests
{
    // Two printed decimals: within half a unit of the last place (the file rounds 22.345 up, binary doubles may not).
    private const double HalfACent = 0.00501;

    [CdnowFact]
    public async Task Building_from_the_transaction_log_reproduces_the_published_summary()
    {
        // Arrange
        var calibration = await CdnowData.BuildSampleCalibrationAsync();
        var published = (await CdnowData.ReadSummaryAsync(CdnowData.SummaryWithSpend)).ToDictionary(c => int.Parse(c.CustomerId, System.Globalization.CultureInfo.InvariantCulture));

        // Act: the builder's customers are the sample ids 0001..2357.
        var built = calibration.Customers.ToDictionary(c => int.Parse(c.CustomerId, System.Globalization.CultureInfo.InvariantCulture));

        // Assert: every customer, x exactly, times and z̄ to the two printed decimals.
        Assert.Equal(published.Keys.Order(), built.Keys.Order());
        foreach (var (id, expected) in published)
        {
            var actual = built[id];
            Assert.Equal(expected.History.RepeatPurchases, actual.History.RepeatPurchases);
            Assert.Equal(expected.History.LastPurchaseTime, actual.History.LastPurchaseTime, HalfACent);
            Assert.Equal(expected.History.ObservationTime, actual.History.ObservationTime, HalfACent);
            Assert.Equal(expected.AverageRepeatSpend, actual.AverageRepeatSpend, HalfACent);
        }

        // 2,457 repeat transactions in calibration and 1,882 in the holdout (PROVENANCE.txt).
        Assert.Equal(2457, calibration.Customers.Sum(c => c.History.RepeatPurchases));
        Assert.Equal(1882, calibration.PurchasesAfterCalibration);
    }
}
