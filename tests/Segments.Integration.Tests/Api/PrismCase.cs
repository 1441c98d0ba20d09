namespace Segments.Integration.Tests.Api;

/// <summary>
/// One request of the Prism-proxied pass: the operation of the OpenAPI document it exercises (method and
/// route template), the URL it sends, the key and headers, and the status the host must answer with.
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Route">The document's path template, e.g. <c>/api/customers/{customerId}</c>.</param>
/// <param name="Url">What is sent: the template filled in, with a query string.</param>
/// <param name="Status">The status the host answers with.</param>
/// <param name="Key">The key sent in <c>x-functions-key</c>; null sends none.</param>
/// <param name="JsonBody">A JSON request body, sent as <c>application/json</c>.</param>
/// <param name="Accept">An <c>Accept</c> header.</param>
/// <param name="IfNoneMatch">An <c>If-None-Match</c> header.</param>
/// <param name="Authorization">An <c>Authorization</c> header (the tracking API's HTTP Basic write key).</param>
public sealed record PrismCase(string Method, string Route, string Url, int Status, string? Key, string? JsonBody = null, string? Accept = null, string? IfNoneMatch = null, string? Authorization = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {(Url.Length > 120 ? $"{Url[..120]}... ({Url.Length} characters)" : Url)}{(Accept is null ? string.Empty : $" (Accept: {Accept})")}{(IfNoneMatch is null ? string.Empty : " (If-None-Match)")} -> {Status}";
}
