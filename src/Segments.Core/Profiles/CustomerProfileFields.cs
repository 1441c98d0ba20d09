namespace Segments.Core.Profiles;

/// <summary>
/// What a CRM or shop customer export says about one customer: demographics, place, acquisition, marketing
/// consent per channel and tags. Every field may be unknown (null, or an empty tag list).
/// </summary>
public sealed record CustomerProfileFields
{
    /// <summary>When the customer signed up (account created), UTC calendar date.</summary>
    public DateOnly? SignupDate { get; init; }

    /// <summary>Year of birth; the age band of a run is derived from it as of the run's date.</summary>
    public int? BirthYear { get; init; }

    /// <summary>Age band such as <c>25-34</c>: given by the export, or derived from <see cref="BirthYear"/> (see <see cref="AgeBands"/>).</summary>
    public string? AgeBand { get; init; }

    /// <summary><c>female</c>, <c>male</c>, or another value as exported, lower-cased (see <see cref="GenderValue"/>).</summary>
    public string? Gender { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Region, state or province (Shopify: the province code).</summary>
    public string? Region { get; init; }

    /// <summary>Country as the profile states it (Shopify: the ISO country code); orders keep their own country.</summary>
    public string? Country { get; init; }

    /// <summary>How the customer was acquired (e.g. <c>organic</c>, <c>paid_social</c>).</summary>
    public string? AcquisitionChannel { get; init; }

    /// <summary>Consent to e-mail marketing: true only for an explicit yes; null when the export does not say.</summary>
    public bool? ConsentEmail { get; init; }

    /// <summary>When the e-mail consent was given or withdrawn.</summary>
    public DateTimeOffset? ConsentEmailAt { get; init; }

    /// <summary>Consent to SMS marketing: true only for an explicit yes; null when the export does not say.</summary>
    public bool? ConsentSms { get; init; }

    /// <summary>When the SMS consent was given or withdrawn.</summary>
    public DateTimeOffset? ConsentSmsAt { get; init; }

    /// <summary>Tags, trimmed, duplicates (ignoring case) removed, in export order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the source system last changed this record; decides which record of a customer is newest.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>This profile as of <paramref name="asOf"/>: the age band derived from the birth year when there is one.</summary>
    public CustomerProfileFields AsOf(DateOnly asOf) =>
        BirthYear is { } year ? this with { AgeBand = AgeBands.ForBirthYear(year, asOf) } : this;

    /// <summary>Names of the fields (as rule attributes spell them) whose values differ from <paramref name="other"/>; the update time is not compared.</summary>
    public IReadOnlyList<string> DifferingFields(CustomerProfileFields other)
    {
        var fields = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                fields.Add(name);
            }
        }

        Check("signup_date", SignupDate, other.SignupDate);
        Check("birth_year", BirthYear, other.BirthYear);
        Check("age_band", AgeBand, other.AgeBand);
        Check("gender", Gender, other.Gender);
        Check("city", City, other.City);
        Check("region", Region, other.Region);
        Check("profile_country", Country, other.Country);
        Check("acquisition_channel", AcquisitionChannel, other.AcquisitionChannel);
        Check("consent_email", ConsentEmail, other.ConsentEmail);
        Check("consent_email_at", ConsentEmailAt, other.ConsentEmailAt);
        Check("consent_sms", ConsentSms, other.ConsentSms);
        Check("consent_sms_at", ConsentSmsAt, other.ConsentSmsAt);
        if (!Tags.SequenceEqual(other.Tags, StringComparer.Ordinal))
        {
            fields.Add("tags");
        }

        return fields;
    }
}
