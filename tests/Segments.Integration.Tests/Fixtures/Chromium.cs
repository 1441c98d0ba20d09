using System.Diagnostics;

namespace Segments.Integration.Tests.Fixtures;

/// <summary>
/// Headless Chromium (Debian package <c>chromium</c>, installed by <c>scripts/test.sh</c>), run once per page
/// with a fresh profile and nothing that reaches beyond the page itself.
/// </summary>
public static class Chromium
{
    /// <summary>Where the Debian package installs the browser.</summary>
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>The page's DOM after load, serialised as HTML.</summary>
    public static async Task<string> DumpDomAsync(Uri page)
    {
        var (exitCode, stdout, stderr) = await RunAsync(["--dump-dom", page.AbsoluteUri]);
        Assert.True(exitCode == 0 && stdout.Length > 0, $"chromium --dump-dom exited with {exitCode}:\n{stderr}");
        return stdout;
    }

    /// <summary>Saves a PNG of the page at <paramref name="width"/> × <paramref name="height"/> to <paramref name="path"/>.</summary>
    public static async Task ScreenshotAsync(Uri page, string path, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var (exitCode, _, stderr) = await RunAsync([$"--screenshot={path}", $"--window-size={width},{height}", "--hide-scrollbars", page.AbsoluteUri]);
        Assert.True(exitCode == 0, $"chromium --screenshot exited with {exitCode}:\n{stderr}");
    }

    private static async Task<ChildProcess.Result> RunAsync(IEnumerable<string> args)
    {
        // A missing browser fails the test: the dashboard is only tested when a browser draws it.
        Assert.True(
            File.Exists(Executable),
            $"Chromium is not installed at {Executable}; the dashboard tests need it. Run scripts/test.sh (it installs the pinned Debian package) or: apt-get install -y --no-install-recommends chromium");

        var profile = Directory.CreateTempSubdirectory("segments-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable);
            foreach (var flag in Flags.Append($"--user-data-dir={profile.FullName}").Concat(args))
            {
                start.ArgumentList.Add(flag);
            }

            return await ChildProcess.RunAsync(start, Timeout);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
