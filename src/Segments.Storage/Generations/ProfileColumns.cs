using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Segments.Core.Profiles;

namespace Segments.Storage.Generations;

/// <summary>
/// The profile fields of a generation row, one column each (<c>AgeBand</c>, <c>Gender</c>, <c>City</c>,
/// <c>Region</c>, <c>ProfileCountry</c>, <c>ConsentEmail</c>, <c>ConsentEmailAt</c>, ...), so that an export can
/// filter on them in the table query (e.g. <c>ConsentEmail eq true</c>). <c>HasProfile</c> tells a customer
/// without a profile from one whose profile is all empty.
/// </summary>
internal static class ProfileColumns
{
    /// <summary>Adds the profile's columns to <paramref name="entity"/>.</summary>
    public static TableEntity WithProfile(this TableEntity entity, CustomerProfileFields? profile)
    {
        entity["HasProfile"] = profile is not null;
        if (profile is null)
        {
            return entity;
        }

        entity["SignupDate"] = profile.SignupDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entity["BirthYear"] = profile.BirthYear;
        entity["AgeBand"] = profile.AgeBand;
        entity["Gender"] = profile.Gender;
        entity["City"] = profile.City;
        entity["Region"] = profile.Region;
        entity["ProfileCountry"] = profile.Country;
        entity["AcquisitionChannel"] = profile.AcquisitionChannel;
        entity["ConsentEmail"] = profile.ConsentEmail;
        entity["ConsentEmailAt"] = profile.ConsentEmailAt;
        entity["ConsentSms"] = profile.ConsentSms;
        entity["ConsentSmsAt"] = profile.ConsentSmsAt;
        entity["Tags"] = JsonSerializer.Serialize(profile.Tags, StorageJsonContext.Default.IReadOnlyListString);
        entity["ProfileUpdatedAt"] = profile.UpdatedAt;
        return entity;
    }

    /// <summary>The profile stored on a row, or null.</summary>
    public static CustomerProfileFields? Read(TableEntity e) => e.GetBoolean("HasProfile") is true
        ? new CustomerProfileFields
        {
            SignupDate = e.GetString("SignupDate") is { } signup ? DateOnly.ParseExact(signup, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            BirthYear = e.GetInt32("BirthYear"),
            AgeBand = e.GetString("AgeBand"),
            Gender = e.GetString("Gender"),
            City = e.GetString("City"),
            Region = e.GetString("Region"),
            Country = e.GetString("ProfileCountry"),
            AcquisitionChannel = e.GetString("AcquisitionChannel"),
            ConsentEmail = e.GetBoolean("ConsentEmail"),
            ConsentEmailAt = e.GetDateTimeOffset("ConsentEmailAt"),
            ConsentSms = e.GetBoolean("ConsentSms"),
            ConsentSmsAt = e.GetDateTimeOffset("ConsentSmsAt"),
            Tags = JsonSerializer.Deserialize(e.GetString("Tags") ?? "[]", StorageJsonContext.Default.ListString) ?? [],
            UpdatedAt = e.GetDateTimeOffset("ProfileUpdatedAt"),
        }
        : null;
}
