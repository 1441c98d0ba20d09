namespace Segments.Core.Btyd;

/// <summary>A model with estimated parameters.</summary>
public interface IFittedModel
{
    /// <summary>Short stable name (<c>bgnbd</c>, <c>mbgnbd</c>, <c>paretonbd</c>, <c>gammagamma</c>).</summary>
    string Name { get; }

    /// <summary>The estimates, in the order the source paper lists them.</summary>
    IReadOnlyList<ModelParameter> Parameters { get; }
}
