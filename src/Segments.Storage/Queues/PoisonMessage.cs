namespace Segments.Storage.Queues;

/// <summary>
/// A poison queue message: the Functions blob trigger's <c>webjobs-blobtrigger-poison</c> message shape, plus the
/// reason. The properties keep their order and names: the message's JSON is written from them.
/// </summary>
internal sealed record PoisonMessage(
    string Type,
    string FunctionId,
    string BlobType,
    string ContainerName,
    string BlobName,
    string ETag,
    string Reason);
