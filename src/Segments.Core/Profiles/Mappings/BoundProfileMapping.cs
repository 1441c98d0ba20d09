using Segments.Core.Ingest;

namespace Segments.Core.Profiles.Mappings;

/// <summary>A profile mapping with each field's columns resolved to the positions present in one file.</summary>
public sealed record BoundProfileMapping(ProfileMapping Mapping, IReadOnlyList<string> ColumnNames)
{
    /// <summary>Positions of the customer columns.</summary>
    public required IReadOnlyList<int> Customer { get; init; }

#pragma warning disable CS1591 // One position list per field of ProfileMapping, named alike.
    public required IReadOnlyList<int> SignupDate { get; init; }
    public required IReadOnlyList<int> BirthYear { get; init; }
    public required IReadOnlyList<int> AgeBand { get; init; }
    public required IReadOnlyList<int> Gender { get; init; }
    public required IReadOnlyList<int> City { get; init; }
    public required IReadOnlyList<int> Region { get; init; }
    public required IReadOnlyList<int> Country { get; init; }
    public required IReadOnlyList<int> AcquisitionChannel { get; init; }
    public required IReadOnlyList<int> ConsentEmail { get; init; }
    public required IReadOnlyList<int> ConsentEmailAt { get; init; }
    public required IReadOnlyList<int> ConsentSms { get; init; }
    public required IReadOnlyList<int> ConsentSmsAt { get; init; }
    public required IReadOnlyList<int> Tags { get; init; }
    public required IReadOnlyList<int> UpdatedAt { get; init; }
#pragma warning restore CS1591

    /// <summary>Resolves <paramref name="mapping"/> against a file's columns; the problem instead when no customer column is there.</summary>
    public static (BoundProfileMapping? Bound, string? Problem) Bind(ProfileMapping mapping, IReadOnlyList<string> columns)
    {
        var header = new HeaderColumns(columns);
        IReadOnlyList<int> Find(IReadOnlyList<string> names) => names.Select(header.Find).OfType<int>().ToList();

        var customer = Find(mapping.Customer);
        if (customer.Count == 0)
        {
            return (null, $"missing required columns for profile mapping '{mapping.Name}': {string.Join(" or ", mapping.Customer)}; found ({string.Join(",", columns)})");
        }

        return (new BoundProfileMapping(mapping, columns)
        {
            Customer = customer,
            SignupDate = Find(mapping.SignupDate),
            BirthYear = Find(mapping.BirthYear),
            AgeBand = Find(mapping.AgeBand),
            Gender = Find(mapping.Gender),
            City = Find(mapping.City),
            Region = Find(mapping.Region),
            Country = Find(mapping.Country),
            AcquisitionChannel = Find(mapping.AcquisitionChannel),
            ConsentEmail = Find(mapping.ConsentEmail),
            ConsentEmailAt = Find(mapping.ConsentEmailAt),
            ConsentSms = Find(mapping.ConsentSms),
            ConsentSmsAt = Find(mapping.ConsentSmsAt),
            Tags = Find(mapping.Tags),
            UpdatedAt = Find(mapping.UpdatedAt),
        }, null);
    }
}
