using System.Text.RegularExpressions;
using Segments.Core.Cost;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// Reads Azurite's debug log. Azurite 3.35 writes, for every HTTP request it serves, exactly one line
/// "{time} {request id} info: {Blob|Table|Queue}StorageContextMiddleware: RequestMethod=… RequestURL=…" when the
/// request arrives, and one "DispatchMiddleware: Operation={REST operation}" line once it knows the operation
/// (the inner operations of a table batch get neither). Requests are counted between two marks: requests the
/// test sends itself, outside the SDK, whose URL names the mark. The log is written asynchronously, so a
/// mark is only taken once it appears, and everything logged before it then has been too.
/// </summary>
public sealed partial class AzuriteDebugLog(string path, int blobPort)
{
    private static readonly HttpClient Http = new();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Sends a mark and waits until the log has it; returns the mark's name.</summary>
    public async Task<string> MarkAsync()
    {
        var mark = $"debug-log-mark-{Guid.NewGuid():N}";
        // An anonymous request for a container that does not exist: Azurite logs it and refuses it, and it
        // touches nothing.
        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{blobPort}/devstoreaccount1/{mark}?restype=container"));
        var deadline = DateTime.UtcNow + Patience;
        while (!ReadLines().Any(line => line.Contains(mark, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite's debug log did not show mark {mark} within {Patience.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }

        return mark;
    }

    /// <summary>The requests Azurite served after mark <paramref name="from"/> and before mark <paramref name="to"/>.</summary>
    public IReadOnlyList<ServedRequest> Between(string from, string to)
    {
        var lines = ReadLines();
        var start = lines.FindIndex(line => line.Contains(from, StringComparison.Ordinal));
        var end = lines.FindIndex(line => line.Contains(to, StringComparison.Ordinal));
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"Marks {from} and {to} are not in the debug log in that order.");
        }

        var window = lines.GetRange(start + 1, end - start - 1);
        var operations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in window)
        {
            if (OperationLine().Match(line) is { Success: true } match)
            {
                operations[match.Groups["id"].Value] = match.Groups["operation"].Value;
            }
        }

        return window
            .Select(line => RequestLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new ServedRequest(
                Enum.Parse<StorageService>(match.Groups["service"].Value),
                match.Groups["method"].Value,
                match.Groups["url"].Value,
                operations.GetValueOrDefault(match.Groups["id"].Value, "(not dispatched)")))
            .ToList();
    }

    private List<string> ReadLines()
    {
        // Azurite keeps the file open for writing.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [GeneratedRegex(@"^\S+ (?<id>\S+) info: (?<service>Blob|Table|Queue)StorageContextMiddleware: RequestMethod=(?<method>\S+) RequestURL=(?<url>\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^\S+ (?<id>\S+) info: DispatchMiddleware: Operation=(?<operation>\S+)")]
    private static partial Regex OperationLine();
}

/// <summary>One request Azurite served: its service, method, URL and the REST operation Azurite dispatched it to.</summary>
public sealed record ServedRequest(StorageService Service, string Method, string Url, string Operation);
