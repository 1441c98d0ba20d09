namespace Segments.Core.Events;

/// <summary>One product object of a message's <c>products[]</c> (or the message's own single product): its id, quantity and price as given.</summary>
internal readonly record struct ProductItem(JsonScalar Id, JsonScalar Quantity, JsonScalar Price);
