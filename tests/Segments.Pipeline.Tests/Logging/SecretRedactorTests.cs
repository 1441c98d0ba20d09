using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Logging;

namespace Segments.Pipeline.Tests.Logging;

public sealed class SecretRedactorTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Every_configured_key_and_connection_string_secret_is_masked()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Segments:AdminKey"] = "admin-key-1",
            ["Segments:FunctionKey"] = "function-key-2",
            ["Segments:FunctionKeys:crm"] = "crm-key-3",
            ["Segments:PageTokenKey"] = "page-token-key-4",
            ["Segments:Ingest:EmailHashKey"] = "email-hash-key-5",
            ["Segments:Experiments:HashKey"] = "experiment-key-6",
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=a;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:1/a;",
        }).Build();
        var redactor = SecretRedactor.FromConfiguration(configuration);

        var text = "admin-key-1 function-key-2 crm-key-3 page-token-key-4 email-hash-key-5 experiment-key-6 " + AccountKey + " " + Uri.EscapeDataString(AccountKey);

        Assert.Equal(string.Join(' ', Enumerable.Repeat(SecretRedactor.Mask, 8)), redactor.Redact(text));
    }

    [Fact]
    public void Every_tracking_write_key_is_masked_as_written_and_as_the_basic_credentials_sdks_send()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Segments:WriteKeys:site"] = "write-key-site-7",
            ["Segments:WriteKeys:app"] = "write-key-app-8",
        }).Build();
        var redactor = SecretRedactor.FromConfiguration(configuration);
        var basic = Convert.ToBase64String("write-key-site-7:"u8.ToArray());
        var basicWithoutColon = Convert.ToBase64String("write-key-app-8"u8.ToArray());

        var text = $"write-key-site-7 write-key-app-8 {basic} {basicWithoutColon}";

        Assert.Equal(string.Join(' ', Enumerable.Repeat(SecretRedactor.Mask, 4)), redactor.Redact(text));
    }

    [Theory]
    [InlineData("Authorization: Basic d2hhdGV2ZXI6", "Authorization: Basic ***")]
    [InlineData("{\"batch\":[],\"writeKey\":\"not-a-configured-key\"}", "{\"batch\":[],\"writeKey\":\"***\"}")]
    public void Credentials_a_tracking_sdk_sends_are_masked_even_when_not_configured(string text, string expected)
    {
        Assert.Equal(expected, new SecretRedactor([]).Redact(text));
    }

    [Theory]
    [InlineData("GET http://h/api/customers/1?code=whatever-was-sent - 200", "GET http://h/api/customers/1?code=*** - 200")]
    [InlineData("GET http://h/api/segments?pageSize=2&code=abc&consent=email", "GET http://h/api/segments?pageSize=2&code=***&consent=email")]
    [InlineData("https://acct.blob.core.windows.net/c/b?sv=2024&sig=AbC%2Fdef", "https://acct.blob.core.windows.net/c/b?sv=2024&sig=***")]
    [InlineData("AccountName=x;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net", "AccountName=x;AccountKey=***;EndpointSuffix=core.windows.net")]
    public void A_key_in_a_url_or_connection_string_is_masked_even_when_not_configured(string text, string expected)
    {
        Assert.Equal(expected, new SecretRedactor([]).Redact(text));
    }

    [Fact]
    public void Text_without_secrets_is_returned_as_the_same_instance()
    {
        var text = "Run 20240131 succeeded: 14189 lines, code 555";

        Assert.Same(text, new SecretRedactor(["admin-key-1"]).Redact(text));
    }

    [Fact]
    public void Values_too_short_to_be_keys_are_not_masked_in_ordinary_words()
    {
        Assert.Equal("a key of abc", new SecretRedactor(["abc", null, string.Empty]).Redact("a key of abc"));
    }
}
