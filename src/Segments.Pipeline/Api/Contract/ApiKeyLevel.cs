namespace Segments.Pipeline.Api.Contract;

/// <summary>
/// The key a route needs, as Azure Functions' <c>AuthorizationLevel</c> has it (the Functions app's attributes use
/// that enum, which this library cannot reference; a test holds the two equal).
/// </summary>
public enum ApiKeyLevel
{
    /// <summary>No key.</summary>
    Anonymous,

    /// <summary>A function key, or the admin (master) key.</summary>
    Function,

    /// <summary>The admin (master) key only.</summary>
    Admin,
}
