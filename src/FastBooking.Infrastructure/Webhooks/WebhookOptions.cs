using System.ComponentModel.DataAnnotations;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>Webhook delivery (section <c>FastBooking:Webhooks</c>); it runs on the projector leader.</summary>
public sealed class WebhookOptions
{
    public const string Section = "FastBooking:Webhooks";

    /// <summary>How often the leader looks for events to send and attempts that are due (a booking also wakes it).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a receiver has to answer one delivery before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="MaxBackoff"/>, ±20 % jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an event is retried before it is marked failed and its endpoint disabled.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Endpoints delivered to at once; each endpoint gets one delivery at a time, in feed order.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;
}
