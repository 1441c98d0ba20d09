using System.Text.Json.Serialization.Metadata;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;

namespace Segments.Core.Profiles.Mappings;

/// <summary>
/// How one kind of customer export maps to profile records: a data file (JSON), as order mappings are, so a
/// store can add the layout of its CRM without a code change. Column lists mean "the first non-empty of these".
/// Setters rather than <c>init</c>, as <see cref="ExportMapping"/> says why.
/// </summary>
public sealed record ProfileMapping : IExportMapping<ProfileMapping>
{
    /// <summary>Stable name (recorded per batch; forces the mapping through blob metadata <c>mapping=</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What export this is, in words.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Header columns that must all be present for this layout to be detected (case-insensitive).</summary>
    public IReadOnlyList<string> Detect { get; set; } = [];

    /// <summary>Header columns of which at least one must be present as well (when any are listed).</summary>
    public IReadOnlyList<string> DetectAny { get; set; } = [];

    /// <summary>Customer id or e-mail columns; an e-mail is hashed exactly as in order exports, so the two join.</summary>
    public IReadOnlyList<string> Customer { get; set; } = [];

    /// <summary>Signup (account creation) date columns.</summary>
    public IReadOnlyList<string> SignupDate { get; set; } = [];

    /// <summary>Birth year columns (four digits).</summary>
    public IReadOnlyList<string> BirthYear { get; set; } = [];

    /// <summary>Age band columns, used when there is no birth year.</summary>
    public IReadOnlyList<string> AgeBand { get; set; } = [];

    /// <summary>Gender columns.</summary>
    public IReadOnlyList<string> Gender { get; set; } = [];

    /// <summary>City columns.</summary>
    public IReadOnlyList<string> City { get; set; } = [];

    /// <summary>Region, state or province columns.</summary>
    public IReadOnlyList<string> Region { get; set; } = [];

    /// <summary>Country columns.</summary>
    public IReadOnlyList<string> Country { get; set; } = [];

    /// <summary>Acquisition channel columns.</summary>
    public IReadOnlyList<string> AcquisitionChannel { get; set; } = [];

    /// <summary>E-mail marketing consent columns (yes/no, see <see cref="ConsentValue"/>).</summary>
    public IReadOnlyList<string> ConsentEmail { get; set; } = [];

    /// <summary>Columns with the time of the e-mail consent.</summary>
    public IReadOnlyList<string> ConsentEmailAt { get; set; } = [];

    /// <summary>SMS marketing consent columns.</summary>
    public IReadOnlyList<string> ConsentSms { get; set; } = [];

    /// <summary>Columns with the time of the SMS consent.</summary>
    public IReadOnlyList<string> ConsentSmsAt { get; set; } = [];

    /// <summary>Tag columns.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>What separates tags in one cell.</summary>
    public string TagSeparator { get; set; } = ",";

    /// <summary>Columns with the time the record last changed; the newest record of a customer wins.</summary>
    public IReadOnlyList<string> UpdatedAt { get; set; } = [];

    /// <summary>Rows without a customer id are skipped and counted instead of rejected.</summary>
    public bool SkipRowsWithoutCustomer { get; set; }

    /// <inheritdoc />
    public static string KindName => "profile mapping";

    /// <summary>Most specific first: the generic layout matches any file with a customer_id or email column.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["shopify-customers", "generic-customers"];

    /// <inheritdoc />
    public static string BuiltInResource(string name) => $"Segments.Core.Profiles.Mappings.BuiltIn.{name}.json";

    /// <inheritdoc />
    public static IReadOnlyList<string> Problems(ProfileMapping mapping)
    {
        var problems = new List<string>();
        if (mapping.Customer.Count == 0)
        {
            problems.Add("'customer' must name at least one column (a customer id or an e-mail)");
        }

        if (string.IsNullOrEmpty(mapping.TagSeparator))
        {
            problems.Add("'tagSeparator' must not be empty");
        }

        return problems;
    }

    /// <inheritdoc />
    public static JsonTypeInfo<ProfileMapping> JsonTypeInfo => MappingJsonContext.Default.ProfileMapping;

    /// <inheritdoc />
    public static string HeaderName => "customer export header";

    /// <inheritdoc />
    public string? DescribeDetection() => string.Join(",", Detect.Concat(DetectAny.Count > 0 ? [string.Join(" or ", DetectAny)] : []));

    /// <summary>All of <see cref="Detect"/> and, when listed, one of <see cref="DetectAny"/> in the header.</summary>
    public bool IsDetectedBy(HeaderColumns header) =>
        Detect.Count + DetectAny.Count > 0
        && Detect.All(d => header.Find(d) is not null)
        && (DetectAny.Count == 0 || DetectAny.Any(d => header.Find(d) is not null));
}
