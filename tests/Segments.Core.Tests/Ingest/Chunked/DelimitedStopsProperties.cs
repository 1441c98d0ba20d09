using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segments.Core.Ingest.Chunked;

namespace Segments.Core.Tests.Ingest.Chunked;

/// <summary>
/// The chunk parser's stop finder must find exactly what IndexOfAny over the four stop characters finds, from any
/// position, in any order of asking (forwards in steps, as the parser asks, and after jumps), including characters
/// whose low byte is a stop (U+012C, U+220A) that a byte-wise comparison would take for one.
/// </summary>
public class DelimitedStopsProperties
{
    private static readonly Gen<char> Chars = Gen.Elements('a', '7', ' ', ',', '\t', ';', '|', '"', '\n', '\r', '\u012C', '\u220A', '\u0A0D', 'é', '\0');

    private static readonly Gen<string> Texts =
        from length in Gen.OneOf(Gen.Choose(0, 20), Gen.Choose(21, 200))
        from chars in Gen.ArrayOf(Chars, length)
        select new string(chars);

    [Property(MaxTest = 500)]
    public Property Asked_forwards_field_by_field_the_stops_are_those_IndexOfAny_finds() =>
        Prop.ForAll(
            Texts.ToArbitrary(),
            Gen.Elements(',', '\t', ';', '|').ToArbitrary(),
            (text, delimiter) =>
            {
                var values = SearchValues.Create([delimiter, '"', '\n', '\r']);
                var stops = new DelimitedStops(text, delimiter, values);
                var pos = 0;
                while (pos <= text.Length)
                {
                    var expected = text.AsSpan(pos).IndexOfAny(values);
                    Assert.Equal(expected < 0 ? -1 : pos + expected, stops.Next(pos));
                    if (expected < 0)
                    {
                        break;
                    }

                    pos += expected + 1;
                }
            });

    [Property(MaxTest = 300)]
    public Property Asked_from_any_positions_in_any_order_the_stops_are_those_IndexOfAny_finds() =>
        Prop.ForAll(
            Texts.ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 220), 12).ToArbitrary(),
            (text, positions) =>
            {
                var values = SearchValues.Create(",\"\n\r");
                var stops = new DelimitedStops(text, ',', values);
                foreach (var position in positions)
                {
                    var pos = Math.Min(position, text.Length);
                    var expected = text.AsSpan(pos).IndexOfAny(values);
                    Assert.Equal(expected < 0 ? -1 : pos + expected, stops.Next(pos));
                }
            });

    [Fact]
    public void A_character_whose_low_byte_is_the_delimiter_is_not_a_stop()
    {
        // Arrange: U+012C's low byte is ',' (0x2C); the real comma is the 21st character.
        var text = new string('\u012C', 20) + "," + new string('x', 20);

        // Act
        var stops = new DelimitedStops(text, ',', SearchValues.Create(",\"\n\r"));

        // Assert
        Assert.Equal(20, stops.Next(0));
        Assert.Equal(-1, stops.Next(21));
    }
}
