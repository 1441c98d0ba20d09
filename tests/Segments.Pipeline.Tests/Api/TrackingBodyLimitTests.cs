using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Api;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tests.Api;

/// <summary>The guard's body cap of the tracking routes is Segment's 500 KB batch limit, not the 16 KB of other routes.</summary>
public sealed class TrackingBodyLimitTests
{
    private readonly ApiRequestGuard _guard = new(Options.Create(new SegmentsOptions()), NullLogger<ApiRequestGuard>.Instance, TimeProvider.System);

    [Theory]
    [InlineData("/api/v1/batch")]
    [InlineData("/api/v1/track")]
    [InlineData("/api/V1/Identify/")]
    public async Task A_tracking_body_up_to_500_kb_reaches_the_route(string path)
    {
        var (reached, answer) = await SendAsync(path, 500 * 1024);

        Assert.True(reached);
        Assert.Null(answer);
    }

    [Fact]
    public async Task A_tracking_body_over_500_kb_is_413_naming_segments_batch_limit_before_it_is_read()
    {
        var (reached, answer) = await SendAsync("/api/v1/batch", (500 * 1024) + 1);

        Assert.False(reached);
        Assert.Equal(413, answer!.StatusCode);
        var error = Assert.IsType<ApiErrorBody>(answer.Body).Error;
        Assert.Equal("RequestTooLarge", error.Code);
        Assert.Equal("The request body is larger than 512,000 bytes, the most this route takes (the Segment tracking API's limit of 500 KB per batch).", error.Message);
    }

    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/api/v1/other")]
    [InlineData("/api/v2/batch")]
    public async Task Other_routes_keep_the_16_kb_request_cap_naming_its_setting(string path)
    {
        var (_, answer) = await SendAsync(path, 17 * 1024);

        Assert.Equal(413, answer!.StatusCode);
        Assert.Contains("(setting Segments:MaxRequestBodyBytes)", Assert.IsType<ApiErrorBody>(answer.Body).Error.Message, StringComparison.Ordinal);
    }

    private async Task<(bool Reached, ApiResponse? Answer)> SendAsync(string path, int declaredBytes)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = path;
        context.Request.ContentLength = declaredBytes;
        context.Request.Body = new MemoryStream(new byte[declaredBytes]);
        var reached = false;
        ApiResponse? answer = null;

        await _guard.InvokeAsync(
            context,
            async () =>
            {
                reached = true;
                await context.Request.Body.CopyToAsync(Stream.Null);
            },
            response =>
            {
                answer = response;
                return Task.CompletedTask;
            });
        return (reached, answer);
    }
}
