using MathNet.Numerics.Distributions;

namespace Segments.Core.Uplift;

/// <summary>
/// The two tests campaign uplift is judged by. Proportions: the two-proportion z-test, z from the pooled standard
/// error (the standard error under "no difference"), the interval from the unpooled (Wald) standard error. Means:
/// Welch's unequal-variances t-test (Welch 1947, Biometrika 34) with the Welch–Satterthwaite degrees of freedom,
/// since revenue per customer rarely has equal variances in the two groups. Null when a test is not defined for the data
/// (an empty group, or no variation at all), so that no NaN or infinity is ever reported.
/// </summary>
public static class TwoSampleTests
{
    private const double Confidence = 0.95;

    /// <summary>Conversion <paramref name="treatmentSuccesses"/>/<paramref name="treatmentSize"/> against the control's.</summary>
    public static Difference? Proportions(int controlSuccesses, int controlSize, int treatmentSuccesses, int treatmentSize)
    {
        if (controlSize <= 0 || treatmentSize <= 0)
        {
            return null;
        }

        var p1 = controlSuccesses / (double)controlSize;
        var p2 = treatmentSuccesses / (double)treatmentSize;
        var pooled = (controlSuccesses + treatmentSuccesses) / (double)(controlSize + treatmentSize);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / controlSize) + (1.0 / treatmentSize)));
        var waldSe = Math.Sqrt((p1 * (1 - p1) / controlSize) + (p2 * (1 - p2) / treatmentSize));
        if (!(pooledSe > 0))
        {
            return null;
        }

        var z = (p2 - p1) / pooledSe;
        var p = 2 * Normal.CDF(0, 1, -Math.Abs(z));
        var critical = Normal.InvCDF(0, 1, 1 - ((1 - Confidence) / 2));
        return new Difference(p1, p2, p2 - p1, p2 - p1 - (critical * waldSe), p2 - p1 + (critical * waldSe), z, null, p, "two-proportion z-test");
    }

    /// <summary>The mean of <paramref name="treatment"/> against the mean of <paramref name="control"/>.</summary>
    public static Difference? Means(IReadOnlyList<double> control, IReadOnlyList<double> treatment)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Count < 2 || treatment.Count < 2)
        {
            return null;
        }

        var (m1, v1) = MeanAndVariance(control);
        var (m2, v2) = MeanAndVariance(treatment);
        var a = v1 / control.Count;
        var b = v2 / treatment.Count;
        var se = Math.Sqrt(a + b);
        if (!(se > 0))
        {
            return null;
        }

        var df = (a + b) * (a + b) / ((a * a / (control.Count - 1)) + (b * b / (treatment.Count - 1)));
        var t = (m2 - m1) / se;
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var critical = StudentT.InvCDF(0, 1, df, 1 - ((1 - Confidence) / 2));
        var result = new Difference(m1, m2, m2 - m1, m2 - m1 - (critical * se), m2 - m1 + (critical * se), t, df, p, "Welch's t-test");
        return double.IsFinite(result.PValue) && double.IsFinite(result.Low) && double.IsFinite(result.High) ? result : null;
    }

    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        return (mean, squares / (values.Count - 1));
    }
}
