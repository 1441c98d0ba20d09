namespace Segments.Storage.Account;

/// <summary>
/// The name of a container that holds one run's blobs and nothing else: a prefix and the run id's letters (lower case)
/// and digits, as a generation table's name is made from them. A run's blobs in a container of their own go in one
/// delete request, where deleting them one by one cost a request each, and in the emulator a time that grew with every
/// blob the account holds (bench/README.md, "Daily run after 30 and 365 batches (stop 19)").
/// </summary>
public static class RunContainerName
{
    // A container name holds 3 to 63 characters: lower-case letters, digits and dashes.
    private const int MaxLength = 63;

    /// <summary><paramref name="prefix"/> (lower case, ending in a dash) and the letters and digits of <paramref name="runId"/>.</summary>
    public static string For(string prefix, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var id = new string(runId.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return id.Length == 0 || prefix.Length + id.Length > MaxLength
            ? throw new ArgumentException($"run id '{runId}' makes no container name (its letters and digits: 1 to {MaxLength - prefix.Length})", nameof(runId))
            : prefix + id;
    }
}
