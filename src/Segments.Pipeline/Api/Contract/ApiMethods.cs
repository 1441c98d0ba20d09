namespace Segments.Pipeline.Api.Contract;

/// <summary>HTTP methods as constants, so that the Functions app's trigger attributes can name them.</summary>
public static class ApiMethods
{
    /// <summary>GET.</summary>
    public const string Get = "GET";

    /// <summary>POST.</summary>
    public const string Post = "POST";
}
