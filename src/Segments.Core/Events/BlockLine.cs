namespace Segments.Core.Events;

/// <summary>One line of a <see cref="LineBlock"/>.</summary>
/// <param name="Number">1-based physical line number.</param>
/// <param name="Start">Offset of its first byte in the block's buffer.</param>
/// <param name="Length">Its bytes, without the line break (<c>\n</c> or <c>\r\n</c>).</param>
/// <param name="OverlongChars">For a line too long to keep, its length in characters (its kept beginning is <paramref name="Beginning"/>); 0 otherwise.</param>
/// <param name="Beginning">The first bytes of an over-long line, for the error report.</param>
internal readonly record struct BlockLine(long Number, int Start, int Length, long OverlongChars = 0, byte[]? Beginning = null);
