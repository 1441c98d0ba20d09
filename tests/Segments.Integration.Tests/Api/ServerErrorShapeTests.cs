using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segments.Integration.Tests.Fixtures;

namespace Segments.Integration.Tests.Api;

/// <summary>Errors the server itself produces (no handler answers) have the one error shape, never an empty body.</summary>
public sealed class ServerErrorShapeTests(AzuriteFixture azurite) : HostTestBase(azurite)
{
    [Fact]
    public async Task Unknown_route_is_404_RouteNotFound_in_the_error_shape()
    {
        using var response = await Host.Http.GetAsync("/api/no-such-route");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "RouteNotFound");
    }

    [Fact]
    public async Task Wrong_method_is_405_MethodNotAllowed_in_the_error_shape()
    {
        using var response = await Host.Http.DeleteAsync("/api/customers/12662");

        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task Customer_id_of_10_KB_is_414_UriTooLong_in_the_error_shape()
    {
        using var response = await Host.Http.GetAsync("/api/customers/" + new string('x', 10 * 1024));

        var message = await AssertErrorAsync(response, HttpStatusCode.RequestUriTooLong, "UriTooLong");
        Assert.DoesNotContain("xxxxxxxxxx", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_body_over_its_limit_is_413_RequestTooLarge_naming_the_setting()
    {
        using var content = new StringContent(LookupBody(30_000), Encoding.UTF8, "application/json");
        Assert.True(content.Headers.ContentLength > 256 * 1024);

        using var response = await Host.Http.PostAsync("/api/customers/lookup", content);

        var message = await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        Assert.Contains("Segments:MaxLookupBodyBytes", message, StringComparison.Ordinal);
        Assert.Contains("262,144", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunked_lookup_body_over_its_limit_is_413_when_the_limit_is_passed()
    {
        // No Content-Length: the limit is met while the body is read.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(LookupBody(30_000))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers/lookup") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Host.Http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
    }

    [Fact]
    public async Task Lookup_of_1000_ids_fits_the_limit_and_is_answered()
    {
        await Host.UploadAsync("orders.csv", "customer_id,order_id,order_date,amount\nC1,O1,2024-01-05,10\n");
        await Host.RunAsync("2024-01-31");

        using var content = new StringContent(LookupBody(1000), Encoding.UTF8, "application/json");
        using var response = await Host.Http.PostAsync("/api/customers/lookup", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1000, body.GetProperty("results").GetArrayLength());
        Assert.Equal(0, body.GetProperty("found").GetInt32());
    }

    [Fact]
    public async Task Run_request_body_over_its_limit_is_413_naming_the_setting()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent("{\"asOf\":\"2024-01-31\",\"pad\":\"" + new string(' ', 20_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", SegmentsHostFactory.AdminKey);

        using var response = await Host.Http.SendAsync(request);

        var message = await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        Assert.Contains("Segments:MaxRequestBodyBytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_lookup_body_is_400_saying_it_is_empty()
    {
        using var content = new StringContent(string.Empty, Encoding.UTF8, "application/json");

        using var response = await Host.Http.PostAsync("/api/customers/lookup", content);

        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidLookupRequest");
        Assert.Contains("it is empty", message, StringComparison.Ordinal);
    }

    private static string LookupBody(int ids) =>
        JsonSerializer.Serialize(new { ids = Enumerable.Range(0, ids).Select(i => "customer-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)) });

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }
}
