using System.Text.Json.Serialization;

namespace Segments.Core.Btyd;

/// <summary>How a purchase model's parameters were estimated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EstimationMethod>))]
public enum EstimationMethod
{
    /// <summary>Maximum likelihood at an interior maximum: the ordinary fit.</summary>
    MaximumLikelihood,

    /// <summary>
    /// The maximum likelihood lay at the edge where dropout vanishes, so the nested model at that edge (the NBD) was
    /// fitted instead: the limit the fit was running to.
    /// </summary>
    NestedModel,

    /// <summary>The maximum a posteriori estimate under a weakly-informative prior, when neither of the above was identified.</summary>
    MaximumAPosteriori,
}
