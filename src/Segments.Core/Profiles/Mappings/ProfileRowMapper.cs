using System.Globalization;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Mappings;
using Segments.Core.Ingest.Records;
using Segments.Core.Transactions;

namespace Segments.Core.Profiles.Mappings;

/// <summary>
/// Turns one record of a customer export into a profile record by a bound mapping, or a row error naming the
/// line, column and value. A value that cannot be read is an error rather than a guess: above all an
/// unreadable consent cell, which must never count as consent.
/// </summary>
public sealed class ProfileRowMapper(BoundProfileMapping bound, CustomerIdPolicy customers) : IRowMapper<ParsedProfileRow>
{
    // Birth years outside this range are typing errors, not customers.
    private const int EarliestBirthYear = 1900;
    private const int LatestBirthYear = 2100;

    /// <summary>Maps the current record.</summary>
    public ParsedProfileRow Map(IExportRecord record, long line)
    {
        var mapping = bound.Mapping;
        var (customerColumn, customerText) = FirstNonEmpty(record, bound.Customer);
        var customerId = customers.Normalize(customerText);
        if (customerId.Length == 0)
        {
            return mapping.SkipRowsWithoutCustomer
                ? ParsedProfileRow.Skip(line, $"no {mapping.Customer[0]}")
                : ParsedProfileRow.Reject(RowError.For(line, customerColumn ?? mapping.Customer[0], customerText, "missing customer id or e-mail"));
        }

        var (signupColumn, signupText) = FirstNonEmpty(record, bound.SignupDate);
        DateOnly? signup = null;
        if (signupText.Length != 0)
        {
            if (!OrderDateParser.TryParse(signupText, out var date))
            {
                return Error(line, signupColumn, signupText, "not a date (expected yyyy-MM-dd, an ISO timestamp or M/d/yyyy)");
            }

            signup = date;
        }

        var (birthColumn, birthText) = FirstNonEmpty(record, bound.BirthYear);
        int? birthYear = null;
        if (birthText.Length != 0)
        {
            if (!int.TryParse(birthText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < EarliestBirthYear or > LatestBirthYear)
            {
                return Error(line, birthColumn, birthText, $"not a birth year (a four-digit year from {EarliestBirthYear})");
            }

            birthYear = year;
        }

        var (emailColumn, emailText) = FirstNonEmpty(record, bound.ConsentEmail);
        if (!ConsentValue.TryParse(emailText, out var consentEmail))
        {
            return Error(line, emailColumn, emailText, ConsentProblem);
        }

        var (smsColumn, smsText) = FirstNonEmpty(record, bound.ConsentSms);
        if (!ConsentValue.TryParse(smsText, out var consentSms))
        {
            return Error(line, smsColumn, smsText, ConsentProblem);
        }

        if (!TryTimestamp(record, bound.ConsentEmailAt, line, out var consentEmailAt, out var error)
            || !TryTimestamp(record, bound.ConsentSmsAt, line, out var consentSmsAt, out error)
            || !TryTimestamp(record, bound.UpdatedAt, line, out var updatedAt, out error))
        {
            return ParsedProfileRow.Reject(error!);
        }

        var fields = new CustomerProfileFields
        {
            SignupDate = signup,
            BirthYear = birthYear,
            AgeBand = Text(record, bound.AgeBand)?.Replace(" ", string.Empty, StringComparison.Ordinal),
            Gender = GenderValue.Normalize(FirstNonEmpty(record, bound.Gender).Value),
            City = Text(record, bound.City),
            Region = Text(record, bound.Region),
            Country = Text(record, bound.Country),
            AcquisitionChannel = Text(record, bound.AcquisitionChannel),
            ConsentEmail = consentEmail,
            ConsentEmailAt = consentEmailAt,
            ConsentSms = consentSms,
            ConsentSmsAt = consentSmsAt,
            Tags = ProfileTags.Split(FirstNonEmpty(record, bound.Tags).Value, mapping.TagSeparator),
            UpdatedAt = updatedAt,
        };
        return ParsedProfileRow.Accept(line, new ProfileRecord(customerId, fields));
    }

    private static readonly string ConsentProblem =
        $"not a consent value: use one of {string.Join("/", ConsentValue.Yes)} for consent, {string.Join("/", ConsentValue.No)} for none, or leave it empty when unknown";

    private bool TryTimestamp(IExportRecord record, IReadOnlyList<int> ordinals, long line, out DateTimeOffset? value, out RowError? error)
    {
        var (column, text) = FirstNonEmpty(record, ordinals);
        error = null;
        if (ProfileTimestamp.TryParse(text, out value))
        {
            return true;
        }

        error = RowError.For(line, column ?? string.Empty, text, "not a timestamp (expected ISO 8601 such as 2024-03-01T10:00:00Z, or yyyy-MM-dd)");
        return false;
    }

    private static ParsedProfileRow Error(long line, string? column, string value, string reason) =>
        ParsedProfileRow.Reject(RowError.For(line, column ?? string.Empty, value, reason));

    private string? Text(IExportRecord record, IReadOnlyList<int> ordinals) =>
        FirstNonEmpty(record, ordinals).Value is { Length: > 0 } value ? value : null;

    // Profile exports are small next to order exports, so plain strings here rather than spans.
    private (string? Column, string Value) FirstNonEmpty(IExportRecord record, IReadOnlyList<int> ordinals)
    {
        foreach (var ordinal in ordinals)
        {
            var field = record.Field(ordinal).Trim();
            if (!field.IsEmpty)
            {
                return (bound.ColumnNames[ordinal], field.ToString());
            }
        }

        return (ordinals.Count > 0 ? bound.ColumnNames[ordinals[0]] : null, string.Empty);
    }
}
