namespace Segments.Core.Numerics;

/// <summary>
/// Finds a step along a descent direction that meets the strong Wolfe conditions: Nocedal &amp; Wright (2006),
/// <i>Numerical Optimization</i>, 2nd ed., Algorithm 3.5 (bracketing) and Algorithm 3.6 (zoom). A point where
/// the function is not finite counts as "too far", so the search steps back from overflow instead of failing.
/// </summary>
internal sealed class WolfeLineSearch
{
    // c1 and c2 of the Wolfe conditions; 0.9 is the value N&W recommend for quasi-Newton directions (p. 34).
    private const double SufficientDecrease = 1e-4;
    private const double Curvature = 0.9;
    private const int MaxTrials = 60;

    private readonly DifferentiableFunction _function;
    private readonly double[] _trialPoint;
    private readonly double[] _trialGradient;
    private readonly double[] _loPoint;
    private readonly double[] _loGradient;

    public WolfeLineSearch(DifferentiableFunction function, int dimension)
    {
        _function = function;
        _trialPoint = new double[dimension];
        _trialGradient = new double[dimension];
        _loPoint = new double[dimension];
        _loGradient = new double[dimension];
    }

    /// <summary>Function evaluations made by this search object so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Searches from <paramref name="start"/> (value <paramref name="startValue"/>, gradient
    /// <paramref name="startGradient"/>) along <paramref name="direction"/>. On success writes the accepted point,
    /// its gradient and value; the accepted point always has a lower value than the start.
    /// </summary>
    public bool TrySearch(
        ReadOnlySpan<double> start, double startValue, ReadOnlySpan<double> startGradient, ReadOnlySpan<double> direction,
        double firstStep, double maxStep, Span<double> point, Span<double> gradient, out double value)
    {
        var slope0 = Dot(startGradient, direction);
        start.CopyTo(_loPoint);
        startGradient.CopyTo(_loGradient);
        double loStep = 0, loValue = startValue, loSlope = slope0;
        var step = Math.Min(firstStep, maxStep);

        for (var trial = 0; trial < MaxTrials; trial++)
        {
            var trialValue = Evaluate(start, direction, step);
            var trialSlope = Dot(_trialGradient, direction);
            if (!double.IsFinite(trialValue) || trialValue > startValue + (SufficientDecrease * step * slope0) || (trial > 0 && trialValue >= loValue))
            {
                return Zoom(start, startValue, slope0, direction, new Bracket(loStep, loValue, loSlope, step, trialValue, trialSlope), point, gradient, out value);
            }

            if (Math.Abs(trialSlope) <= -Curvature * slope0)
            {
                return Accept(_trialPoint, _trialGradient, trialValue, point, gradient, out value);
            }

            if (trialSlope >= 0)
            {
                // The minimum lies between this step and the previous one: zoom with the roles swapped.
                var swapped = new Bracket(step, trialValue, trialSlope, loStep, loValue, loSlope);
                KeepAsLo();
                return Zoom(start, startValue, slope0, direction, swapped, point, gradient, out value);
            }

            KeepAsLo();
            loStep = step;
            loValue = trialValue;
            loSlope = trialSlope;
            if (step >= maxStep)
            {
                // Still descending at the longest step allowed: take it, the next iteration goes on from there.
                return Accept(_loPoint, _loGradient, loValue, point, gradient, out value);
            }

            step = Math.Min(2 * step, maxStep);
        }

        return AcceptLoIfProgress(loStep, loValue, point, gradient, out value);
    }

    private bool Zoom(
        ReadOnlySpan<double> start, double startValue, double slope0, ReadOnlySpan<double> direction, Bracket bracket,
        Span<double> point, Span<double> gradient, out double value)
    {
        var (lo, loValue, loSlope, hi, hiValue, hiSlope) = bracket;
        for (var trial = 0; trial < MaxTrials && Math.Abs(hi - lo) > 1e-14 * Math.Max(1, Math.Abs(lo)); trial++)
        {
            var step = Interpolate(lo, loValue, loSlope, hi, hiValue);
            var trialValue = Evaluate(start, direction, step);
            var trialSlope = Dot(_trialGradient, direction);
            if (!double.IsFinite(trialValue) || trialValue > startValue + (SufficientDecrease * step * slope0) || trialValue >= loValue)
            {
                (hi, hiValue, hiSlope) = (step, trialValue, trialSlope);
                continue;
            }

            if (Math.Abs(trialSlope) <= -Curvature * slope0)
            {
                return Accept(_trialPoint, _trialGradient, trialValue, point, gradient, out value);
            }

            if (trialSlope * (hi - lo) >= 0)
            {
                (hi, hiValue, hiSlope) = (lo, loValue, loSlope);
            }

            KeepAsLo();
            (lo, loValue, loSlope) = (step, trialValue, trialSlope);
        }

        return AcceptLoIfProgress(lo, loValue, point, gradient, out value);
    }

    /// <summary>
    /// Minimiser of the quadratic through (lo, value, slope) and (hi, value), kept inside the middle 80 % of the
    /// bracket; plain bisection when the far end is not finite.
    /// </summary>
    private static double Interpolate(double lo, double loValue, double loSlope, double hi, double hiValue)
    {
        var width = hi - lo;
        var guess = lo + (width / 2);
        if (double.IsFinite(hiValue))
        {
            var curvature = hiValue - loValue - (loSlope * width);
            if (curvature > 0)
            {
                guess = lo - (loSlope * width * width / (2 * curvature));
            }
        }

        var low = lo + (0.1 * width);
        var high = lo + (0.9 * width);
        return Math.Clamp(guess, Math.Min(low, high), Math.Max(low, high));
    }

    private double Evaluate(ReadOnlySpan<double> start, ReadOnlySpan<double> direction, double step)
    {
        for (var i = 0; i < _trialPoint.Length; i++)
        {
            _trialPoint[i] = start[i] + (step * direction[i]);
        }

        Evaluations++;
        var value = _function(_trialPoint, _trialGradient);
        foreach (var g in _trialGradient)
        {
            if (!double.IsFinite(g))
            {
                return double.NaN;
            }
        }

        return value;
    }

    private void KeepAsLo()
    {
        _trialPoint.CopyTo(_loPoint, 0);
        _trialGradient.CopyTo(_loGradient, 0);
    }

    private bool AcceptLoIfProgress(double loStep, double loValue, Span<double> point, Span<double> gradient, out double value)
    {
        if (loStep != 0)
        {
            return Accept(_loPoint, _loGradient, loValue, point, gradient, out value);
        }

        value = double.NaN;
        return false;
    }

    private static bool Accept(double[] fromPoint, double[] fromGradient, double fromValue, Span<double> point, Span<double> gradient, out double value)
    {
        fromPoint.CopyTo(point);
        fromGradient.CopyTo(gradient);
        value = fromValue;
        return true;
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

    private readonly record struct Bracket(double Lo, double LoValue, double LoSlope, double Hi, double HiValue, double HiSlope);
}
