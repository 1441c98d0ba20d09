using Microsoft.AspNetCore.Http;

namespace Segments.Pipeline.Api.Http;

/// <summary>
/// Writes an <see cref="ApiResponse"/> to an ASP.NET Core response: status, headers, Location and body; a streamed
/// body (CSV exports) is written as it is produced, a body-less answer (304) has none. The local host's
/// <c>IResult</c> and the Functions app's <c>IActionResult</c> both call it, so both answer byte for byte alike.
/// </summary>
public static class ApiResponseWriter
{
    /// <summary>The content type of every JSON answer.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Writes <paramref name="response"/> to <paramref name="http"/>'s response.</summary>
    public static async Task WriteAsync(ApiResponse response, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
        }

        if (response.Location is { } location)
        {
            headers.Location = location;
        }

        http.Response.StatusCode = response.StatusCode;
        switch (response.Body)
        {
            case null:
                break;
            case Utf8JsonBody json:
                http.Response.ContentType = JsonContentType;
                await http.Response.Body.WriteAsync(json.Utf8Json, http.RequestAborted).ConfigureAwait(false);
                break;
            case StreamedBody streamed:
                http.Response.ContentType = streamed.ContentType;
                await streamed.WriteAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
                break;
            default:
                await http.Response.WriteAsJsonAsync(response.Body, response.Body.GetType(), ApiJson.Options, JsonContentType, http.RequestAborted).ConfigureAwait(false);
                break;
        }
    }
}
