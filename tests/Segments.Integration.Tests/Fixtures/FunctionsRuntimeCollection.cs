namespace Segments.Integration.Tests.Fixtures;

/// <summary>Tests of the published Functions app: one publish and one Azurite, shared, one test after another.</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsRuntimeCollection : ICollectionFixture<PublishedFunctionsApp>, ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Functions runtime";
}
