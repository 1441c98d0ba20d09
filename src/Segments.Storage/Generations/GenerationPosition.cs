namespace Segments.Storage.Generations;

/// <summary>Where a row sits in a generation table: scans resume after such a position.</summary>
public sealed record GenerationPosition(string PartitionKey, string RowKey);

/// <summary>A customer row with its table keys.</summary>
public sealed record KeyedCustomerRow(GenerationPosition Position, CustomerSegmentRow Row);
