using Azure;
using Segments.Pipeline.Recompute;

namespace Segments.Pipeline.Tests.Recompute;

public sealed class RunFailureTests
{
    [Fact]
    public void Storage_that_did_not_answer_reads_storage_unavailable()
    {
        var refused = new AggregateException(
            "Retry failed after 4 tries.\nmore",
            new RequestFailedException(0, "Connection refused (127.0.0.1:10002)"));

        Assert.Equal("storage unavailable: Retry failed after 4 tries.", RunFailure.Describe(refused));
    }

    [Fact]
    public void Storage_server_error_reads_storage_unavailable()
    {
        Assert.StartsWith("storage unavailable: ", RunFailure.Describe(new RequestFailedException(503, "Server busy")), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_refusing_a_request_is_not_an_outage()
    {
        Assert.Equal("RequestFailedException: Conflict", RunFailure.Describe(new RequestFailedException(409, "Conflict")));
    }

    [Fact]
    public void A_refused_run_gives_its_reason_as_is_and_long_reasons_are_cut()
    {
        Assert.Equal("as-of 1900-01-01 is before the first order", RunFailure.Describe(new RunRefusedException("as-of 1900-01-01 is before the first order")));
        Assert.Equal(500, RunFailure.Describe(new InvalidOperationException(new string('x', 5_000))).Length);
    }
}
