using Azure;

namespace Segments.Storage.State;

/// <summary>
/// The manifest blob as found: its content (null when there is none, or when it cannot be read, then
/// <see cref="Unreadable"/> says why) and its ETag, the condition under which the next manifest replaces it.
/// </summary>
public sealed record StoredManifest(StateManifest? Manifest, ETag? ETag, string? Unreadable);
