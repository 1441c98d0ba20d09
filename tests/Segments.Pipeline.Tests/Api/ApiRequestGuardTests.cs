using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Api;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tests.Api;

public sealed class ApiRequestGuardTests
{
    private readonly ApiRequestGuard _guard = new(Options.Create(new SegmentsOptions()), NullLogger<ApiRequestGuard>.Instance, TimeProvider.System);

    public static TheoryData<Exception> Outages() => new()
    {
        new AggregateException("Retry failed after 4 tries.", Enumerable.Range(0, 4).Select(_ => new RequestFailedException("Connection refused", new HttpRequestException("Connection refused", new SocketException(111))))),
        new RequestFailedException("Connection refused", new HttpRequestException("Connection refused")),
        new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:05."),
        new HttpRequestException("Connection reset"),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Storage_that_does_not_answer_is_503_StorageUnavailable_with_retry_after(Exception outage)
    {
        var answer = _guard.Translate(outage, "GET", "/api/segments", clientGone: false);

        Assert.NotNull(answer);
        Assert.Equal(503, answer.StatusCode);
        Assert.Equal("StorageUnavailable", Assert.IsType<ApiErrorBody>(answer.Body).Error.Code);
        Assert.Equal("5", answer.Headers["Retry-After"]);
    }

    [Fact]
    public void A_storage_error_answer_is_not_an_outage_and_is_500_in_the_error_shape()
    {
        var answer = _guard.Translate(new RequestFailedException(409, "Conflict"), "GET", "/api/segments", clientGone: false);

        Assert.Equal(500, answer!.StatusCode);
        Assert.Equal("InternalError", Assert.IsType<ApiErrorBody>(answer.Body).Error.Code);
    }

    [Fact]
    public void A_body_over_its_limit_is_413()
    {
        var answer = _guard.Translate(new RequestBodyTooLargeException(262_144, "Segments:MaxLookupBodyBytes"), "POST", "/api/customers/lookup", clientGone: false);

        Assert.Equal(413, answer!.StatusCode);
        Assert.Equal("RequestTooLarge", Assert.IsType<ApiErrorBody>(answer.Body).Error.Code);
    }

    [Fact]
    public void A_cancellation_by_a_client_that_went_away_gets_no_answer()
    {
        Assert.Null(_guard.Translate(new TaskCanceledException(), "GET", "/api/segments", clientGone: true));
    }
}
