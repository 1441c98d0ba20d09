using Segments.Core.Ingest;
using Segments.Core.Profiles;
using Segments.Core.Tests.Ingest;

namespace Segments.Core.Tests.Profiles;

/// <summary>The built-in customer-export layouts, detected from the header, and the values they read.</summary>
public class ProfileMappingTests
{
    private const string GenericHeader = "customer_id,email,signup_date,birth_year,age_band,gender,city,region,country,acquisition_channel,consent_email,consent_email_at,consent_sms,consent_sms_at,tags,updated_at";

    [Fact]
    public async Task Generic_export_is_detected_and_every_field_is_read()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text(
            GenericHeader,
            "C1,,2023-05-04,1990,,F,Seoul,Seoul-si,KR,paid_social,yes,2023-05-04T10:00:00Z,no,,\"wholesale, vip,Wholesale\",2024-02-01T08:30:00+01:00"));

        // Assert
        Assert.Equal("generic-customers", run.Report.Rows.Mapping);
        var record = Assert.Single(run.Records);
        Assert.Equal("C1", record.CustomerId);
        var f = record.Fields;
        Assert.Equal(new DateOnly(2023, 5, 4), f.SignupDate);
        Assert.Equal(1990, f.BirthYear);
        Assert.Equal(("female", "Seoul", "Seoul-si", "KR", "paid_social"), (f.Gender, f.City, f.Region, f.Country, f.AcquisitionChannel));
        Assert.Equal((true, false), (f.ConsentEmail, f.ConsentSms));
        Assert.Equal(new DateTimeOffset(2023, 5, 4, 10, 0, 0, TimeSpan.Zero), f.ConsentEmailAt);
        Assert.Null(f.ConsentSmsAt);
        Assert.Equal(["wholesale", "vip"], f.Tags);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 7, 30, 0, TimeSpan.Zero), f.UpdatedAt);
    }

    [Fact]
    public async Task An_email_customer_is_hashed_exactly_as_in_order_exports_so_profiles_join_orders()
    {
        // Arrange
        var options = new IngestOptions { EmailHashKey = "store-key-1", MaxRejectedFraction = 1 };

        // Act
        var profiles = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("email,city", " Ann@Example.COM ,Leeds"), options);
        var orders = await ProcessedExport.ProcessAsync(ProcessedExport.Text("customer_id,order_id,order_date,amount", "ann@example.com,O-1,2011-12-09,10.00"), options);

        // Assert: HMAC-SHA256("store-key-1", "ann@example.com")[:16], as EmailCustomerIdTests computed independently.
        Assert.Equal("email:091fb351cad2ed0ff5ae2c95181e058a", Assert.Single(profiles.Records).CustomerId);
        Assert.Equal(Assert.Single(orders.Lines).CustomerId, profiles.Records[0].CustomerId);
    }

    [Fact]
    public async Task Shopify_customers_export_is_detected_and_keyed_by_email_like_shopify_orders()
    {
        // Arrange: the current Shopify column names.
        const string header = "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags";
        var options = new IngestOptions { MaxRejectedFraction = 1 };

        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text(
            header,
            "'7215491055911,Ann,Lee,ann@example.com,yes,,1 Main St,,Toronto,ON,CA,M5V 2T6,,,no,120.50,3,,no,\"wholesale, newsletter\""), options);
        var orders = await ProcessedExport.ProcessAsync(ProcessedExport.Text(
            "Name,Email,Created at,Lineitem quantity,Lineitem price,Total",
            "#1001,ann@example.com,2024-01-02 10:00:00 -0500,1,10.00,10.00"), options);

        // Assert
        Assert.Equal("shopify-customers", run.Report.Rows.Mapping);
        var record = Assert.Single(run.Records);
        Assert.Equal(Assert.Single(orders.Lines).CustomerId, record.CustomerId);
        Assert.Equal(("Toronto", "ON", "CA"), (record.Fields.City, record.Fields.Region, record.Fields.Country));
        Assert.Equal((true, false), (record.Fields.ConsentEmail, record.Fields.ConsentSms));
        Assert.Equal(["wholesale", "newsletter"], record.Fields.Tags);
    }

    [Fact]
    public async Task Older_shopify_column_names_are_read_too()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text(
            "First Name,Last Name,Email,Accepts Email Marketing,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt",
            "Bo,Kim,bo@example.com,no,,,,Seoul,,11,South Korea,KR,,,yes,0.00,0,,,no"));

        // Assert
        var record = Assert.Single(run.Records);
        Assert.Equal(("Seoul", "11", "KR"), (record.Fields.City, record.Fields.Region, record.Fields.Country));
        Assert.Equal((false, true), (record.Fields.ConsentEmail, record.Fields.ConsentSms));
    }

    [Fact]
    public async Task An_invalid_consent_value_is_a_row_error_and_never_consent()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text(
            "customer_id,consent_email,consent_sms",
            "C1,yes,no",
            "C2,sure,no",
            "C3,yes,maybe"));

        // Assert: lines 3 and 4 are rejected with their column and value; only C1 is a record.
        Assert.Equal(["C1"], run.Records.Select(r => r.CustomerId));
        Assert.Equal([(3L, "consent_email", "sure"), (4L, "consent_sms", "maybe")], run.Errors.Select(e => (e.Line, e.Column, e.Value)));
        Assert.All(run.Errors, e => Assert.StartsWith("not a consent value", e.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("birth_year", "19x0", "not a birth year")]
    [InlineData("birth_year", "1850", "not a birth year")]
    [InlineData("signup_date", "31/31/2020", "not a date")]
    [InlineData("updated_at", "yesterday", "not a timestamp")]
    public async Task Unreadable_values_are_row_errors_with_their_column(string column, string value, string reason)
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text($"customer_id,{column}", $"C1,{value}"));

        // Assert
        var error = Assert.Single(run.Errors);
        Assert.Equal((2L, column, value), (error.Line, error.Column, error.Value));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Empty(run.Records);
    }

    [Fact]
    public async Task A_row_without_customer_id_or_email_is_rejected()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("customer_id,email,city", ",,Leeds", "C2,,York"));

        // Assert
        Assert.Equal((2L, "missing customer id or e-mail"), (Assert.Single(run.Errors).Line, run.Errors[0].Reason));
    }

    [Fact]
    public async Task Too_many_bad_rows_reject_the_file_by_the_order_export_threshold()
    {
        // Act: one bad row of two is 50%, above the default 5%.
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("customer_id,consent_email", "C1,yes", "C2,perhaps"), new IngestOptions());

        // Assert
        Assert.StartsWith("50.0% of rows were rejected (1 of 2)", run.Report.Rows.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_and_gzip_are_read_as_for_order_exports()
    {
        // Arrange
        var jsonl = "{\"email\":\"x@example.com\",\"gender\":\"M\",\"consent_sms\":\"true\"}\n{\"email\":\"y@example.com\",\"gender\":\"Non-Binary\"}\n";

        // Act
        var run = await ProcessedProfiles.ProcessAsync(ExportBytes.Gzip(ExportBytes.Utf8(jsonl)), name: "customers.jsonl.gz");

        // Assert
        Assert.Equal("jsonl+gzip", run.Report.Rows.Format);
        Assert.Equal(["male", "non-binary"], run.Records.Select(r => r.Fields.Gender));
        Assert.Equal(true, run.Records[0].Fields.ConsentSms);
    }

    [Fact]
    public async Task A_mapping_can_be_forced_by_name_and_an_unknown_one_is_refused()
    {
        // Act
        var unknown = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("customer_id", "C1"), mappingName: "salesforce");
        var forced = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("Email,City", "a@example.com,Oslo"), mappingName: "generic-customers");

        // Assert: generic-customers looks for email in any case.
        Assert.Equal("unknown profile mapping 'salesforce'; known: shopify-customers, generic-customers", unknown.Report.Rows.Rejection);
        Assert.Equal("Oslo", Assert.Single(forced.Records).Fields.City);
    }

    [Fact]
    public async Task A_header_without_a_customer_column_is_refused_with_the_layouts_expected()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text("name,city", "Ann,Leeds"));

        // Assert
        Assert.StartsWith("no recognised customer export header", run.Report.Rows.Rejection, StringComparison.Ordinal);
        Assert.Contains("generic-customers (customer_id or email)", run.Report.Rows.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_of_one_customer_that_disagree_within_a_file_are_counted_as_a_conflict()
    {
        // Act
        var run = await ProcessedProfiles.ProcessAsync(ProcessedExport.Text(
            "customer_id,city,updated_at",
            "C1,Leeds,2024-01-05",
            "C1,York,2024-01-01",
            "C2,Oslo,",
            "C2,Oslo,"));

        // Assert: C1's records disagree (the 5 January one wins); C2's two are identical, no conflict.
        Assert.Equal((2, 1), (run.Report.Customers, run.Report.ConflictingCustomers));
        var conflict = Assert.Single(run.Report.ConflictExamples);
        Assert.Equal(("C1", new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero)), (conflict.CustomerId, conflict.KeptAt));
        Assert.Equal(["city"], conflict.Fields);
    }
}
