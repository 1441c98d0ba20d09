using Segments.Core.Recommendations;
using static Segments.Core.Tests.Recommendations.PurchaseFixtures;

namespace Segments.Core.Tests.Recommendations;

public sealed class EaseProblemTests
{
    // 12 customers over 40 products, each buying 3–9 products drawn with a fixed seed: fewer customers than
    // products, the shape the dual form is chosen for; some products bought by nobody.
    private static InteractionMatrix FewCustomersManyProducts()
    {
        var random = new Random(17);
        var lines = new List<Segments.Core.Transactions.TransactionLine>();
        for (var c = 0; c < 12; c++)
        {
            for (var k = random.Next(3, 10); k > 0; k--)
            {
                lines.Add(Line($"c{c:D2}", $"p{random.Next(0, 36):D2}"));
            }
        }

        lines.Add(Line("c00", "p39"));
        var builder = new InteractionMatrixBuilder(new RecommendationOptions());
        foreach (var line in lines)
        {
            builder.Add(line);
        }

        return builder.Build();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(50)]
    [InlineData(800)]
    public void The_dual_form_gives_the_weights_of_the_primal_form(double lambda)
    {
        var matrix = FewCustomersManyProducts();
        var members = EaseModel.Members(matrix, 1000);
        var rows = CoveredRows.Of(matrix, members, CancellationToken.None);
        Assert.True(rows.Count < members.Length);

        var dual = new DualEaseProblem(matrix.Products.Count, members, rows).Fit(lambda);
        var primal = new PrimalEaseProblem(matrix.Products.Count, members, EaseModel.Gram(rows, members.Length, CancellationToken.None)).Fit(lambda);

        var largest = 0f;
        for (var from = 0; from < members.Length; from++)
        {
            for (var to = 0; to < members.Length; to++)
            {
                Assert.Equal(primal.Weight(members[from], members[to]), dual.Weight(members[from], members[to]), 5);
                largest = Math.Max(largest, Math.Abs(primal.Weight(members[from], members[to])));
            }
        }

        Assert.True(largest > 0.001f, "the weights compared are not all zero");
    }

    [Fact]
    public void The_dual_form_is_chosen_when_fewer_customers_than_products_take_part()
    {
        var matrix = FewCustomersManyProducts();

        Assert.IsType<DualEaseProblem>(EaseProblem.For(matrix, EaseModel.Members(matrix, 1000)));
        Assert.IsType<PrimalEaseProblem>(EaseProblem.For(matrix, EaseModel.Members(matrix, 5)));
    }
}
