using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Tests.Api;

public sealed class OpenApiSnapshotTests
{
    [Fact]
    public void Served_document_is_the_snapshot_with_servers_naming_the_origin_asked_at()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("segments-fn.azurewebsites.net");

        var body = Assert.IsType<Utf8JsonBody>(OpenApiSnapshot.For(context.Request).Body);

        using var served = JsonDocument.Parse(body.Utf8Json);
        using var committed = JsonDocument.Parse(OpenApiSnapshot.Committed);
        Assert.Equal(["openapi", "info", "servers", "paths"], served.RootElement.EnumerateObject().Select(p => p.Name).Take(4));
        Assert.Equal("https://segments-fn.azurewebsites.net/", served.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.False(committed.RootElement.TryGetProperty("servers", out _));
        Assert.True(JsonElement.DeepEquals(committed.RootElement.GetProperty("paths"), served.RootElement.GetProperty("paths")));
        Assert.True(JsonElement.DeepEquals(committed.RootElement.GetProperty("components"), served.RootElement.GetProperty("components")));
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
