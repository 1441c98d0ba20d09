using Segments.Core.Events;

namespace Segments.Core.Tests.Events;

/// <summary>Hand-made canonical events for the resolution and segment tests; days are counted back from <see cref="AsOf"/>.</summary>
internal static class Ev
{
    /// <summary>The run date D of every segment test.</summary>
    public static readonly DateOnly AsOf = new(2024, 3, 15);

    /// <summary>An instant on day D−<paramref name="daysBefore"/> at the given hour (UTC).</summary>
    public static DateTimeOffset At(int daysBefore, int hour = 12) =>
        new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-daysBefore).AddHours(hour);

    public static BehaviourEvent Make(
        EventKind kind,
        int daysBefore,
        string? user = null,
        string? anonymous = null,
        int hour = 12,
        string? messageId = null,
        decimal? value = null,
        int quantity = 0,
        string[]? products = null,
        string? orderId = null,
        string? sourceDay = null) =>
        new(messageId, user, anonymous, kind, At(daysBefore, hour), products ?? [], value, quantity, orderId, kind.ToString(), sourceDay);

    public static BehaviourEvent Added(int daysBefore, string user, decimal value, int quantity, string product, int hour = 12) =>
        Make(EventKind.ProductAdded, daysBefore, user, hour: hour, value: value, quantity: quantity, products: [product]);

    public static BehaviourEvent Viewed(int daysBefore, string user, string product = "P1", int hour = 12) =>
        Make(EventKind.ProductViewed, daysBefore, user, hour: hour, products: [product]);

    public static CustomerOrder Order(string user, int daysBefore, int hour = 12, string? orderId = null) => new(user, orderId, At(daysBefore, hour));

    public static BehaviourResult Segment(IEnumerable<BehaviourEvent> events, IEnumerable<CustomerOrder>? orders = null, BehaviourSettings? settings = null)
    {
        var resolved = EventIdentityResolver.Resolve(events, AsOf);
        var book = OrderBook.Build(orders ?? [], resolved, AsOf);
        return new BehaviourSegmenter(settings ?? new BehaviourSettings()).Compute(resolved, book, AsOf);
    }

    public static BehaviourMembership? Membership(BehaviourResult result, string customer, BehaviourSegment segment) =>
        result.Memberships.SingleOrDefault(m => m.CustomerId == customer && m.Segment == segment);
}
