using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Segments.Core.Experiments;

/// <summary>
/// Assigns customers to control or treatment by a keyed hash: u = HMAC-SHA256(key, experiment ‖ 0x00 ‖ customer id)
/// read as a uniform number in [0, 1); control when u &lt; the control share. Nothing is stored or drawn at
/// random, so a customer's group never changes between runs while the key, the experiment name and the share
/// stay the same; raising the share only moves treatment customers into control. Different experiment names
/// give independent hashes, so groups of two experiments are independent.
/// </summary>
public sealed class ControlGroupAssigner
{
    private readonly byte[] _key;

    /// <summary>An assigner with the secret <paramref name="key"/> (any non-empty text).</summary>
    public ControlGroupAssigner(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The customer's uniform draw in [0, 1) for <paramref name="experiment"/>.</summary>
    public double Draw(string experiment, string customerId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(customerId);

        // Experiment names contain no control characters (the loader refuses them), so the NUL separator
        // keeps ("ab", "c") and ("a", "bc") apart.
        var message = Encoding.UTF8.GetBytes(experiment + "\0" + customerId);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, hash);

        // The top 53 bits fill a double's mantissa exactly: every value k / 2^53 is equally likely.
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return bits * (1.0 / (1UL << 53));
    }

    /// <summary><c>control</c> when the draw is below <paramref name="controlShare"/>, else <c>treatment</c>.</summary>
    public string GroupOf(string experiment, double controlShare, string customerId) =>
        Draw(experiment, customerId) < controlShare ? ExperimentGroups.Control : ExperimentGroups.Treatment;
}
