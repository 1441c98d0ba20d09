using System.Globalization;
using System.Text;
using Segments.Core.Randomness;

namespace Segments.Core.Synthetic;

/// <summary>
/// Writes a synthetic events file of Segment spec messages (JSON Lines), of a given number of lines or bytes, for
/// tests and the ingest benchmark. The same seed and size give the same bytes.
/// </summary>
/// <remarks>
/// Visits in time order over <c>days</c> UTC days: each starts with one to three <c>page</c> calls, then product
/// views (log-normal, median 2); each view leads to a <c>Product Added</c> with probability 0.03 (about 9% of
/// visits add to the cart); a visit with adds starts checkout with probability 0.5 and a checkout becomes an
/// order with probability 0.6, so about 2.4% of visits convert, within the 2–3% e-commerce benchmarks report. A third of visitors have an account: they
/// <c>identify</c> when they log in (30% of their visits) or check out, and from then on their messages carry
/// the userId, as analytics.js keeps it once identified; their earlier visits stay anonymous until that link.
/// The others stay anonymous and check out as guests. One message in 200 is delivered twice (same messageId),
/// as Segment's at-least-once delivery does. Products: a catalogue of 2,000 with Zipf-like popularity and
/// log-normal prices (median 18).
/// </remarks>
public static class BehaviourEventGenerator
{
    // Measured on this generator's output; only used to spread a size-bounded file over the days.
    private const double LinesPerSession = 5.2;
    private const double BytesPerLine = 189;
    private const int Products = 2000;

    /// <summary>
    /// Writes whole visits until <paramref name="maxLines"/> lines or <paramref name="maxBytes"/> bytes are reached,
    /// whichever comes first (the line that crosses the byte bound is written whole), spread over
    /// <paramref name="days"/> UTC days from <paramref name="firstDay"/>.
    /// </summary>
    public static BehaviourEventSummary Write(TextWriter writer, long maxLines, long maxBytes, DateOnly firstDay, int days, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var expectedLines = Math.Max(1, Math.Min(maxLines, (long)(maxBytes / BytesPerLine)));
        var state = new GeneratorState(seed, expectedLines, firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), days, writer);
        var expectedSessions = expectedLines / LinesPerSession;
        while (state.Summary.Lines < maxLines && state.Summary.Bytes < maxBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.WriteSession(Math.Min(state.Summary.Sessions / expectedSessions, 1), maxLines, maxBytes);
        }

        return state.Summary;
    }

    private sealed class Visitor(string anonymousId, string? account)
    {
        public string AnonymousId { get; } = anonymousId;

        public string? Account { get; } = account;

        public bool Identified { get; set; }

        public string? UserId => Identified ? Account : null;
    }

    /// <summary>The catalogue, the visitors and the random stream of one file.</summary>
    private sealed class GeneratorState
    {
        private readonly SplitMix64 _random;
        private readonly DateTime _start;
        private readonly int _days;
        private readonly TextWriter _writer;
        private readonly string[] _productIds = new string[Products];
        private readonly decimal[] _prices = new decimal[Products];
        private readonly WeightedChoice _productChoice;
        private readonly Visitor[] _visitors;
        private readonly WeightedChoice _visitorChoice;
        private readonly StringBuilder _line = new(512);
        private long _maxLines;
        private long _maxBytes;
        private long _messages;
        private long _orders;

        public GeneratorState(ulong seed, long expectedLines, DateTime start, int days, TextWriter writer)
        {
            _random = new SplitMix64(seed);
            _start = start;
            _days = days;
            _writer = writer;
            for (var p = 0; p < Products; p++)
            {
                _productIds[p] = "P" + (10000 + p).ToString(CultureInfo.InvariantCulture);
                _prices[p] = Math.Round((decimal)Math.Clamp(_random.NextLogNormal(18, 0.9), 0.5, 900), 2);
            }

            _productChoice = new WeightedChoice(Enumerable.Range(1, Products).Select(rank => 1 / Math.Pow(rank, 0.9)).ToArray());
            var visitors = (int)Math.Clamp(expectedLines / LinesPerSession / 2.5, 10, 5_000_000);
            _visitors = new Visitor[visitors];
            var weights = new double[visitors];
            for (var v = 0; v < visitors; v++)
            {
                var account = _random.NextDouble() < 1.0 / 3 ? "C" + (100000 + v).ToString(CultureInfo.InvariantCulture) : null;
                _visitors[v] = new Visitor(Hex(_random.NextUInt64()), account);
                weights[v] = _random.NextLogNormal(1, 1.0);
            }

            _visitorChoice = new WeightedChoice(weights);
        }

        public BehaviourEventSummary Summary { get; private set; }

        public void WriteSession(double periodFraction, long maxLines, long maxBytes)
        {
            _maxLines = maxLines;
            _maxBytes = maxBytes;
            Summary = Summary with { Sessions = Summary.Sessions + 1 };
            var visitor = _visitors[_visitorChoice.Next(_random)];
            var at = _start.AddSeconds(periodFraction * _days * 86400 * (1 - 1e-9));
            if (visitor.Account is not null && !visitor.Identified && _random.NextDouble() < 0.3)
            {
                visitor.Identified = true;
                Identify(visitor, ref at);
            }

            for (var pages = 1 + _random.Next(3); pages > 0; pages--)
            {
                if (Message(visitor, ref at, "\"type\":\"page\"", "\"name\":\"Home\""))
                {
                    Summary = Summary with { PageViews = Summary.PageViews + 1 };
                }
            }

            var cart = new List<(int Product, int Quantity)>();
            var views = (int)Math.Clamp(Math.Round(_random.NextLogNormal(2, 0.9)), 0, 40);
            for (var v = 0; v < views; v++)
            {
                var product = _productChoice.Next(_random);
                if (Message(visitor, ref at, "\"type\":\"track\",\"event\":\"Product Viewed\"", ProductProperties(product, 1)))
                {
                    Summary = Summary with { ProductViews = Summary.ProductViews + 1 };
                }

                if (_random.NextDouble() < 0.03)
                {
                    var quantity = _random.NextDouble() < 0.8 ? 1 : 2 + _random.Next(2);
                    cart.Add((product, quantity));
                    if (Message(visitor, ref at, "\"type\":\"track\",\"event\":\"Product Added\"", ProductProperties(product, quantity)))
                    {
                        Summary = Summary with { ProductAdds = Summary.ProductAdds + 1 };
                    }
                }
            }

            if (cart.Count == 0 || _random.NextDouble() >= 0.5)
            {
                return;
            }

            if (visitor.Account is not null && !visitor.Identified && _random.NextDouble() < 0.9)
            {
                visitor.Identified = true;
                Identify(visitor, ref at);
            }

            var total = cart.Sum(line => _prices[line.Product] * line.Quantity).ToString("0.00", CultureInfo.InvariantCulture);
            var products = string.Join(',', cart.Select(line => $"{{{ProductProperties(line.Product, line.Quantity)}}}"));
            if (Message(visitor, ref at, "\"type\":\"track\",\"event\":\"Checkout Started\"", $"\"value\":{total},\"products\":[{products}]"))
            {
                Summary = Summary with { CheckoutsStarted = Summary.CheckoutsStarted + 1 };
            }

            if (_random.NextDouble() < 0.6)
            {
                var orderId = "O" + (++_orders + 1_000_000).ToString(CultureInfo.InvariantCulture);
                if (Message(visitor, ref at, "\"type\":\"track\",\"event\":\"Order Completed\"", $"\"order_id\":\"{orderId}\",\"total\":{total},\"currency\":\"EUR\",\"products\":[{products}]"))
                {
                    Summary = Summary with { OrdersCompleted = Summary.OrdersCompleted + 1 };
                }
            }
        }

        private void Identify(Visitor visitor, ref DateTime at)
        {
            if (Message(visitor, ref at, "\"type\":\"identify\"", null))
            {
                Summary = Summary with { Identifies = Summary.Identifies + 1 };
            }
        }

        private string ProductProperties(int product, int quantity) =>
            $"\"product_id\":\"{_productIds[product]}\",\"price\":{_prices[product].ToString("0.00", CultureInfo.InvariantCulture)},\"quantity\":{quantity.ToString(CultureInfo.InvariantCulture)}";

        /// <summary>
        /// Writes one message (and, one time in 200, its re-delivery) unless a bound is reached; the clock moves on
        /// 5–95 s. Counts of kinds count messages, not deliveries.
        /// </summary>
        private bool Message(Visitor visitor, ref DateTime at, string call, string? properties)
        {
            at = at.AddSeconds(5 + _random.Next(90));
            if (Summary.Lines >= _maxLines || Summary.Bytes >= _maxBytes)
            {
                return false;
            }

            _line.Clear();
            _line.Append('{').Append(call)
                .Append(",\"messageId\":\"").Append(Hex((ulong)++_messages * 0x9E3779B97F4A7C15UL))
                .Append("\",\"anonymousId\":\"").Append(visitor.AnonymousId).Append('"');
            if (visitor.UserId is { } userId)
            {
                _line.Append(",\"userId\":\"").Append(userId).Append('"');
            }

            _line.Append(",\"timestamp\":\"").Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append('"');
            if (properties is not null)
            {
                _line.Append(",\"properties\":{").Append(properties).Append('}');
            }

            _line.Append("}\n");
            var repeats = _random.NextDouble() < 0.005 ? 2 : 1;
            for (var r = 0; r < repeats && Summary.Lines < _maxLines && Summary.Bytes < _maxBytes; r++)
            {
                _writer.Write(_line);
                Summary = Summary with
                {
                    Lines = Summary.Lines + 1,
                    // Every generated character is ASCII, so characters are bytes.
                    Bytes = Summary.Bytes + _line.Length,
                    AnonymousLines = Summary.AnonymousLines + (visitor.UserId is null ? 1 : 0),
                    RedeliveredLines = Summary.RedeliveredLines + r,
                };
            }

            return true;
        }

        private static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);
    }
}
