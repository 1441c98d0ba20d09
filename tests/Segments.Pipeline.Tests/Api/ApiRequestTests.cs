using System.Text;
using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Contract;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Tests.Api;

public sealed class ApiRequestTests
{
    [Fact]
    public void Query_parameter_reads_its_first_value_and_null_when_absent()
    {
        var request = Request("?pageSize=10&pageSize=20&consent=email");

        Assert.Equal(("10", "email", null), (request.Read(SegmentRoutes.PageSize), request.Read(SegmentRoutes.Consent), request.Read(SegmentRoutes.ContinuationToken)));
    }

    [Fact]
    public void Header_parameter_reads_every_value_and_null_when_absent()
    {
        var request = Request(string.Empty);
        Assert.Null(request.Read(CustomerRoutes.IfNoneMatch));

        request.Headers.IfNoneMatch = new Microsoft.Extensions.Primitives.StringValues(["\"a\"", "\"b\""]);
        Assert.Equal("\"a\",\"b\"", request.Read(CustomerRoutes.IfNoneMatch));
    }

    [Fact]
    public void No_cache_and_csv_are_read_from_cache_control_and_accept()
    {
        var plain = Request(string.Empty);
        var asked = Request(string.Empty);
        asked.Headers.CacheControl = "max-age=0, No-Cache";
        asked.Headers.Accept = "application/json, text/csv;q=0.9";

        Assert.Equal((false, false), (plain.BypassesCache(), plain.WantsCsv()));
        Assert.Equal((true, true), (asked.BypassesCache(), asked.WantsCsv()));
    }

    [Fact]
    public async Task Body_is_read_whole_as_utf8_text()
    {
        var request = Request(string.Empty);
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"ids\":[\"Zoë\"]}"));

        Assert.Equal("{\"ids\":[\"Zoë\"]}", await request.ReadBodyAsync(CancellationToken.None));
    }

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context.Request;
    }
}
