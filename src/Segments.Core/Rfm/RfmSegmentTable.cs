using System.Collections.Frozen;

namespace Segments.Core.Rfm;

/// <summary>
/// The named segment of every one of the 125 RFM codes, as the product specifies them (issue 3; the
/// names follow the widely used eleven-segment RFM grid).
/// </summary>
public static class RfmSegmentTable
{
    private static readonly (string Name, string Codes)[] Table =
    [
        ("Champions", "555 554 544 545 454 455 445"),
        ("Loyal", "543 444 435 355 354 345 344 335"),
        ("Potential Loyalist", "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323"),
        ("New Customers", "512 511 422 421 412 411 311"),
        ("Promising", "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313"),
        ("Need Attention", "535 534 443 434 343 334 325 324"),
        ("About To Sleep", "331 321 312 221 213"),
        ("At Risk", "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124"),
        ("Can't Lose Them", "155 154 144 214 215 115 114 113"),
        ("Hibernating", "332 322 231 241 251 233 232 223 222 132 123 122 212 211"),
        ("Lost", "111 112 121 131 141 151"),
    ];

    private static readonly FrozenDictionary<string, string> SegmentByCode = Table
        .SelectMany(row => row.Codes.Split(' ').Select(code => (code, row.Name)))
        .ToFrozenDictionary(pair => pair.code, pair => pair.Name);

    /// <summary>The eleven segment names, in table order.</summary>
    public static IReadOnlyList<string> SegmentNames { get; } = Table.Select(row => row.Name).ToArray();

    /// <summary>The segment of code <c>RFM</c>; each score must be 1–5.</summary>
    public static string SegmentOf(int r, int f, int m)
    {
        ValidateScore(r, nameof(r));
        ValidateScore(f, nameof(f));
        ValidateScore(m, nameof(m));
        return SegmentByCode[$"{r}{f}{m}"];
    }

    /// <summary>The codes the table assigns to <paramref name="segment"/>, in table order; empty for an unknown name.</summary>
    public static IReadOnlyList<string> CodesOf(string segment) =>
        Table.FirstOrDefault(row => string.Equals(row.Name, segment, StringComparison.Ordinal)).Codes?.Split(' ') ?? [];

    /// <summary>All codes with their segment, for checks and documentation.</summary>
    public static IReadOnlyDictionary<string, string> All => SegmentByCode;

    private static void ValidateScore(int score, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5, name);
    }
}
