using System.Runtime.InteropServices;

namespace Segments.Bench.Ingest;

/// <summary>What the numbers were measured on: they mean little without it.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), "
            + $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {load} at the start, "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
    }
}
