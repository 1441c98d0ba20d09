using Segments.Pipeline.Api;

namespace Segments.Host.Api;

/// <summary>Turns the host-neutral <see cref="ApiResponse"/> into an ASP.NET Core result.</summary>
internal static class ApiResults
{
    public static IResult ToResult(this ApiResponse response) => new ApiResult(response);

    private sealed class ApiResult(ApiResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            foreach (var (name, value) in response.Headers)
            {
                headers[name] = value;
            }

            if (response.Location is { } location)
            {
                headers.Location = location;
            }

            switch (response.Body)
            {
                case null:
                    httpContext.Response.StatusCode = response.StatusCode;
                    break;
                case Utf8JsonBody json:
                    httpContext.Response.StatusCode = response.StatusCode;
                    httpContext.Response.ContentType = "application/json; charset=utf-8";
                    await httpContext.Response.Body.WriteAsync(json.Utf8Json, httpContext.RequestAborted).ConfigureAwait(false);
                    break;
                case StreamedBody streamed:
                    httpContext.Response.StatusCode = response.StatusCode;
                    httpContext.Response.ContentType = streamed.ContentType;
                    await streamed.WriteAsync(httpContext.Response.Body, httpContext.RequestAborted).ConfigureAwait(false);
                    break;
                default:
                    await Results.Json(response.Body, statusCode: response.StatusCode).ExecuteAsync(httpContext).ConfigureAwait(false);
                    break;
            }
        }
    }
}
