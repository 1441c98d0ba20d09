using System.Text.Json;
using System.Text.RegularExpressions;
using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Template;

/// <summary>
/// No keys anywhere: storage refuses shared keys, nothing reads or passes an account key or connection string,
/// and no output or parameter carries a secret. The one key the template touches is the Functions host's
/// blobs_extension system key, read at deployment time into the Event Grid webhook (see
/// infra/modules/ingest-subscription.bicep for why), and nowhere else.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class KeylessTests(CompiledTemplate compiled)
{
    [Fact]
    public void Storage_account_disables_shared_key_access()
    {
        var (_, account) = compiled.Main.Single("Microsoft.Storage/storageAccounts");
        var properties = account.GetProperty("properties");

        Assert.Equal(JsonValueKind.False, properties.GetProperty("allowSharedKeyAccess").ValueKind);
        Assert.True(properties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void Storage_account_allows_no_anonymous_access_and_only_TLS_1_2()
    {
        var (_, account) = compiled.Main.Single("Microsoft.Storage/storageAccounts");
        var properties = account.GetProperty("properties");

        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Theory]
    [InlineData("AccountKey")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    [InlineData("InstrumentationKey=")]
    [InlineData("listConnectionStrings")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("listSecrets")]
    [InlineData("DEPLOYMENT_STORAGE_CONNECTION_STRING")]
    public void Template_holds_no_account_key_connection_string_or_sas(string text)
    {
        Assert.DoesNotContain(text, compiled.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_only_key_read_is_the_blobs_extension_system_key_inside_the_event_subscription_endpoint()
    {
        // One subscription per drop zone (transactions, customers, events), each reading the key once.
        var keyReads = ListFunction().Matches(compiled.Json);
        var subscriptions = compiled.Main.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal(3, subscriptions.Count);
        Assert.Equal(subscriptions.Count, keyReads.Count);
        Assert.All(keyReads, read => Assert.Equal("listKeys(", read.Value));
        foreach (var (_, subscription) in subscriptions)
        {
            var endpoint = subscription.GetProperty("properties").GetProperty("destination").GetProperty("properties").GetProperty("endpointUrl").GetString()!;
            Assert.Contains("listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName')))", endpoint, StringComparison.Ordinal);
            Assert.EndsWith(".systemKeys.blobs_extension)]", endpoint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_output_of_any_template_is_secure_named_like_a_secret_or_reads_a_key()
    {
        foreach (var template in compiled.Main.SelfAndModules())
        {
            foreach (var output in template.Outputs)
            {
                var type = output.Value.GetProperty("type").GetString()!;
                var value = output.Value.TryGetProperty("value", out var v) ? v.GetRawText() : string.Empty;

                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{template.Name}: output {output.Name} is {type}.");
                Assert.False(SecretName().IsMatch(output.Name), $"{template.Name}: output {output.Name} is named like a secret.");
                Assert.False(ListFunction().IsMatch(value), $"{template.Name}: output {output.Name} reads a key.");
                Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void No_parameter_of_any_template_takes_a_secret()
    {
        foreach (var template in compiled.Main.SelfAndModules())
        {
            foreach (var parameter in template.Parameters)
            {
                var type = parameter.Value.GetProperty("type").GetString()!;

                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{template.Name}: parameter {parameter.Name} is {type}.");
                Assert.False(SecretName().IsMatch(parameter.Name), $"{template.Name}: parameter {parameter.Name} is named like a secret.");
            }
        }
    }

    [Fact]
    public void Application_Insights_and_Log_Analytics_accept_no_key_based_ingestion()
    {
        var (_, appInsights) = compiled.Main.Single("Microsoft.Insights/components");
        var (_, workspace) = compiled.Main.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(appInsights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(workspace.GetProperty("properties").GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Publishing_profiles_with_passwords_are_disabled_for_ftp_and_scm()
    {
        var policies = compiled.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(p => Regex.Match(p.Resource.GetProperty("name").GetString()!, "'(ftp|scm)'").Groups[1].Value).Order());
        Assert.All(policies, p => Assert.False(p.Resource.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    // ARM's list* functions (listKeys, listSecrets, listAccountSas, ...) return secrets; names are case-insensitive.
    [GeneratedRegex(@"(?i)\blist[a-z]*\(")]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"(?i)(key|secret|password|connectionstring|token|sas|credential)")]
    private static partial Regex SecretName();
}
