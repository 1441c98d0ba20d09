using System.Text.Json.Serialization.Metadata;

namespace Segments.Core.Ingest.Mappings;

/// <summary>
/// What every kind of export mapping (orders, customer profiles) offers the one <see cref="MappingCatalog{TMapping}"/>:
/// a name, a header it is recognised by, and, per kind, its built-in documents and its own checks. Static members,
/// so that a catalog of a kind knows its built-ins without an instance.
/// </summary>
/// <typeparam name="TSelf">The mapping record itself.</typeparam>
public interface IExportMapping<TSelf>
    where TSelf : IExportMapping<TSelf>
{
    /// <summary>Stable name (recorded per batch; forces the mapping per upload).</summary>
    string Name { get; }

    /// <summary>What this kind of mapping is called in messages: <c>mapping</c> or <c>profile mapping</c>.</summary>
    static abstract string KindName { get; }

    /// <summary>The built-in mappings' names, in detection order (most specific first).</summary>
    static abstract IReadOnlyList<string> BuiltInNames { get; }

    /// <summary>The embedded resource name of the built-in mapping <paramref name="name"/>.</summary>
    static abstract string BuiltInResource(string name);

    /// <summary>Every problem of <paramref name="mapping"/> for its kind (the name is checked for every kind), in words a store can act on; empty when usable.</summary>
    static abstract IReadOnlyList<string> Problems(TSelf mapping);

    /// <summary>How a document of this kind is read: the source-generated contract (<see cref="MappingJsonContext"/>), no reflection.</summary>
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    /// <summary>What this kind's header is called when none is recognised: <c>header</c> or <c>customer export header</c>.</summary>
    static abstract string HeaderName { get; }

    /// <summary>The header columns this layout is recognised by, in words; null when it is never recognised by its header.</summary>
    string? DescribeDetection();

    /// <summary>True when a file with these header columns is in this layout.</summary>
    bool IsDetectedBy(HeaderColumns header);
}
