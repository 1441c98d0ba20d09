using System.Text.Json;
using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Template;

/// <summary>A Flex Consumption (FC1) Function App on .NET 10 isolated, running as its user-assigned identity.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTests(CompiledTemplate compiled)
{
    [Fact]
    public void Plan_is_Flex_Consumption_FC1_on_Linux()
    {
        var (_, plan) = compiled.Main.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public void App_runs_the_dotnet_isolated_10_worker_on_Linux()
    {
        var site = Site();
        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");

        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.True(site.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
    }

    [Fact]
    public void App_runs_as_a_user_assigned_identity_only()
    {
        var identity = Site().GetProperty("identity");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        Assert.Single(compiled.Main.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Fact]
    public void Deployment_package_is_read_with_the_user_assigned_identity()
    {
        var storage = Site().GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        var authentication = storage.GetProperty("authentication");

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", authentication.GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.False(authentication.TryGetProperty("storageAccountConnectionStringName", out _));
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_come_from_the_parameters()
    {
        var scale = Site().GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

        Assert.Equal("[parameters('instanceMemoryMB')]", scale.GetProperty("instanceMemoryMB").GetString());
        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", ModuleParameter("instanceMemoryMB"));
        Assert.Equal("[parameters('maximumInstanceCount')]", ModuleParameter("maximumInstanceCount"));
    }

    [Fact]
    public void Host_storage_settings_are_identity_based_with_the_managed_identity_and_its_client_id()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(
            "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', variables('names').identity), '2023-01-31').clientId]",
            ModuleParameter("identityClientId"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__blobServiceUri", "blobEndpoint", "blob")]
    [InlineData("AzureWebJobsStorage__queueServiceUri", "queueEndpoint", "queue")]
    [InlineData("AzureWebJobsStorage__tableServiceUri", "tableEndpoint", "table")]
    public void Each_service_uri_setting_is_the_storage_accounts_own_endpoint(string setting, string parameter, string service)
    {
        var storageOutput = compiled.Main.SelfAndModules().Single(t => t.Name == "storage").Outputs.Single(o => o.Name == parameter);

        Assert.Equal($"[parameters('{parameter}')]", AppSettings()[setting]);
        Assert.Equal($"[reference(resourceId('Microsoft.Resources/deployments', 'storage'), '2025-04-01').outputs.{parameter}.value]", ModuleParameter(parameter));
        Assert.EndsWith($".primaryEndpoints.{service}]", storageOutput.Value.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_AzureWebJobsStorage_connection_string_setting_exists()
    {
        Assert.DoesNotContain("AzureWebJobsStorage", AppSettings().Keys);
        Assert.DoesNotContain(AppSettings().Keys, k => k.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) && !k.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal));
    }

    [Fact]
    public void No_setting_value_reads_a_key()
    {
        Assert.All(AppSettings().Values, value => Assert.DoesNotContain("list", value, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void Settings_Flex_Consumption_rejects_are_absent(string setting)
    {
        Assert.DoesNotContain(setting, AppSettings().Keys);
    }

    [Fact]
    public void Telemetry_goes_to_Application_Insights_with_the_identitys_Entra_token()
    {
        var settings = AppSettings();

        Assert.Contains("'Microsoft.Insights/components'", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void Application_Insights_is_workspace_based()
    {
        var (_, appInsights) = compiled.Main.Single("Microsoft.Insights/components");

        Assert.Contains("'Microsoft.OperationalInsights/workspaces'", appInsights.GetProperty("properties").GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_settings_carry_the_schedule_parameter_and_a_host_id_shared_by_all_instances()
    {
        var settings = AppSettings();

        Assert.Equal("[parameters('schedule')]", settings["Segments__Schedule"]);
        Assert.Equal("[parameters('schedule')]", ModuleParameter("schedule"));
        Assert.Equal("[parameters('name')]", settings["Segments__HostId"]);
    }

    [Fact]
    public void Run_costs_are_priced_at_the_instance_memory_the_app_is_deployed_with()
    {
        var settings = AppSettings();

        Assert.Equal("[string(parameters('instanceMemoryMB'))]", settings["Segments__InstanceMemoryMb"]);
    }

    private JsonElement Site() => compiled.Main.Single("Microsoft.Web/sites").Resource;

    private Dictionary<string, string> AppSettings() =>
        Site().GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    private string ModuleParameter(string name) =>
        compiled.Main.Deployment("functionApp").GetProperty("properties").GetProperty("parameters").GetProperty(name).GetProperty("value").GetString()!;
}
