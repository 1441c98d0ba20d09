using Segments.Core.Btyd;

namespace Segments.Core.Tests.Btyd;

public sealed class ExpectedPurchasesTests
{
    public static TheoryData<string> Models => ["bgnbd", "mbgnbd", "paretonbd"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Expectation_is_zero_at_zero_horizon_and_grows_with_it(string name)
    {
        var model = ModelNamed(name, a: 0.8);
        var history = new CustomerHistory(3, 20, 38);

        var values = new[] { 0.0, 1, 13, 52, 520 }.Select(t => model.ExpectedPurchases(history, t)).ToArray();

        Assert.Equal(0, values[0]);
        Assert.True(values.Zip(values.Skip(1)).All(pair => pair.First < pair.Second), string.Join(", ", values));
    }

    [Theory]
    [InlineData(1.0 + 1e-9)]
    [InlineData(1.0 - 1e-9)]
    [InlineData(1.0 + 1e-4)]
    public void BgNbd_expectation_is_continuous_through_a_equal_1(double a)
    {
        // Eq. (10) divides by a − 1; the rearranged series must be finite and continuous there.
        var history = new CustomerHistory(2, 30.43, 38.86);
        var atOne = new BgNbdModel(0.243, 4.414, 1.0, 2.426).ExpectedPurchases(history, 39);

        var value = new BgNbdModel(0.243, 4.414, a, 2.426).ExpectedPurchases(history, 39);

        Assert.True(double.IsFinite(value));
        Assert.Equal(atOne, value, 4);
    }

    [Fact]
    public void BgNbd_expectation_at_a_equal_1_lies_between_its_neighbours()
    {
        var history = new CustomerHistory(2, 30.43, 38.86);
        double At(double a) => new BgNbdModel(0.243, 4.414, a, 2.426).ExpectedPurchases(history, 39);

        Assert.InRange(At(1.0), Math.Min(At(0.99), At(1.01)), Math.Max(At(0.99), At(1.01)));
    }

    [Fact]
    public void Series_and_quadrature_agree_where_both_apply()
    {
        // c = a + b − 1 = 0.6 is just above the switch to quadrature; compare with the quadrature's answer
        // computed directly for the same posterior.
        double shape = 0.4, rate = 10, a = 0.7, b = 0.9, horizon = 30;

        var value = BetaGeometricForecast.ExpectedWhileAlive(shape, rate, a, b, horizon);
        var byQuadrature = Segments.Core.Numerics.TanhSinhQuadrature.IntegrateUnitInterval((p, q) =>
            (1 - Math.Pow(1 + (p * horizon / rate), -shape)) * Math.Pow(p, a - 2) * Math.Pow(q, b - 1))
            / Math.Exp(MathNet.Numerics.SpecialFunctions.BetaLn(a, b));

        Assert.Equal(byQuadrature, value, 9);
    }

    [Fact]
    public void BgNbd_one_time_buyer_with_small_a_plus_b_uses_quadrature_and_stays_finite()
    {
        // a + b − 1 &lt; 0.5 for x = 0: the ₂F₁ series is ill-conditioned there.
        var model = new BgNbdModel(0.3, 5, 0.2, 0.3);

        var value = model.ExpectedPurchases(new CustomerHistory(0, 0, 20), 52);

        Assert.True(double.IsFinite(value) && value > 0, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A customer alive for sure cannot be expected to buy more than at the posterior mean rate.
        Assert.True(value <= 0.3 / (5 + 20) * 52);
    }

    [Fact]
    public void ParetoNbd_expectation_is_continuous_through_s_equal_1()
    {
        var history = new CustomerHistory(5, 30, 38);

        var atOne = new ParetoNbdModel(0.55, 10.6, 1.0, 11.7).ExpectedPurchases(history, 52);
        var nearOne = new ParetoNbdModel(0.55, 10.6, 1.0 + 1e-9, 11.7).ExpectedPurchases(history, 52);

        Assert.True(double.IsFinite(atOne));
        Assert.Equal(atOne, nearOne, 6);
    }

    private static IPurchaseModel ModelNamed(string name, double a) => name switch
    {
        "bgnbd" => new BgNbdModel(0.243, 4.414, a, 2.426),
        "mbgnbd" => new MbgNbdModel(0.525, 6.183, a, 1.614),
        _ => new ParetoNbdModel(0.553, 10.578, 0.606, 11.669),
    };
}
