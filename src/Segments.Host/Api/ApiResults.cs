using Segments.Pipeline.Api;
using Segments.Pipeline.Api.Http;

namespace Segments.Host.Api;

/// <summary>Turns the host-neutral <see cref="ApiResponse"/> into an ASP.NET Core result, written by <see cref="ApiResponseWriter"/>.</summary>
internal static class ApiResults
{
    public static IResult ToResult(this ApiResponse response) => new ApiResult(response);

    public static async Task<IResult> ToResultAsync(this Task<ApiResponse> response) => (await response.ConfigureAwait(false)).ToResult();

    private sealed class ApiResult(ApiResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => ApiResponseWriter.WriteAsync(response, httpContext);
    }
}
