using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Segments.Integration.Tests.Fixtures;
using Segments.Storage.Queues;

namespace Segments.Integration.Tests.Storage.Queues;

/// <summary>
/// A run request handled for longer than its visibility (a million customers' run takes about 25 minutes; the
/// listener hides a message for 10) stays hidden while it is handled, and is deleted with the receipt of its latest
/// extension; without the extensions the queue delivers it again and the first receipt no longer deletes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MessageKeptHiddenTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);

    // A queue of this test's own: a host that another test of the collection started may still poll the run-requests
    // queue, and would take a message the moment it shows (CI saw that).
    private QueueClient _client = null!;

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        _client = new QueueClient(azurite.ConnectionString, $"kept-hidden-{Guid.NewGuid():N}");
        await _client.CreateAsync();
    }

    public async Task DisposeAsync() => await _client.DeleteIfExistsAsync();

    [Fact]
    public async Task A_message_kept_hidden_past_its_visibility_is_not_delivered_again_and_is_deleted_with_its_latest_receipt()
    {
        // Longer than the other tests' visibility: an extension is due every half of it, and a loaded CI machine must
        // not delay one past the rest.
        var visibility = TimeSpan.FromSeconds(10);
        await _client.SendMessageAsync("run-1");
        var received = await ReceiveAsync(visibility, CancellationToken.None);
        var failures = new List<Exception>();

        var hidden = new MessageKeptHidden(received!, visibility, HideAsync, failures.Add, TimeProvider.System);
        await Task.Delay(visibility * 2.5);                                        // the handler outlasts two visibilities
        var meanwhile = await ReceiveAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(meanwhile is null, $"delivered again while kept hidden; extensions that failed: {string.Join("; ", failures.Select(f => f.Message))}");
        await hidden.DisposeAsync();
        await _client.DeleteMessageAsync(hidden.Current.MessageId, hidden.Current.PopReceipt);

        Assert.NotEqual(received!.PopReceipt, hidden.Current.PopReceipt);
        Assert.Empty(failures);
        // Deleted, not merely hidden: the count includes hidden messages.
        Assert.Equal(0, (await _client.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_another_consumer_received_meanwhile_is_not_extended_again_after_the_first_refusal()
    {
        await _client.SendMessageAsync("run-1");
        var stale = await ReceiveAsync(Visibility, CancellationToken.None);
        await Task.Delay(Visibility * 1.5);
        var other = await ReceiveAsync(TimeSpan.FromSeconds(30), CancellationToken.None);   // the receipt is now the other's
        var failures = new List<Exception>();

        var hidden = new MessageKeptHidden(stale!, Visibility, HideAsync, failures.Add, TimeProvider.System);
        await Task.Delay(Visibility * 2.5);                                        // two turns and more
        await hidden.DisposeAsync();

        var refused = Assert.IsType<RequestFailedException>(Assert.Single(failures));
        Assert.Equal("PopReceiptMismatch", refused.ErrorCode);
        await _client.DeleteMessageAsync(other!.MessageId, other.PopReceipt);                // the other consumer's receipt still holds
    }

    [Fact]
    public async Task Without_extensions_a_message_outliving_its_visibility_is_delivered_again_and_its_first_receipt_no_longer_deletes_it()
    {
        await _client.SendMessageAsync("run-1");
        var received = await ReceiveAsync(Visibility, CancellationToken.None);

        await Task.Delay(Visibility * 1.5);
        var again = await ReceiveAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(("run-1", 2L), (again!.Body.ToString(), again.DequeueCount));
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => _client.DeleteMessageAsync(received!.MessageId, received.PopReceipt));
        Assert.Equal((400, "PopReceiptMismatch"), (stale.Status, stale.ErrorCode));
    }

    private async Task<QueueMessage?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken) =>
        (await _client.ReceiveMessageAsync(visibility, cancellationToken)).Value;

    private Task<QueueMessage> HideAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken) =>
        MessageKeptHidden.HideAsync(_client, message, visibility, cancellationToken);
}
