using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Segments.Core.Ingest;
using Sylvan.Data.Csv;

namespace Segments.Core.Profiles;

/// <summary>
/// The CSV that profile ingestion writes once per batch and every recompute reads back, in file order, so a
/// run never re-parses the customer exports. Booleans are <c>1</c>/<c>0</c> (empty: unknown), timestamps ISO 8601
/// UTC, tags a JSON array (tags may hold any separator).
/// </summary>
public static class NormalizedProfileFormat
{
    /// <summary>The header line.</summary>
    public const string Header = "customer_id,signup_date,birth_year,age_band,gender,city,region,country,acquisition_channel,consent_email,consent_email_at,consent_sms,consent_sms_at,tags,updated_at";

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header.</summary>
    public static Task WriteHeaderAsync(TextWriter writer) => writer.WriteLineAsync(Header);

    /// <summary>Writes one record.</summary>
    public static Task WriteAsync(TextWriter writer, ProfileRecord record)
    {
        var f = record.Fields;
        string[] fields =
        [
            record.CustomerId,
            f.SignupDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            f.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            f.AgeBand ?? string.Empty,
            f.Gender ?? string.Empty,
            f.City ?? string.Empty,
            f.Region ?? string.Empty,
            f.Country ?? string.Empty,
            f.AcquisitionChannel ?? string.Empty,
            Flag(f.ConsentEmail),
            Timestamp(f.ConsentEmailAt),
            Flag(f.ConsentSms),
            Timestamp(f.ConsentSmsAt),
            f.Tags.Count == 0 ? string.Empty : JsonSerializer.Serialize(f.Tags, ProfileJsonContext.Default.IReadOnlyListString),
            Timestamp(f.UpdatedAt),
        ];
        return writer.WriteLineAsync(string.Join(',', fields.Select(CsvField.Escape)));
    }

    /// <summary>Reads every record back. The input was written by <see cref="WriteAsync"/>; anything else is a bug, so it throws.</summary>
    public static async IAsyncEnumerable<ProfileRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', Comment = Ingest.Records.CsvRecordSource.NoComments }, cancellationToken).ConfigureAwait(false);
        await using (csv.ConfigureAwait(false))
        {
            while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new ProfileRecord(csv.GetString(0), new CustomerProfileFields
                {
                    SignupDate = Optional(csv.GetString(1)) is { } signup ? DateOnly.ParseExact(signup, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    BirthYear = Optional(csv.GetString(2)) is { } year ? int.Parse(year, CultureInfo.InvariantCulture) : null,
                    AgeBand = Optional(csv.GetString(3)),
                    Gender = Optional(csv.GetString(4)),
                    City = Optional(csv.GetString(5)),
                    Region = Optional(csv.GetString(6)),
                    Country = Optional(csv.GetString(7)),
                    AcquisitionChannel = Optional(csv.GetString(8)),
                    ConsentEmail = ReadFlag(csv.GetString(9)),
                    ConsentEmailAt = ReadTimestamp(csv.GetString(10)),
                    ConsentSms = ReadFlag(csv.GetString(11)),
                    ConsentSmsAt = ReadTimestamp(csv.GetString(12)),
                    Tags = Optional(csv.GetString(13)) is { } tags ? JsonSerializer.Deserialize(tags, ProfileJsonContext.Default.ListString) ?? [] : [],
                    UpdatedAt = ReadTimestamp(csv.GetString(14)),
                });
            }
        }
    }

    private static string Flag(bool? value) => value switch
    {
        true => "1",
        false => "0",
        null => string.Empty,
    };

    private static bool? ReadFlag(string text) => text switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };

    private static string Timestamp(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture) ?? string.Empty;

    private static DateTimeOffset? ReadTimestamp(string text) =>
        text.Length == 0 ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}
