using Segments.Core.Profiles;

namespace Segments.Core.Tests.Profiles;

public class NormalizedProfileFormatTests
{
    [Fact]
    public async Task Records_read_back_exactly_as_written()
    {
        // Arrange: commas, quotes and separators inside values; unknown consent; an empty profile.
        ProfileRecord[] records =
        [
            new("email:0a1b", new CustomerProfileFields
            {
                SignupDate = new DateOnly(2020, 2, 29),
                BirthYear = 1985,
                AgeBand = "35-44",
                Gender = "female",
                City = "Washington, D.C.",
                Region = "DC",
                Country = "US",
                AcquisitionChannel = "\"referral\"",
                ConsentEmail = true,
                ConsentEmailAt = new DateTimeOffset(2021, 1, 2, 3, 4, 5, TimeSpan.Zero),
                ConsentSms = false,
                Tags = ["a,b", "c|d"],
                UpdatedAt = new DateTimeOffset(2024, 1, 1, 12, 0, 0, 123, TimeSpan.Zero),
            }),
            new("C2", new CustomerProfileFields()),
        ];
        using var buffer = new StringWriter();

        // Act
        await NormalizedProfileFormat.WriteHeaderAsync(buffer);
        foreach (var record in records)
        {
            await NormalizedProfileFormat.WriteAsync(buffer, record);
        }

        var read = new List<ProfileRecord>();
        await foreach (var record in NormalizedProfileFormat.ReadAsync(new StringReader(buffer.ToString()), CancellationToken.None))
        {
            read.Add(record);
        }

        // Assert
        Assert.Equal(2, read.Count);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(records[i].CustomerId, read[i].CustomerId);
            Assert.Empty(records[i].Fields.DifferingFields(read[i].Fields));
            Assert.Equal(records[i].Fields.UpdatedAt, read[i].Fields.UpdatedAt);
        }
    }
}
