using System.Text.Json;
using System.Text.RegularExpressions;
using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Template;

/// <summary>The app's identity holds exactly the data-plane roles it needs (four, and EventGrid Data Sender on the listed topics), with the built-in role ids.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledTemplate compiled)
{
    // Built-in role definition ids (Azure built-in roles reference: Storage, Monitor).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";

    [Fact]
    public void Identity_gets_blob_owner_queue_and_table_contributor_on_the_storage_account()
    {
        var onStorage = Assignments().Where(a => a.Scope.Contains("'Microsoft.Storage/storageAccounts'", StringComparison.Ordinal)).SelectMany(a => a.RoleIds);

        Assert.Equal(new[] { StorageTableDataContributor, StorageQueueDataContributor, StorageBlobDataOwner }.Order(), onStorage.Order());
    }

    [Fact]
    public void Identity_gets_monitoring_metrics_publisher_on_Application_Insights()
    {
        var onAppInsights = Assignments().Where(a => a.Scope.Contains("'Microsoft.Insights/components'", StringComparison.Ordinal)).SelectMany(a => a.RoleIds);

        Assert.Equal([MonitoringMetricsPublisher], onAppInsights);
    }

    [Fact]
    public void Every_assignment_is_for_the_apps_user_assigned_identity_as_a_service_principal()
    {
        foreach (var (_, resource) in compiled.Main.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var properties = resource.GetProperty("properties");

            Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
            Assert.Contains("'Microsoft.ManagedIdentity/userAssignedIdentities'", properties.GetProperty("principalId").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Identity_gets_event_grid_data_sender_on_the_topics_eventgrid_destinations_publish_to()
    {
        var onTopics = Assignments().Where(a => a.Scope.Contains("'Microsoft.EventGrid/topics'", StringComparison.Ordinal)).SelectMany(a => a.RoleIds);

        Assert.Equal([EventGridDataSender], onTopics);
    }

    [Fact]
    public void There_are_no_other_role_assignments()
    {
        Assert.Equal(5, Assignments().Sum(a => a.RoleIds.Count));
    }

    /// <summary>Each role assignment resource, with its scope and the role ids it assigns (several for a copy loop over a variable).</summary>
    private List<(string Scope, IReadOnlyList<string> RoleIds)> Assignments() =>
        compiled.Main.OfType("Microsoft.Authorization/roleAssignments")
            .Select(x => (x.Resource.GetProperty("scope").GetString()!, RoleIds(x.Template, x.Resource)))
            .ToList();

    private static IReadOnlyList<string> RoleIds(ArmTemplate template, JsonElement assignment)
    {
        var roleDefinitionId = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", roleDefinitionId, StringComparison.Ordinal);

        if (LoopedRole().Match(roleDefinitionId) is { Success: true } looped)
        {
            return template.Variable(looped.Groups[1].Value).EnumerateArray().Select(role => role.GetProperty("id").GetString()!).ToList();
        }

        if (VariableRole().Match(roleDefinitionId) is { Success: true } variable)
        {
            return [template.Variable(variable.Groups[1].Value).GetString()!];
        }

        return [Guid().Match(roleDefinitionId).Value];
    }

    [GeneratedRegex(@"variables\('([^']+)'\)\[copyIndex\(\)\]\.id\)\]$")]
    private static partial Regex LoopedRole();

    [GeneratedRegex(@"variables\('([^']+)'\)\)\]$")]
    private static partial Regex VariableRole();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
