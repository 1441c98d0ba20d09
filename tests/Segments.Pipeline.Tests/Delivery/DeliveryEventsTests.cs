using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Segments.Core.Destinations;
using Segments.Pipeline.Delivery;
using Segments.Storage.Deliveries;
using StandardWebhooks;

namespace Segments.Pipeline.Tests.Delivery;

public sealed class DeliveryEventsTests
{
    private static readonly DestinationDefinition Crm = new("crm", DestinationKind.Webhook, ["lifecycle:*"]) { Fields = DestinationFields.Segments };

    [Fact]
    public void A_batch_is_cloudevents_1_0_json_with_the_move_in_data()
    {
        var move = new CustomerMove("12662", "lifecycle:At Risk", SegmentMoveKind.Entered) { Group = "treatment", Memberships = ["rfm:Loyal", "lifecycle:At Risk"] };
        var time = new DateTimeOffset(2011, 12, 10, 2, 0, 0, TimeSpan.Zero);

        var batch = DeliveryEvents.EncodeBatch([DeliveryEvents.Of(move, Crm, "r2", "r1", time)]);

        using var json = JsonDocument.Parse(batch);
        var e = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("1.0", e.GetProperty("specversion").GetString());
        Assert.Equal("segments.customer.entered", e.GetProperty("type").GetString());
        Assert.Equal("12662", e.GetProperty("subject").GetString());
        Assert.Equal("/segments/destinations/crm", e.GetProperty("source").GetString());
        Assert.Equal("r2/crm/lifecycle:At Risk/12662/entered", e.GetProperty("id").GetString());
        Assert.Equal(time, e.GetProperty("time").GetDateTimeOffset());
        var data = e.GetProperty("data");
        Assert.Equal(("lifecycle:At Risk", "entered", "r2", "r1", "treatment"), (data.GetProperty("segment").GetString(), data.GetProperty("move").GetString(), data.GetProperty("runId").GetString(), data.GetProperty("previousRunId").GetString(), data.GetProperty("group").GetString()));
        Assert.Equal(["rfm:Loyal", "lifecycle:At Risk"], data.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("12662", Assert.Single(DeliveryEvents.DecodeBatch(batch)).Subject);
    }

    [Fact]
    public void The_webhook_id_is_the_same_for_the_same_destination_run_and_batch_only()
    {
        Assert.Equal(new DeliveryKey("crm", "r2", 3).WebhookId, new DeliveryKey("crm", "r2", 3).WebhookId);
        Assert.Equal(3, new[] { new DeliveryKey("crm", "r2", 3), new DeliveryKey("crm", "r2", 4), new DeliveryKey("crm", "r3", 3) }.Select(k => k.WebhookId).Distinct().Count());
    }

    [Fact]
    public void A_signature_made_for_one_delivery_verifies_and_fails_for_a_changed_body()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var webhook = new StandardWebhook(secret);
        var now = DateTimeOffset.UtcNow;
        const string body = "[{\"specversion\":\"1.0\"}]";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "msg_crm_r2_00000",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = webhook.Sign("msg_crm_r2_00000", now, body),
        };

        Assert.StartsWith("v1,", headers["webhook-signature"].ToString(), StringComparison.Ordinal);
        webhook.Verify(body, headers);
        Assert.ThrowsAny<Exception>(() => webhook.Verify(body + " ", headers));
    }

    [Fact]
    public void A_taken_message_stays_hidden_longer_than_every_attempt_and_wait_of_its_delivery()
    {
        var options = new DeliveryOptions { MaxAttempts = 4, FirstRetryDelayMs = 1000, AttemptTimeoutSeconds = 5 };

        // 3 waits of at most 1.5 × (1, 2, 4) s, 4 attempts of 5 s, and 10 s to spare.
        Assert.Equal(TimeSpan.FromSeconds(10.5 + 20 + 10), options.MessageVisibility);
    }
}
