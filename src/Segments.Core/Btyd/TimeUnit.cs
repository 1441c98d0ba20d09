namespace Segments.Core.Btyd;

/// <summary>The unit in which x's timing (t_x, T) and forecast horizons are measured.</summary>
public enum TimeUnit
{
    /// <summary>Days.</summary>
    Day,

    /// <summary>Weeks of seven days, the unit of the CDNOW studies and the default.</summary>
    Week,
}
