using System.Diagnostics;

namespace Segments.Integration.Tests.Faults;

/// <summary>Waits for a condition a fault test expects to become true soon.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 200 ms; fails the test after two minutes.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string? what = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), $"gave up waiting{(what is null ? string.Empty : " for " + what)}");
            await Task.Delay(200);
        }
    }
}
