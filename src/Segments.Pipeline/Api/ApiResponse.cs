namespace Segments.Pipeline.Api;

/// <summary>
/// A host-neutral HTTP answer: each host (the local ASP.NET Core host, the Functions adapter) turns it
/// into its own result type, so status codes and bodies are decided once.
/// </summary>
public sealed record ApiResponse(int StatusCode, object? Body, string? Location = null)
{
    /// <summary>Response headers besides Location (ETag, Cache-Control ...).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>200 with a JSON body.</summary>
    public static ApiResponse Ok(object body) => new(200, body);

    /// <summary>The one error shape: <c>{"error":{"code","message"}}</c>.</summary>
    public static ApiResponse Error(int statusCode, string code, string message) => new(statusCode, new ApiErrorBody(new ApiError(code, message)));

    /// <summary>200 with JSON already serialised (answers cached as bytes, so a repeated lookup does not serialise again).</summary>
    public static ApiResponse Json(byte[] utf8Json) => new(200, new Utf8JsonBody(utf8Json));

    /// <summary>200 with a body the host streams as it is produced (exports too large to hold).</summary>
    public static ApiResponse Streamed(string contentType, Func<Stream, CancellationToken, Task> write) => new(200, new StreamedBody(contentType, write));
}

/// <summary>Envelope of every error response.</summary>
public sealed record ApiErrorBody(ApiError Error);

/// <summary>A machine-readable code and a plain-words message.</summary>
public sealed record ApiError(string Code, string Message);

/// <summary>A body written straight to the response stream, with its content type.</summary>
/// <param name="ContentType">e.g. <c>text/csv; charset=utf-8</c>.</param>
/// <param name="WriteAsync">Writes the whole body.</param>
public sealed record StreamedBody(string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>A JSON body already serialised (web defaults: camelCase), written as it is.</summary>
/// <param name="Utf8Json">The UTF-8 bytes.</param>
public sealed record Utf8JsonBody(byte[] Utf8Json);
