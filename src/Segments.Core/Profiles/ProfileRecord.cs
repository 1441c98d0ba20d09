namespace Segments.Core.Profiles;

/// <summary>One customer record of a profile export, its customer id normalised as transactions' ids are.</summary>
/// <param name="CustomerId">Normalised id (an e-mail becomes its keyed hash, see <see cref="Transactions.CustomerIdPolicy"/>).</param>
/// <param name="Fields">What the record says.</param>
public sealed record ProfileRecord(string CustomerId, CustomerProfileFields Fields);
