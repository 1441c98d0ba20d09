namespace Segments.Host.Api;

/// <summary>One destination of the body (documentation of the shape).</summary>
internal sealed record DestinationEntryBody(
    string Name,
    string Kind,
    IReadOnlyList<string> Segments,
    string? Url = null,
    string? Secret = null,
    IReadOnlyList<string>? Events = null,
    string? Consent = null,
    bool? HoldBackControlGroup = null,
    string? Fields = null,
    int? BatchSize = null);
