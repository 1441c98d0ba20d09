namespace Segments.Infra.Tests.Fixtures;

/// <summary>The tests that read the compiled template share one compilation.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    /// <summary>Collection name.</summary>
    public const string Name = "Compiled template";
}
