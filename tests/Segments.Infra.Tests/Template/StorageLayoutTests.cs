using Segments.Infra.Tests.Fixtures;
using Segments.Storage.Account;

namespace Segments.Infra.Tests.Template;

/// <summary>The template creates the containers, tables and queues the code names in <see cref="StorageNames"/>.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageLayoutTests(CompiledTemplate compiled)
{
    [Fact]
    public void Containers_are_the_codes_plus_the_deployment_package_container()
    {
        var containers = compiled.Main.ResolveArray(compiled.Main.Variable("containers"));

        Assert.Equal(StorageNames.Containers.Append(compiled.Main.Variable("deploymentContainer").GetString()!).Order(), containers.Order());
    }

    [Fact]
    public void Tables_are_the_codes()
    {
        Assert.Equal(StorageNames.Tables.Order(), compiled.Main.ResolveArray(compiled.Main.Variable("tables")).Order());
    }

    [Fact]
    public void Queues_are_the_codes()
    {
        Assert.Equal(StorageNames.Queues.Order(), compiled.Main.ResolveArray(compiled.Main.Variable("queues")).Order());
    }

    [Fact]
    public void The_storage_module_creates_each_listed_container_table_and_queue()
    {
        var parameters = compiled.Main.Deployment("storage").GetProperty("properties").GetProperty("parameters");

        Assert.Equal("[variables('containers')]", parameters.GetProperty("containers").GetProperty("value").GetString());
        Assert.Equal("[variables('tables')]", parameters.GetProperty("tables").GetProperty("value").GetString());
        Assert.Equal("[variables('queues')]", parameters.GetProperty("queues").GetProperty("value").GetString());
        Assert.Equal("[length(parameters('containers'))]", compiled.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers").Resource.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(parameters('tables'))]", compiled.Main.Single("Microsoft.Storage/storageAccounts/tableServices/tables").Resource.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(parameters('queues'))]", compiled.Main.Single("Microsoft.Storage/storageAccounts/queueServices/queues").Resource.GetProperty("copy").GetProperty("count").GetString());
    }

    [Fact]
    public void No_container_allows_anonymous_reads()
    {
        var (_, containers) = compiled.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", containers.GetProperty("properties").GetProperty("publicAccess").GetString());
    }
}
