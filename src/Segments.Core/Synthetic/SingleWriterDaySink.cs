namespace Segments.Core.Synthetic;

/// <summary>Every day's rows into one writer, under one header (written at once, so an empty range is still a valid file).</summary>
public sealed class SingleWriterDaySink : IExportDaySink
{
    private readonly TextWriter _writer;

    /// <summary>Writes the header to <paramref name="writer"/>.</summary>
    public SingleWriterDaySink(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _writer.Write(RetailExportGenerator.Header);
        _writer.Write('\n');
    }

    /// <inheritdoc />
    public TextWriter BeginDay(DateOnly day) => _writer;

    /// <inheritdoc />
    public void EndDay(DateOnly day)
    {
    }
}
