using Segments.Pipeline.Recompute;

namespace Segments.Pipeline.Tests.Recompute;

public sealed class RunRequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void Absent_or_empty_body_runs_as_of_today_without_allowing_empty(string? body)
    {
        var (request, problem) = RunRequestValidator.Parse(body, Today, 366);

        Assert.Null(problem);
        Assert.Equal(RunRequest.Default, request);
    }

    [Fact]
    public void As_of_and_allow_empty_are_read()
    {
        var (request, _) = RunRequestValidator.Parse("""{"asOf":"2011-12-10","allowEmpty":true}""", Today, 366);

        Assert.Equal(new RunRequest(new DateOnly(2011, 12, 10), true), request);
    }

    [Theory]
    [InlineData("""{"asof":"2011-12-10"}""", "Unknown property 'asof': a run request takes only 'asOf' and 'allowEmpty' (names are case-sensitive)")]
    [InlineData("""{"AsOf":"2011-12-10"}""", "Unknown property 'AsOf'")]
    [InlineData("""{"asOf":"2011-13-01"}""", "asOf '2011-13-01' is not a date in the form YYYY-MM-DD.")]
    [InlineData("""{"allowEmpty":1}""", "allowEmpty must be true or false, not 1.")]
    [InlineData("""["2011-12-10"]""", "The body must be a JSON object")]
    [InlineData("""{"asOf":"9999-12-31"}""", "asOf 9999-12-31 is 2912103 days after today (2026-12-06), so further than 366 days after any order (setting Segments:MaxAsOfDaysAfterLatestOrder).")]
    public void Request_that_is_not_understood_is_refused_saying_what(string body, string problem)
    {
        var (request, found) = RunRequestValidator.Parse(body, Today, 366);

        Assert.Null(request);
        Assert.StartsWith(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_up_to_the_allowed_days_after_today_is_accepted()
    {
        var (request, problem) = RunRequestValidator.Parse("""{"asOf":"2027-12-07"}""", Today, 366);

        Assert.Null(problem);
        Assert.Equal(new DateOnly(2027, 12, 7), request!.AsOf);
    }

    [Theory]
    [InlineData("""{"asOf":"1900-01-01"}""", "as-of 1900-01-01 is before the first order (2010-12-01); the data runs from 2010-12-01 to 2011-12-09.")]
    [InlineData("""{"asOf":"2030-01-01"}""", "as-of 2030-01-01 is 6598 days after the latest order (2011-12-09); at most 366 days are allowed (setting Segments:MaxAsOfDaysAfterLatestOrder); the data runs from 2010-12-01 to 2011-12-09.")]
    [InlineData("", "as-of 2026-12-06 is 5476 days after the latest order (2011-12-09)")]
    public void As_of_outside_the_recorded_order_dates_is_refused_naming_the_bound(string body, string problem)
    {
        var (request, found) = RunRequestValidator.Parse(body, Today, 366, SampleOrders());

        Assert.Null(request);
        Assert.StartsWith(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void As_of_inside_the_recorded_order_dates_is_accepted()
    {
        var (request, problem) = RunRequestValidator.Parse("""{"asOf":"2011-12-10"}""", Today, 366, SampleOrders());

        Assert.Null(problem);
        Assert.Equal(new DateOnly(2011, 12, 10), request!.AsOf);
    }

    [Fact]
    public void Without_recorded_order_dates_only_today_bounds_the_as_of()
    {
        var (request, problem) = RunRequestValidator.Parse("""{"asOf":"1900-01-01"}""", Today, 366, recordedOrders: null);

        Assert.Null(problem);
        Assert.Equal(new DateOnly(1900, 1, 1), request!.AsOf);
    }

    private static OrderDateSpan SampleOrders()
    {
        var span = new OrderDateSpan();
        span.Add(new DateOnly(2010, 12, 1));
        span.Add(new DateOnly(2011, 12, 9));
        return span;
    }
}
