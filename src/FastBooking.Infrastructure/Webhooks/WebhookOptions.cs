using System.ComponentModel.DataAnnotations;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>Webhook delivery (section <c>FastBooking:Webhooks</c>); it runs on the projector leader.</summary>
public sealed class WebhookOptions
{
    public const string Section = "FastBooking:Webhooks";

    /// <summary>How often the leader looks for events to send and attempts that are due (a committed change also wakes it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a pass waits after a committed change woke it, so that one pass sequences and enqueues the
    /// changes committed meanwhile instead of one pass per change.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan WakeDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a receiver has to answer one delivery before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="MaxBackoff"/>, ±20 % jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an event is retried, from its first attempt, before it is marked failed and its endpoint disabled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long settled deliveries (delivered or failed) stay listed and re-sendable before they are deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Endpoints delivered to at once; each endpoint gets one delivery at a time, in feed order.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Whether endpoints may be on loopback, private, link-local or otherwise non-public addresses. Off by default: a
    /// registered URL must not reach into the engine's own network. On for development and tests.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
