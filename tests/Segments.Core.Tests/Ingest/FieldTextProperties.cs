using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segments.Core.Ingest;

namespace Segments.Core.Tests.Ingest;

/// <summary>
/// The mapper's trim checks the common case (visible ASCII at both ends) before the library's trim; whatever the
/// field, it must give exactly the span <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/> gives.
/// </summary>
public class FieldTextProperties
{
    // White space of every kind the library trims, the edges of the visible ASCII range, and ordinary characters.
    private static readonly char[] Alphabet =
        [' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0', '\u1680', '\u2003', '\u3000', '\u001F', '\u0000', '!', '~', '\u007F', '\u00E9', 'a', '5', '.', ','];

    [Property(MaxTest = 2000)]
    public Property Fields_are_trimmed_as_the_library_trims_them() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => new string(chars)).ToArbitrary(),
            text =>
            {
                // Act
                var trimmed = FieldText.Trim(text);

                // Assert: the same characters at the same place of the field.
                var expected = text.AsSpan().Trim();
                Assert.Equal(expected.ToString(), trimmed.ToString());
                Assert.True(expected.IsEmpty || System.Runtime.CompilerServices.Unsafe.AreSame(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(expected), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(trimmed)));
            });

    [Theory]
    [InlineData("17850", "17850")]
    [InlineData(" 17850", "17850")]
    [InlineData("17850\u00A0", "17850")]
    [InlineData("\u2003United Kingdom\t", "United Kingdom")]
    [InlineData("\u0085", "")]
    [InlineData("\u007F", "\u007F")]
    [InlineData("", "")]
    public void A_field_loses_the_white_space_at_its_ends_and_nothing_else(string field, string expected) =>
        Assert.Equal(expected, FieldText.Trim(field).ToString());
}
