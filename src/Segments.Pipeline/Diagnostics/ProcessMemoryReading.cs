namespace Segments.Pipeline.Diagnostics;

/// <summary>A reading of this process's memory (<see cref="ProcessMemory.Read"/>).</summary>
/// <param name="PeakResidentBytes">The most resident memory the process has had so far.</param>
/// <param name="PeakSource">Where the peak was read: <see cref="FromHighWaterMark"/> or <see cref="FromPeakWorkingSet"/>.</param>
/// <param name="GcHeapBytes">The bytes the GC heap holds now (<see cref="GC.GetTotalMemory"/>, without a collection).</param>
public sealed record ProcessMemoryReading(long PeakResidentBytes, string PeakSource, long GcHeapBytes)
{
    /// <summary>The peak is the kernel's high-water mark (VmHWM).</summary>
    public const string FromHighWaterMark = "VmHWM";

    /// <summary>The peak is .NET's Process.PeakWorkingSet64 (no /proc).</summary>
    public const string FromPeakWorkingSet = "PeakWorkingSet64";

    /// <summary>The peak in whole MiB.</summary>
    public long PeakResidentMebibytes => PeakResidentBytes / (1024 * 1024);

    /// <summary>The GC heap in whole MiB.</summary>
    public long GcHeapMebibytes => GcHeapBytes / (1024 * 1024);
}
