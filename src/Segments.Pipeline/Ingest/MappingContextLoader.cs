using Segments.Storage.Blobs;

namespace Segments.Pipeline.Ingest;

/// <summary>
/// Builds the store's context for each export of one kind from the mapping files in its <c>config/</c> folder, read
/// fresh so that a new mapping applies to the next upload. An invalid mapping file is logged and left out, never fatal.
/// </summary>
/// <typeparam name="TMapping">The kind's mapping (column layout).</typeparam>
/// <typeparam name="TContext">The context the kind's processor runs with.</typeparam>
public abstract class MappingContextLoader<TMapping, TContext>(ConfigStore config, string mappingsPrefix)
    where TMapping : class
{
    /// <summary>The context for the next export of this kind.</summary>
    public async Task<TContext> LoadAsync(CancellationToken cancellationToken)
    {
        var mappings = new List<TMapping>();
        foreach (var (name, json) in await config.ReadMappingsAsync(mappingsPrefix, cancellationToken).ConfigureAwait(false))
        {
            var (mapping, problems) = Parse(json, name);
            if (mapping is null)
            {
                ReportInvalidMapping(string.Join("; ", problems));
            }
            else
            {
                mappings.Add(mapping);
            }
        }

        return Build(mappings);
    }

    /// <summary>Parses one mapping file; a null mapping comes with the problems that made it invalid.</summary>
    private protected abstract (TMapping? Mapping, IReadOnlyList<string> Problems) Parse(string json, string source);

    /// <summary>The context with the built-in layouts plus the valid mapping files.</summary>
    private protected abstract TContext Build(IReadOnlyList<TMapping> mappings);

    /// <summary>Logs a mapping file that was left out.</summary>
    private protected abstract void ReportInvalidMapping(string problems);
}
