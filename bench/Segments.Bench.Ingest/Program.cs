using Segments.Bench.Ingest;

// The child mode measures the peak memory of one ingest in a fresh process (see PeakMemory).
if (args is [PeakMemory.ChildFlag, var childFile])
{
    return await PeakMemory.RunChildAsync(childFile).ConfigureAwait(false);
}

if (BenchSettings.Parse(args) is not { } settings)
{
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

return await IngestBenchmark.RunAsync(settings).ConfigureAwait(false);
