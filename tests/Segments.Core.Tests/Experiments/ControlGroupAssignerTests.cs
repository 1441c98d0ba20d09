using System.Globalization;
using Segments.Core.Experiments;

namespace Segments.Core.Tests.Experiments;

public sealed class ControlGroupAssignerTests
{
    private const int Customers = 20_000;
    private static readonly string[] Ids = Enumerable.Range(1, Customers).Select(i => (12_000 + i).ToString(CultureInfo.InvariantCulture)).ToArray();
    private readonly ControlGroupAssigner _assigner = new("test-key");

    private HashSet<string> ControlOf(string experiment, double share) =>
        Ids.Where(id => _assigner.GroupOf(experiment, share, id) == ExperimentGroups.Control).ToHashSet();

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void Control_share_over_20000_customers_is_within_four_standard_errors(double share)
    {
        var observed = (double)ControlOf("spring-winback", share).Count / Customers;

        // Binomial standard error sqrt(p(1-p)/n): 0.0021 at p = 0.1, 0.0035 at p = 0.5.
        var tolerance = 4 * Math.Sqrt(share * (1 - share) / Customers);
        Assert.InRange(observed, share - tolerance, share + tolerance);
    }

    [Fact]
    public void Two_experiments_overlap_as_independent_draws_would()
    {
        var first = ControlOf("spring-winback", 0.1);
        var second = ControlOf("vip-upsell", 0.3);

        // Independent: P(both) = 0.1 × 0.3 = 0.03, standard error sqrt(0.03 × 0.97 / 20000) = 0.0012.
        var both = (double)first.Intersect(second).Count() / Customers;
        Assert.InRange(both, 0.03 - 0.005, 0.03 + 0.005);
    }

    [Fact]
    public void Draws_are_uniform_over_ten_bins()
    {
        var bins = new int[10];
        foreach (var id in Ids)
        {
            bins[(int)(_assigner.Draw("spring-winback", id) * 10)]++;
        }

        // Chi-square with 9 degrees of freedom; 27.88 is its 99.9% quantile.
        var expected = Customers / 10.0;
        var chiSquare = bins.Sum(b => (b - expected) * (b - expected) / expected);
        Assert.True(chiSquare < 27.88, $"chi-square {chiSquare:0.##} over bins {string.Join(", ", bins)}");
    }

    [Fact]
    public void Assignment_never_changes_for_the_same_key_experiment_and_customer()
    {
        var again = new ControlGroupAssigner("test-key");

        Assert.All(Ids.Take(2_000), id => Assert.Equal(_assigner.Draw("spring-winback", id), again.Draw("spring-winback", id)));
    }

    [Fact]
    public void Raising_the_share_only_moves_treatment_customers_into_control()
    {
        var tenPercent = ControlOf("spring-winback", 0.1);
        var twentyPercent = ControlOf("spring-winback", 0.2);

        Assert.Subset(twentyPercent, tenPercent);
    }

    [Fact]
    public void Another_key_gives_another_assignment()
    {
        var other = new ControlGroupAssigner("another-key");
        var changed = Ids.Count(id => other.GroupOf("spring-winback", 0.5, id) != _assigner.GroupOf("spring-winback", 0.5, id));

        // Independent halves disagree about half the time.
        Assert.InRange(changed, 9_500, 10_500);
    }

    [Fact]
    public void The_separator_keeps_name_and_id_apart()
    {
        Assert.NotEqual(_assigner.Draw("ab", "c"), _assigner.Draw("a", "bc"));
    }

    [Fact]
    public void A_zero_share_puts_nobody_in_control()
    {
        Assert.Empty(ControlOf("spring-winback", 0));
    }
}
