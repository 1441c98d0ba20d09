using Microsoft.AspNetCore.Http;
using Segments.Pipeline.Api.Http;

namespace Segments.Pipeline.Api.Contract;

/// <summary>Customer lookups: one customer with ETag and Cache-Control, or up to 1,000 at once.</summary>
public static class CustomerRoutes
{
    /// <summary>The template of one customer.</summary>
    public const string Customer = "customers/{customerId}";

    /// <summary>The template of the bulk lookup.</summary>
    public const string Lookup = "customers/lookup";

    /// <summary>The conditional-request header of a lookup.</summary>
    public static ApiParameter IfNoneMatch { get; } = ApiParameter.Header("If-None-Match");

    /// <summary><c>include=recommendations</c> adds each found customer's recommendations to a lookup, one customer or many.</summary>
    public static ApiParameter Include { get; } = ApiParameter.Query("include", "recommendations: add each found customer's recommendations (GET /api/customers/{customerId}/recommendations).");

    /// <summary><c>GET /api/customers/{customerId}</c>.</summary>
    public static ApiRoute GetCustomer { get; } = new(nameof(GetCustomer), ApiMethods.Get, Customer, ApiKeyLevel.Function) { Parameters = [IfNoneMatch, Include] };

    /// <summary><c>POST /api/customers/lookup</c> with <c>{"ids":[...]}</c>.</summary>
    public static ApiRoute LookupCustomers { get; } = new(nameof(LookupCustomers), ApiMethods.Post, Lookup, ApiKeyLevel.Function) { Parameters = [Include] };

    /// <summary>The feature's routes.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = [GetCustomer, LookupCustomers];

    /// <summary>Answers <see cref="GetCustomer"/>; <c>Cache-Control: no-cache</c> bypasses the instance's cache.</summary>
    public static Task<ApiResponse> GetCustomerAsync(CustomerLookupsApi api, string customerId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (ReadInclude(request) is not { } recommendations)
        {
            return Task.FromResult(UnknownInclude(request));
        }

        return api.GetAsync(customerId, request.Read(IfNoneMatch), request.BypassesCache(), recommendations, cancellationToken);
    }

    /// <summary>Answers <see cref="LookupCustomers"/>.</summary>
    public static async Task<ApiResponse> LookupCustomersAsync(CustomerLookupsApi api, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);

        if (ReadInclude(request) is not { } recommendations)
        {
            return UnknownInclude(request);
        }

        // Parsed from the stream: the body is capped by ApiRequestGuard and never held whole as a string.
        return await api.LookupManyAsync(request.Body, request.BypassesCache(), recommendations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether <see cref="Include"/> asks for recommendations; null when it names anything else.</summary>
    private static bool? ReadInclude(HttpRequest request) =>
        FirstUnknownInclude(request) is null ? IncludeValues(request).Length > 0 : null;

    private static ApiResponse UnknownInclude(HttpRequest request) =>
        ApiResponse.Error(400, "InvalidLookupRequest", $"include '{FirstUnknownInclude(request)}' is not known; the lookup can include: recommendations.");

    private static string? FirstUnknownInclude(HttpRequest request) =>
        IncludeValues(request).FirstOrDefault(i => !string.Equals(i, "recommendations", StringComparison.OrdinalIgnoreCase));

    private static string[] IncludeValues(HttpRequest request) =>
        (request.Read(Include) ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
