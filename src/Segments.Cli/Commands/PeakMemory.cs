using System.Globalization;

namespace Segments.Cli.Commands;

/// <summary>What the bucketed commands print of this process's memory.</summary>
internal static class PeakMemory
{
    /// <summary>The peak resident set of this process (VmHWM) in MiB, or "?" where /proc is not there.</summary>
    public static string ResidentMebibytes()
    {
        const string path = "/proc/self/status";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? "?" : (long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }
}
