namespace Segments.Core.Btyd;

/// <summary>Fits one purchase model to customer histories (plain maximum likelihood, or with fallbacks).</summary>
public delegate ModelFit<IPurchaseModel> PurchaseModelFit(IPurchaseLikelihood likelihood, IReadOnlyList<CustomerHistory> histories);
