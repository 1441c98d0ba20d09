namespace Segments.Pipeline.Delivery;

/// <summary>How sending one delivery ended, over all its attempts.</summary>
/// <param name="Accepted">The destination answered 2xx.</param>
/// <param name="Gone">The destination answered 410 Gone: it is to be paused.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="Error">What the last failed attempt got (status or error), null when accepted.</param>
public sealed record DeliveryResult(bool Accepted, bool Gone, int Attempts, string? Error);
