using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Builds the store's context for each export of one kind from the mapping files in its <c>config/</c> folder, read
/// fresh so that a new mapping applies to the next upload. An invalid mapping file is reported and left out, never fatal.
/// </summary>
/// <typeparam name="TMapping">The kind's mapping (column layout).</typeparam>
/// <typeparam name="TContext">The context the kind's processor runs with.</typeparam>
/// <param name="config">The store's configuration container.</param>
/// <param name="mappingsPrefix">The kind's mapping folder in <c>config</c>.</param>
/// <param name="parse">Parses one mapping file; a null mapping comes with the problems that made it invalid.</param>
/// <param name="build">The context with the built-in layouts plus the valid mapping files.</param>
/// <param name="reportInvalid">Logs a mapping file that was left out.</param>
internal sealed class MappingContextLoader<TMapping, TContext>(
    ConfigStore config,
    string mappingsPrefix,
    Func<string, string, (TMapping? Mapping, IReadOnlyList<string> Problems)> parse,
    Func<IReadOnlyList<TMapping>, TContext> build,
    Action<string> reportInvalid)
    where TMapping : class
{
    /// <summary>The context for the next export of this kind.</summary>
    public async Task<TContext> LoadAsync(CancellationToken cancellationToken)
    {
        var mappings = new List<TMapping>();
        foreach (var (name, json) in await config.ReadMappingsAsync(mappingsPrefix, cancellationToken).ConfigureAwait(false))
        {
            var (mapping, problems) = parse(json, name);
            if (mapping is null)
            {
                reportInvalid(string.Join("; ", problems));
            }
            else
            {
                mappings.Add(mapping);
            }
        }

        return build(mappings);
    }
}
