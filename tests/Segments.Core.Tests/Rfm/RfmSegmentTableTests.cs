using Segments.Core.Rfm;

namespace Segments.Core.Tests.Rfm;

public class RfmSegmentTableTests
{
    /// <summary>The segment table of the specification (issue 3), copied from the issue, not from src.</summary>
    private static readonly (string Segment, string Codes)[] Spec =
    [
        ("Champions", "555 554 544 545 454 455 445"),
        ("Loyal", "543 444 435 355 354 345 344 335"),
        ("Potential Loyalist", "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323"),
        ("New Customers", "512 511 422 421 412 411 311"),
        ("Promising", "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313"),
        ("Need Attention", "535 534 443 434 343 334 325 324"),
        ("About To Sleep", "331 321 312 221 213"),
        ("At Risk", "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124"),
        ("Can't Lose Them", "155 154 144 214 215 115 114 113"),
        ("Hibernating", "332 322 231 241 251 233 232 223 222 132 123 122 212 211"),
        ("Lost", "111 112 121 131 141 151"),
    ];

    /// <summary>Every code 111..555 with the one spec segment that lists it.</summary>
    public static TheoryData<int, int, int, string> AllCodes()
    {
        var data = new TheoryData<int, int, int, string>();
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    var code = $"{r}{f}{m}";
                    data.Add(r, f, m, Spec.Single(row => row.Codes.Split(' ').Contains(code)).Segment);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> SpecSegments() => new(Spec.Select(row => row.Segment));

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_code_maps_to_the_segment_the_spec_lists_it_under(int r, int f, int m, string segment)
    {
        // Act
        var actual = RfmSegmentTable.SegmentOf(r, f, m);

        // Assert
        Assert.Equal(segment, actual);
    }

    [Theory]
    [MemberData(nameof(SpecSegments))]
    public void Each_segment_holds_exactly_the_codes_of_the_spec(string segment)
    {
        // Arrange
        var specCodes = Spec.Single(row => row.Segment == segment).Codes.Split(' ').Order(StringComparer.Ordinal);

        // Act
        var tableCodes = RfmSegmentTable.All.Where(pair => pair.Value == segment).Select(pair => pair.Key).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(specCodes, tableCodes);
    }

    [Fact]
    public void The_table_holds_each_of_the_125_codes_exactly_once()
    {
        // Arrange: 5 · 5 · 5 = 125 codes from 111 to 555.
        var allCodes = from r in Enumerable.Range(1, 5)
                       from f in Enumerable.Range(1, 5)
                       from m in Enumerable.Range(1, 5)
                       select $"{r}{f}{m}";

        // Act
        var tableCodes = RfmSegmentTable.All.Keys.Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(allCodes.Order(StringComparer.Ordinal), tableCodes);
    }

    [Fact]
    public void The_spec_lists_each_of_the_125_codes_exactly_once()
    {
        // Arrange: guards the test data itself, so a typo in Spec cannot hide a wrong table.
        var specCodes = Spec.SelectMany(row => row.Codes.Split(' ')).ToList();

        // Act
        var distinct = specCodes.Distinct().Count();

        // Assert: 7 + 8 + 24 + 7 + 16 + 8 + 5 + 22 + 8 + 14 + 6 = 125 listed, none twice.
        Assert.Equal(125, specCodes.Count);
        Assert.Equal(125, distinct);
    }

    [Fact]
    public void Segment_names_are_the_eleven_of_the_spec_in_order()
    {
        // Act
        var names = RfmSegmentTable.SegmentNames;

        // Assert
        Assert.Equal(Spec.Select(row => row.Segment), names);
    }

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(6, 3, 3)]
    [InlineData(3, 0, 3)]
    [InlineData(3, 6, 3)]
    [InlineData(3, 3, 0)]
    [InlineData(3, 3, 6)]
    public void Scores_outside_one_to_five_throw(int r, int f, int m)
    {
        // Act
        var act = () => RfmSegmentTable.SegmentOf(r, f, m);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}
