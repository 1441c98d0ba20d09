using System.Globalization;
using System.Text;
using Segments.Core.Synthetic;

namespace Segments.Cli.Commands;

/// <summary>One CSV per day with orders, <c>orders-yyyy-MM-dd.csv</c> in a directory, each with the header, as a shop's daily export.</summary>
internal sealed class DailyExportFiles(DirectoryInfo directory) : IExportDaySink, IDisposable
{
    private StreamWriter? _current;

    /// <summary>Files written.</summary>
    public int Files { get; private set; }

    /// <summary>Bytes written, headers included.</summary>
    public long Bytes { get; private set; }

    /// <summary>The file name of a day.</summary>
    public static string FileName(DateOnly day) => "orders-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv";

    /// <inheritdoc />
    public TextWriter BeginDay(DateOnly day)
    {
        directory.Create();
        _current = new StreamWriter(Path.Combine(directory.FullName, FileName(day)), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        _current.Write(RetailExportGenerator.Header);
        _current.Write('\n');
        return _current;
    }

    /// <inheritdoc />
    public void EndDay(DateOnly day)
    {
        if (_current is null)
        {
            return;
        }

        _current.Flush();
        Bytes += _current.BaseStream.Length;
        _current.Dispose();
        _current = null;
        Files++;
    }

    /// <inheritdoc />
    public void Dispose() => _current?.Dispose();
}
