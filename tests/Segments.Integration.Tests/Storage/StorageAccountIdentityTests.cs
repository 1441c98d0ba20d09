using Azure.Core;
using Azure.Identity;
using Segments.Storage.Account;

namespace Segments.Integration.Tests.Storage;

/// <summary>
/// The keyless connection's failure when no token can be had. The credential is a stand-in that refuses at
/// once, so nothing leaves the process.
/// </summary>
public sealed class StorageAccountIdentityTests
{
    [Fact]
    public async Task EnsureReady_without_a_token_explains_which_settings_to_check()
    {
        var endpoints = new StorageServiceUris(
            new Uri("https://127.0.0.1:9/"), new Uri("https://127.0.0.1:9/"), new Uri("https://127.0.0.1:9/"));
        var account = StorageAccount.Connect(endpoints, new RefusingCredential());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => account.EnsureReadyAsync(CancellationToken.None));

        Assert.StartsWith("Cannot get a Microsoft Entra token for Azure Storage at https://127.0.0.1:9: no identity here.", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__clientId", error.Message, StringComparison.Ordinal);
    }

    private sealed class RefusingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no identity here.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no identity here.");
    }
}
