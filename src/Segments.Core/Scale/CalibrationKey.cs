namespace Segments.Core.Scale;

/// <summary>A calibration-period history and the purchase days the customer then made in the holdout period.</summary>
public readonly record struct CalibrationKey(HistoryKey History, int HoldoutPurchases);
