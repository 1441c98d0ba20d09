using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Contract;

namespace Segments.Pipeline.Api.Http;

/// <summary>
/// How both hosts read a request: the local host's endpoints and the Functions app's triggers get the same ASP.NET
/// Core <see cref="HttpRequest"/>, so parameters, cache bypass, CSV negotiation and the body are read here once.
/// </summary>
public static class ApiRequest
{
    /// <summary>The first value of a query or header parameter the contract declares; null when absent.</summary>
    public static string? Read(this HttpRequest request, ApiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameter);
        var values = parameter.In == ApiParameterSource.Query ? request.Query[parameter.Name] : request.Headers[parameter.Name];
        return parameter.In == ApiParameterSource.Header && values.Count > 0 ? values.ToString() : values.FirstOrDefault();
    }

    /// <summary>The request asks for fresh data (<c>Cache-Control: no-cache</c>), as the benchmark's uncached lookups do.</summary>
    public static bool BypassesCache(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.CacheControl.Any(value => value is not null && value.Contains("no-cache", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The request asks for CSV (<c>Accept: text/csv</c>).</summary>
    public static bool WantsCsv(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(value => value is not null && value.Contains("text/csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The whole body as text (the handlers parse it themselves, to word their errors).</summary>
    public static async Task<string> ReadBodyAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
