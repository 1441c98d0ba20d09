using System.Globalization;

namespace Segments.Core.Numerics;

/// <summary>
/// Quasi-Newton minimisation with the BFGS inverse-Hessian update and a strong-Wolfe line search
/// (Nocedal &amp; Wright 2006, <i>Numerical Optimization</i>, 2nd ed., Algorithm 6.1, with the initial scaling of
/// eq. 6.20). Made for small, smooth problems such as maximum likelihood over a handful of parameters.
/// </summary>
public static class BfgsMinimizer
{
    // Iterations in a row whose value change is below floating-point resolution before the search is declared
    // stalled (and judged by the looser precision-limit gradient).
    private const int StalledIterationsAllowed = 5;

    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>.</summary>
    public static MinimizationResult Minimize(DifferentiableFunction function, ReadOnlySpan<double> start, MinimizationOptions? options = null)
    {
        options ??= new MinimizationOptions();
        var n = start.Length;
        var x = start.ToArray();
        var g = new double[n];
        var value = function(x, g);
        var search = new WolfeLineSearch(function, n);
        if (!double.IsFinite(value) || !AllFinite(g))
        {
            return Result(x, value, g, 0, 1, false, "the objective is not finite at the starting point");
        }

        var inverseHessian = Identity(n);
        var needsScaling = true;
        var direction = new double[n];
        var nextX = new double[n];
        var nextG = new double[n];
        var s = new double[n];
        var y = new double[n];
        var stalled = 0;

        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var gradientMax = MaxAbs(g);
            if (gradientMax <= options.GradientTolerance)
            {
                return Result(x, value, g, iteration, search.Evaluations + 1, true, null);
            }

            Multiply(inverseHessian, g, direction, -1);
            if (!(Dot(g, direction) < 0))
            {
                // Round-off has spoilt the approximation: restart from steepest descent.
                inverseHessian = Identity(n);
                needsScaling = true;
                Multiply(inverseHessian, g, direction, -1);
            }

            var maxStep = options.MaxStepPerCoordinate / MaxAbs(direction);
            if (!search.TrySearch(x, value, g, direction, 1.0, maxStep, nextX, nextG, out var nextValue))
            {
                if (!needsScaling)
                {
                    inverseHessian = Identity(n);
                    needsScaling = true;
                    continue;
                }

                return gradientMax <= options.PrecisionLimitGradient
                    ? Result(x, value, g, iteration, search.Evaluations + 1, true, null)
                    : Result(x, value, g, iteration, search.Evaluations + 1, false,
                        string.Create(CultureInfo.InvariantCulture, $"the line search found no lower value while the gradient is still {gradientMax:G3}"));
            }

            for (var i = 0; i < n; i++)
            {
                s[i] = nextX[i] - x[i];
                y[i] = nextG[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                if (needsScaling)
                {
                    // N&W eq. 6.20: scale the first approximation to the curvature just observed.
                    inverseHessian = Identity(n, sy / Dot(y, y));
                    needsScaling = false;
                }

                Update(inverseHessian, s, y, sy);
            }

            stalled = value - nextValue <= 1e-15 * Math.Abs(value) ? stalled + 1 : 0;
            (x, nextX) = (nextX, x);
            (g, nextG) = (nextG, g);
            value = nextValue;

            for (var i = 0; i < n; i++)
            {
                if (Math.Abs(x[i]) > options.CoordinateBound)
                {
                    return Result(x, value, g, iteration + 1, search.Evaluations + 1, false,
                        string.Create(CultureInfo.InvariantCulture, $"coordinate {i} diverged to {x[i]:G4}"), i);
                }
            }

            if (stalled >= StalledIterationsAllowed)
            {
                var gradient = MaxAbs(g);
                return gradient <= options.PrecisionLimitGradient
                    ? Result(x, value, g, iteration + 1, search.Evaluations + 1, true, null)
                    : Result(x, value, g, iteration + 1, search.Evaluations + 1, false,
                        string.Create(CultureInfo.InvariantCulture, $"the value stopped decreasing while the gradient is still {gradient:G3}"));
            }
        }

        return Result(x, value, g, options.MaxIterations, search.Evaluations + 1, false,
            string.Create(CultureInfo.InvariantCulture, $"no convergence after {options.MaxIterations} iterations (gradient {MaxAbs(g):G3})"));
    }

    /// <summary>H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy (N&amp;W eq. 6.17), expanded for a symmetric H.</summary>
    private static void Update(double[] h, double[] s, double[] y, double sy)
    {
        var n = s.Length;
        var hy = new double[n];
        Multiply(h, y, hy, 1);
        var rho = 1 / sy;
        var sScale = rho * (1 + (rho * Dot(y, hy)));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[(i * n) + j] += (sScale * s[i] * s[j]) - (rho * ((hy[i] * s[j]) + (s[i] * hy[j])));
            }
        }
    }

    private static MinimizationResult Result(double[] x, double value, double[] g, int iterations, int evaluations, bool converged, string? reason, int? diverged = null) =>
        new(x.ToArray(), value, MaxAbs(g), iterations, evaluations, converged, reason, diverged);

    private static double[] Identity(int n, double scale = 1)
    {
        var m = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            m[(i * n) + i] = scale;
        }

        return m;
    }

    private static void Multiply(double[] matrix, ReadOnlySpan<double> vector, Span<double> result, double factor)
    {
        var n = vector.Length;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += matrix[(i * n) + j] * vector[j];
            }

            result[i] = factor * sum;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var e in v)
        {
            max = Math.Max(max, Math.Abs(e));
        }

        return max;
    }

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var e in v)
        {
            if (!double.IsFinite(e))
            {
                return false;
            }
        }

        return true;
    }
}
