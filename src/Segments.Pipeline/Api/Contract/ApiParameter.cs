namespace Segments.Pipeline.Api.Contract;

/// <summary>
/// A query or header parameter a route reads (route parameters come from its template). Both hosts read it through
/// <see cref="Http.ApiRequest"/> under this name, and the local host documents it in the OpenAPI document.
/// </summary>
/// <param name="Name">The parameter's name, as clients send it.</param>
/// <param name="In">Query string or header.</param>
/// <param name="Description">What it does, for the OpenAPI document; null when the name says it.</param>
public sealed record ApiParameter(string Name, ApiParameterSource In, string? Description = null)
{
    /// <summary>A query parameter.</summary>
    public static ApiParameter Query(string name, string? description = null) => new(name, ApiParameterSource.Query, description);

    /// <summary>A header.</summary>
    public static ApiParameter Header(string name, string? description = null) => new(name, ApiParameterSource.Header, description);
}
