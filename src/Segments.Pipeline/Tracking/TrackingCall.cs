namespace Segments.Pipeline.Tracking;

/// <summary>The calls of the Segment tracking API, each a route; <see cref="Batch"/> carries messages of the others.</summary>
public enum TrackingCall
{
    /// <summary><c>/v1/batch</c>: <c>{"batch":[messages],"context","integrations","sentAt"}</c>.</summary>
    Batch,

    /// <summary><c>/v1/track</c>: an event (<c>event</c>, <c>properties</c>).</summary>
    Track,

    /// <summary><c>/v1/identify</c>: who the user is (<c>traits</c>).</summary>
    Identify,

    /// <summary><c>/v1/page</c>: a web page view.</summary>
    Page,

    /// <summary><c>/v1/screen</c>: an app screen view.</summary>
    Screen,

    /// <summary><c>/v1/alias</c>: links a previous id (<c>previousId</c>) to <c>userId</c>.</summary>
    Alias,

    /// <summary><c>/v1/group</c>: the user's account or company (<c>groupId</c>).</summary>
    Group,
}
