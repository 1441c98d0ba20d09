using System.Text.Json;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Tests.Api;

public sealed class OpenApiSnapshotTests
{
    [Fact]
    public void Served_document_is_the_snapshot_with_the_relative_server_only()
    {
        var body = Assert.IsType<Utf8JsonBody>(OpenApiSnapshot.Document.Body);

        using var served = JsonDocument.Parse(body.Utf8Json);
        using var committed = JsonDocument.Parse(OpenApiSnapshot.Committed);
        Assert.True(JsonElement.DeepEquals(committed.RootElement, served.RootElement));
        var server = Assert.Single(served.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal("/", server.GetProperty("url").GetString());
    }

    [Fact]
    public void Snapshot_documents_every_contract_route_except_the_document_and_its_page()
    {
        using var committed = JsonDocument.Parse(OpenApiSnapshot.Committed);
        var paths = committed.RootElement.GetProperty("paths");

        foreach (var route in ApiContract.Routes.Except(ReferenceRoutes.All))
        {
            Assert.True(paths.TryGetProperty(route.Path, out var operations) && operations.TryGetProperty(route.Method.ToLowerInvariant(), out _), $"{route.Method} {route.Path} is not in the snapshot");
        }
    }
}
