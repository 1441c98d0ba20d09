using System.Text;
using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Tests.Api;

public sealed class ApiResponseWriterTests
{
    [Fact]
    public async Task Object_body_is_camel_case_json_with_enum_names_status_headers_and_location()
    {
        var response = new ApiResponse(202, new Answer("r1", DayOfWeek.Monday), "/api/runs/r1") { Headers = new Dictionary<string, string> { ["ETag"] = "\"e\"" } };

        var (context, body) = await WriteAsync(response);

        Assert.Equal((202, "application/json; charset=utf-8", "\"e\"", "/api/runs/r1"), (context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.ETag.ToString(), context.Response.Headers.Location.ToString()));
        Assert.Equal("{\"runId\":\"r1\",\"day\":\"Monday\"}", body);
    }

    [Fact]
    public async Task Error_has_the_one_error_shape()
    {
        var (context, body) = await WriteAsync(ApiResponse.Error(404, "RunNotFound", "No run x."));

        Assert.Equal((404, "{\"error\":{\"code\":\"RunNotFound\",\"message\":\"No run x.\"}}"), (context.Response.StatusCode, body));
    }

    [Fact]
    public async Task Not_modified_has_no_body_and_streamed_bodies_keep_their_content_type()
    {
        var (notModified, empty) = await WriteAsync(new ApiResponse(304, null));
        var (csv, text) = await WriteAsync(ApiResponse.Streamed("text/csv; charset=utf-8", (stream, ct) => stream.WriteAsync("a,b\n"u8.ToArray(), ct).AsTask()));

        Assert.Equal((304, null, string.Empty), (notModified.Response.StatusCode, notModified.Response.ContentType, empty));
        Assert.Equal((200, "text/csv; charset=utf-8", "a,b\n"), (csv.Response.StatusCode, csv.Response.ContentType, text));
    }

    private static async Task<(HttpContext Context, string Body)> WriteAsync(ApiResponse response)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await ApiResponseWriter.WriteAsync(response, context);
        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }

    private sealed record Answer(string RunId, DayOfWeek Day);
}
