using Segments.Core.Events;
using Segments.Core.Products;
using Segments.Core.Rules;
using Segments.Core.Tests.Events;

namespace Segments.Core.Tests.Rules;

/// <summary>
/// Event conditions of the rule language over a small fixed population, as of <see cref="Ev.AsOf"/>: each test
/// names exactly the customers a query selects.
/// </summary>
public class EventConditionTests
{
    private static readonly ProductCatalog Catalog = ProductCatalogReader.Read(
        "product,category,vendor\n85123A,Kitchen,Acme\n22423,Garden,Acme\n", "products.csv").Catalog!;

    // u1: three views of 85123A in the last week, one of 22423 40 days ago; added 85123A 2 days ago (cart abandoner).
    // u2: two views of 22423 10 days ago, checkout started 3 days ago, order completed 2 days ago (coupon SUMMER).
    // u3: a page view 20 days ago and a custom event yesterday (prospect, as u1 is: identified, no order).
    // u4: only orders (no events at all).
    private static readonly BehaviourEvent[] Events =
    [
        Ev.Viewed(6, "u1", "85123A"),
        Ev.Viewed(5, "u1", "85123A"),
        Ev.Viewed(3, "u1", "85123A"),
        Ev.Viewed(40, "u1", "22423"),
        Ev.Added(2, "u1", value: 25.5m, quantity: 3, product: "85123A"),
        Ev.Viewed(10, "u2", "22423"),
        Ev.Viewed(10, "u2", "22423", hour: 14),
        Ev.Make(EventKind.CheckoutStarted, 3, "u2", value: 40m),
        Ev.Make(EventKind.OrderCompleted, 2, "u2", value: 40m, orderId: "O-9") with
        {
            Properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["coupon"] = "SUMMER", ["total"] = "40" },
        },
        Ev.Make(EventKind.PageViewed, 20, "u3"),
        Ev.Make(EventKind.Other, 1, "u3") with { Name = "Newsletter Signed Up" },
        Ev.Viewed(2, null!, "85123A") with { AnonymousId = "anon-1" },
    ];

    private static readonly string[] Everyone = ["u1", "u2", "u3", "u4"];

    [Theory]
    [InlineData("events(\"Product Viewed\", 30d) >= 3", new[] { "u1" })]
    [InlineData("events('Product Viewed', 90d) >= 3", new[] { "u1" })]
    [InlineData("events('Product Viewed', 7d) >= 3", new[] { "u1" })]
    [InlineData("events('Product Viewed', 30d) >= 2", new[] { "u1", "u2" })]
    [InlineData("events('view_item', 30d) = 2", new[] { "u2" })]
    [InlineData("events('Product Viewed', 30d, product = '85123A') >= 1", new[] { "u1" })]
    [InlineData("events('Product Viewed', 90d, product = '22423') = 1", new[] { "u1" })]
    [InlineData("events('Product Viewed', 30d, product != '85123A') >= 1", new[] { "u2" })]
    [InlineData("events('Product Added', 7d, category = 'kitchen') >= 1", new[] { "u1" })]
    [InlineData("events('Product Viewed', 90d, category = 'Garden') >= 1", new[] { "u1", "u2" })]
    [InlineData("events('Order Completed', 30d, coupon = 'summer') = 1", new[] { "u2" })]
    [InlineData("events('Order Completed', 30d, total = 40) = 1", new[] { "u2" })]
    [InlineData("events('Checkout Started', 7d) = 0", new[] { "u1", "u3", "u4" })]
    [InlineData("events('Newsletter Signed Up', 7d) >= 1", new[] { "u3" })]
    [InlineData("events('Product Viewed', 7d) >= 1 AND events('Checkout Started', 7d) = 0", new[] { "u1" })]
    [InlineData("NOT events('Page Viewed', 30d) > 0", new[] { "u1", "u2", "u4" })]
    [InlineData("days_since_last_seen <= 2", new[] { "u1", "u2", "u3" })]
    [InlineData("days_since_last_seen > 1", new[] { "u1", "u2" })]
    [InlineData("last_seen >= -2d", new[] { "u1", "u2", "u3" })]
    [InlineData("cart_abandoner = true", new[] { "u1" })]
    [InlineData("abandoned_cart_value > 25", new[] { "u1" })]
    [InlineData("abandoned_cart_value = 0", new[] { "u2", "u3", "u4" })]
    [InlineData("abandoned_cart_items = 3", new[] { "u1" })]
    [InlineData("abandoned_cart_products CONTAINS '85123A'", new[] { "u1" })]
    [InlineData("prospect = true", new[] { "u1", "u3" })]
    [InlineData("behaviour_segments CONTAINS 'Prospects' AND NOT behaviour_segments CONTAINS 'Cart Abandoners'", new[] { "u3" })]
    [InlineData("browse_abandoner = false AND cart_abandoner = false", new[] { "u2", "u3", "u4" })]
    public void An_event_query_selects_exactly_these_customers(string query, string[] expected)
    {
        // Arrange
        var parsed = SegmentQuery.Parse(query);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        var profiles = Profiles();

        // Act
        var members = Everyone.Where(id => parsed.Query.Matches(profiles[id], Ev.AsOf)).ToArray();

        // Assert
        Assert.Equal(expected, members);
    }

    [Fact]
    public void A_customer_without_events_counts_zero_events_and_has_no_last_seen()
    {
        // Arrange
        var profile = new CustomerFacts("u4") { AsOf = Ev.AsOf, Orders = 1 }.ToProfile();

        // Act
        var never = Parse("events('Product Viewed', 30d) = 0").Matches(profile, Ev.AsOf);
        var seen = Parse("days_since_last_seen >= 0").Matches(profile, Ev.AsOf);

        // Assert
        Assert.True(never);
        Assert.False(seen);
        Assert.False(profile.Values.ContainsKey(StandardAttributes.LastSeen));
        Assert.Equal(AttributeValue.Of(0m), profile.Values[StandardAttributes.AbandonedCartValue]);
    }

    [Fact]
    public void The_window_counts_the_days_from_D_minus_n_to_D_minus_1()
    {
        // Arrange: views 7 and 8 days before D, and one on D itself (not counted: D has not ended).
        var events = new[] { Ev.Viewed(7, "u9", hour: 0), Ev.Viewed(8, "u9", hour: 23), Ev.Viewed(0, "u9") };
        var profile = ProfileOf("u9", events);

        // Act
        var inSeven = ((EventCountNode)Parse("events('Product Viewed', 7d) = 1").Root).Count(profile, Ev.AsOf);
        var inEight = ((EventCountNode)Parse("events('Product Viewed', 8d) = 2").Root).Count(profile, Ev.AsOf);

        // Assert
        Assert.Equal(1, inSeven);
        Assert.Equal(2, inEight);
    }

    [Fact]
    public void A_matched_event_condition_is_explained_with_the_count()
    {
        // Arrange
        var segment = SegmentDefinitionLoader.Compile([new SegmentDefinition("Keen", string.Empty, "events(\"Product Viewed\", 30d, product = '85123A') >= 3 AND NOT events('Checkout Started', 7d) > 0")]).Segments[0];

        // Act
        var clauses = segment.Explain(Profiles()["u1"], Ev.AsOf);

        // Assert
        Assert.Equal(
            [
                "events('Product Viewed', 30d, product = '85123A') >= 3: 3 in the last 30 days",
                "(NOT events('Checkout Started', 7d) > 0): 0 in the last 7 days",
            ],
            clauses);
    }

    private static SegmentQuery Parse(string query)
    {
        var parsed = SegmentQuery.Parse(query);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return parsed.Query;
    }

    private static Dictionary<string, CustomerProfile> Profiles()
    {
        var resolved = EventIdentityResolver.Resolve(Events, Ev.AsOf);
        var orders = OrderBook.Build([Ev.Order("u4", 50, orderId: "O-1")], resolved, Ev.AsOf);
        var behaviour = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, orders, Ev.AsOf);
        var histories = CustomerEventHistories.Build(behaviour, resolved, Catalog);
        return Everyone.ToDictionary(id => id, id => new CustomerFacts(id) { AsOf = Ev.AsOf, Events = histories.GetValueOrDefault(id) }.ToProfile());
    }

    private static CustomerProfile ProfileOf(string id, IEnumerable<BehaviourEvent> events)
    {
        var resolved = EventIdentityResolver.Resolve(events, Ev.AsOf);
        var behaviour = new BehaviourSegmenter(new BehaviourSettings()).Compute(resolved, OrderBook.Build([], resolved, Ev.AsOf), Ev.AsOf);
        return new CustomerFacts(id) { AsOf = Ev.AsOf, Events = CustomerEventHistories.Build(behaviour, resolved)[id] }.ToProfile();
    }
}
