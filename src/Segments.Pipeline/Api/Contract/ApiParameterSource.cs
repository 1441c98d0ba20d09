namespace Segments.Pipeline.Api.Contract;

/// <summary>Where a request parameter (besides the route's own) is read from.</summary>
public enum ApiParameterSource
{
    /// <summary>The query string.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,
}
