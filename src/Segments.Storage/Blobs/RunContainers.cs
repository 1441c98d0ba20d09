using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Segments.Storage.Account;

namespace Segments.Storage.Blobs;

/// <summary>
/// Containers that each hold one run's blobs and nothing else, named by a prefix and the run id's letters (lower case)
/// and digits, as a generation table's name is made from them: a run's passes' work (<c>runwork-</c>) and its
/// recommendation lists (<c>recommendations-</c>). A run's blobs in a container of their own go in one delete request,
/// where deleting them one by one cost a request each, and in the emulator a time that grew with every blob the
/// account holds (bench/README.md, "Daily run after 30 and 365 batches (stop 19)").
/// </summary>
/// <param name="account">The storage account.</param>
/// <param name="prefix">What every container name of this kind starts with (lower case, ending in a dash), and nothing else's.</param>
public sealed class RunContainers(StorageAccount account, string prefix)
{
    // A container name holds 3 to 63 characters: lower-case letters, digits and dashes.
    private const int MaxNameLength = 63;

    /// <summary><paramref name="prefix"/> and the letters (lower case) and digits of <paramref name="runId"/>.</summary>
    public static string NameOf(string prefix, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var id = new string(runId.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return id.Length == 0 || prefix.Length + id.Length > MaxNameLength
            ? throw new ArgumentException($"run id '{runId}' makes no container name (its letters and digits: 1 to {MaxNameLength - prefix.Length})", nameof(runId))
            : prefix + id;
    }

    /// <summary>The container of <paramref name="runId"/>'s blobs (it may not exist).</summary>
    public BlobContainerClient ContainerOf(string runId) => account.Blobs.GetBlobContainerClient(NameOf(prefix, runId));

    /// <summary>Writes (replaces) <paramref name="blob"/> in <paramref name="runId"/>'s container, which its first write creates.</summary>
    public async Task UploadAsync(string runId, string blob, BinaryData content, CancellationToken cancellationToken)
    {
        var container = ContainerOf(runId);
        try
        {
            await container.GetBlobClient(blob).UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await container.GetBlobClient(blob).UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The names of every container of this kind in the account.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var container in account.Blobs.GetBlobContainersAsync(prefix: prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(container.Name);
        }

        return names;
    }

    /// <summary>Deletes <paramref name="runId"/>'s container, every blob in it; false when there was none.</summary>
    public Task<bool> DeleteAsync(string runId, CancellationToken cancellationToken) => DeleteContainerAsync(NameOf(prefix, runId), cancellationToken);

    /// <summary>Deletes one container of this kind (a name <see cref="ListAsync"/> gave); false when it was not there.</summary>
    public async Task<bool> DeleteContainerAsync(string name, CancellationToken cancellationToken)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not one of the runs' containers {prefix}…", nameof(name));
        }

        return (await account.Blobs.GetBlobContainerClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }
}
