using System.Collections.Concurrent;
using System.Text;
using FastBooking.Application.ChangeFeed;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Infrastructure.ChangeFeed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>
/// Delivers the change feed to webhooks, on the projector leader, never on a request's path. Each pass sequences new
/// events, queues a delivery per event and subscribed endpoint (in the statement that moves the endpoint's position,
/// so none is lost or queued twice), and starts the due head of each endpoint's queue: one delivery at a time per
/// endpoint, in feed order, at most <see cref="WebhookOptions.Concurrency"/> endpoints at once shared fairly between
/// businesses, each attempt bounded by <see cref="WebhookOptions.Timeout"/> — a slow receiver holds up only itself. An
/// attempt is claimed in PostgreSQL before it is made, so two leaders for a moment do not both make it. A failed
/// attempt is retried with exponential backoff and jitter; an event still failing
/// <see cref="WebhookOptions.RetryPeriod"/> after its first attempt is marked failed and its endpoint disabled, both
/// visible. All of it is in PostgreSQL: a new leader goes on where the last one stopped, and an attempt cut off by the
/// switch is made again (delivery is at least once; receivers de-duplicate by event id).
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly EventSequencer _sequencer;
    private readonly IChangeFeed _feed;
    private readonly IEventRenderer _renderer;
    private readonly IClock _clock;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _log;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<Guid, byte> _inFlight = new();
    private readonly WakeSignal _wake = new();
    private readonly System.Diagnostics.Metrics.Counter<long> _attempts;
    private long _backlog;
    private long _disabled;
    private Instant _prunedAt;

    public WebhookDispatcher(NpgsqlDataSource db, EventSequencer sequencer, IChangeFeed feed, IEventRenderer renderer, IClock clock,
        IOptions<WebhookOptions> options, EngineMetrics metrics, ILogger<WebhookDispatcher> log)
    {
        (_db, _sequencer, _feed, _renderer, _clock, _options, _log) = (db, sequencer, feed, renderer, clock, options.Value, log);
        _http = WebhookHttp.Create(_options);
        _attempts = metrics.Meter.CreateCounter<long>("fastbooking.webhooks.attempts", "{attempt}",
            "Webhook delivery attempts by outcome: delivered, retrying, failed (the retry period ran out)");
        metrics.Meter.CreateObservableGauge("fastbooking.webhooks.backlog", () => Interlocked.Read(ref _backlog), "{delivery}",
            "Webhook deliveries not yet made (leader only)");
        metrics.Meter.CreateObservableGauge("fastbooking.webhooks.disabled", () => Interlocked.Read(ref _disabled), "{endpoint}",
            "Webhook endpoints disabled after failing for the whole retry period (leader only)");
    }

    public void Wake() => _wake.Wake();

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                _log.LogWarning(e, "Webhook delivery pass failed; retrying");
            }
            await _wake.WaitAsync(_options.PollInterval, _options.WakeDelay, stop);
        }
        // Attempts still running were cut off: they stay pending and are made again by the next leader.
        while (!_inFlight.IsEmpty) await Task.Delay(50, CancellationToken.None);
        // The gauges are the leader's: a follower reports none.
        Interlocked.Exchange(ref _backlog, 0);
        Interlocked.Exchange(ref _disabled, 0);
    }

    private async Task PassAsync(CancellationToken stop)
    {
        await _sequencer.SequenceAsync(stop);
        var now = _clock.GetCurrentInstant();
        await EnqueueAsync(now, stop);
        await PruneAsync(now, stop);
        var room = _options.Concurrency - _inFlight.Count;
        if (room <= 0) return;
        var due = (await HeadsAsync(stop)).Where(h => h.NextAttemptAt <= now && !_inFlight.ContainsKey(h.Webhook)).ToList();
        if (due.Count == 0) return;
        var starting = FairShare(due, room);
        var events = await EventsAsync(starting, now, stop);
        foreach (var head in starting)
        {
            if (!events.TryGetValue(head.Position, out var feedEvent) || !_inFlight.TryAdd(head.Webhook, 0)) continue;
            _ = Task.Run(async () =>
            {
                try
                {
                    if (await ClaimAsync(head, stop)) await DeliverAsync(head, feedEvent, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    _log.LogWarning(e, "Recording webhook delivery {Delivery} failed; it is attempted again", head.Id);
                }
                finally
                {
                    _inFlight.TryRemove(head.Webhook, out _);
                    Wake(); // the endpoint's next event need not wait for the poll
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>
    /// Up to <paramref name="room"/> heads, taken round-robin across businesses (oldest event first within each), so a
    /// business with many endpoints cannot take every slot from the others.
    /// </summary>
    private static List<Head> FairShare(List<Head> due, int room) =>
        due.GroupBy(h => h.Business)
            .SelectMany(business => business.OrderBy(h => h.Position).Select((head, turn) => (head, turn)))
            .OrderBy(x => x.turn).ThenBy(x => x.head.Position)
            .Take(room).Select(x => x.head).ToList();

    /// <summary>
    /// The events to send. One that cannot be read (a payload the engine cannot decode) must not stop every other
    /// endpoint: read one by one when the batch fails, and count the unreadable one as a failed attempt of its delivery.
    /// </summary>
    private async Task<Dictionary<long, FeedEvent>> EventsAsync(List<Head> heads, Instant now, CancellationToken stop)
    {
        var positions = heads.Select(h => h.Position).Distinct().ToList();
        try
        {
            return (await _feed.AtAsync(positions, stop)).ToDictionary(e => e.Position);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not NpgsqlException)
        {
            _log.LogWarning(e, "Reading events {Positions} for delivery failed; reading them one by one", positions);
        }
        var events = new Dictionary<long, FeedEvent>();
        foreach (var head in heads)
        {
            if (events.ContainsKey(head.Position)) continue;
            try
            {
                foreach (var feedEvent in await _feed.AtAsync([head.Position], stop)) events[feedEvent.Position] = feedEvent;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not NpgsqlException)
            {
                _log.LogError(e, "Event {Event} cannot be read for delivery", head.EventId);
                await RecordAsync(head, Outcome(head, now, now), status: null, "the event could not be read", now, stop);
            }
        }
        return events;
    }

    /// <summary>A delivery per new event and subscribed endpoint; each endpoint's position moves past what it was given.</summary>
    private async Task EnqueueAsync(Instant now, CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            WITH head AS (SELECT change_feed_head() AS position),
            queued AS (
                INSERT INTO webhook_deliveries (webhook_id, position, event_id, event_type, status, created_at, next_attempt_at)
                SELECT w.id, f.position, f.event_id, f.type, 'pending', $1, $1
                FROM webhooks w
                JOIN change_feed f ON f.business_id = w.business_id AND f.position > w.position AND f.position <= (SELECT position FROM head)
                WHERE w.disabled_at IS NULL AND f.type = ANY (w.event_types)
                ON CONFLICT (webhook_id, position) DO NOTHING)
            UPDATE webhooks SET position = (SELECT position FROM head)
            WHERE disabled_at IS NULL AND position < (SELECT position FROM head)
            """);
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Head(long Id, Guid Webhook, Guid Business, long Position, string EventId, string EventType, int Attempts,
        Instant? FirstAttemptAt, Instant NextAttemptAt, string Url, string Secret);

    /// <summary>The oldest pending delivery of every enabled endpoint (later ones wait their turn: order per endpoint).</summary>
    private async Task<List<Head>> HeadsAsync(CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            SELECT DISTINCT ON (d.webhook_id) d.id, d.webhook_id, w.business_id, d.position, d.event_id, d.event_type, d.attempts,
                   d.first_attempt_at, d.next_attempt_at, w.url, w.secret,
                   count(*) OVER () AS backlog, (SELECT count(*) FROM webhooks WHERE disabled_at IS NOT NULL) AS disabled
            FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.status = 'pending' AND w.disabled_at IS NULL
            ORDER BY d.webhook_id, d.position
            """);
        var heads = new List<Head>();
        long backlog = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            heads.Add(new Head(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<Instant>(7), reader.GetFieldValue<Instant>(8),
                reader.GetString(9), reader.GetString(10)));
            backlog = reader.GetInt64(11);
            Interlocked.Exchange(ref _disabled, reader.GetInt64(12));
        }
        Interlocked.Exchange(ref _backlog, backlog);
        return heads;
    }

    /// <summary>
    /// Takes the attempt: its next try moves past this one's timeout, so another leader (two for a moment) sees it not
    /// due and does not make it too; an attempt whose leader died is made again once that time has passed.
    /// </summary>
    private async Task<bool> ClaimAsync(Head head, CancellationToken ct)
    {
        var now = _clock.GetCurrentInstant();
        await using var command = _db.CreateCommand("""
            UPDATE webhook_deliveries SET next_attempt_at = $4
            WHERE id = $1 AND status = 'pending' AND attempts = $2 AND next_attempt_at <= $3
            """);
        command.Parameters.Add(new() { Value = head.Id });
        command.Parameters.Add(new() { Value = head.Attempts });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = now + Duration.FromTimeSpan(2 * _options.Timeout) });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task DeliverAsync(Head head, FeedEvent feedEvent, CancellationToken stop)
    {
        var body = _renderer.Render(feedEvent);
        var sentAt = _clock.GetCurrentInstant();
        using var request = new HttpRequestMessage(HttpMethod.Post, head.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(head.Secret, sentAt.ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookHeaders.EventId, head.EventId);
        request.Headers.Add(WebhookHeaders.EventType, head.EventType);
        request.Headers.Add(WebhookHeaders.Attempt, (head.Attempts + 1).ToString());
        request.Headers.UserAgent.ParseAdd("FastBooking-Webhooks/1");

        int? status = null;
        string? error = null;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            attempt.CancelAfter(_options.Timeout);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) error = $"answered {status}";
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                error = $"no answer within {_options.Timeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException e)
            {
                // A category, not the exception's text: the error is shown to the API key holder, and must not echo the engine's network.
                error = e.InnerException is PrivateAddressException refused ? $"refused: {refused.Message}"
                    : $"could not be sent ({e.HttpRequestError})";
            }
        }
        // Cut off by a leadership switch or shutdown: the attempt does not count, it is made again.
        if (stop.IsCancellationRequested) return;
        var now = _clock.GetCurrentInstant();
        var outcome = error is null ? WebhookDelivery.Delivered : Outcome(head, sentAt, now);
        await RecordAsync(head, outcome, status, error, now, CancellationToken.None);
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome == WebhookDelivery.Pending ? "retrying" : outcome));
        if (outcome == WebhookDelivery.Failed) _log.LogWarning("Webhook {Webhook} disabled: event {Event} failed for the whole retry period ({Error})", head.Webhook, head.EventId, error);
    }

    /// <summary>A failed attempt's outcome: failed for good once the retry period since the first attempt has passed, else pending again.</summary>
    private string Outcome(Head head, Instant sentAt, Instant now) =>
        now - (head.FirstAttemptAt ?? sentAt) >= Duration.FromTimeSpan(_options.RetryPeriod) ? WebhookDelivery.Failed : WebhookDelivery.Pending;

    /// <summary>
    /// Records the attempt made at <paramref name="now"/> — only if it is still the delivery's next one (the
    /// <c>attempts</c> guard), so an attempt is never counted twice.
    /// </summary>
    /// <param name="outcome">The delivery's status after the attempt: delivered, failed for good, or pending again.</param>
    private async Task RecordAsync(Head head, string outcome, int? status, string? error, Instant now, CancellationToken ct)
    {
        await using var command = _db.CreateCommand("""
            WITH recorded AS (
                UPDATE webhook_deliveries SET
                    attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, $4), last_attempt_at = $4,
                    last_status = $5, last_error = $7, status = $3,
                    delivered_at = CASE WHEN $3 = 'delivered' THEN $4 END,
                    next_attempt_at = $8
                WHERE id = $1 AND status = 'pending' AND attempts = $9
                RETURNING 1)
            UPDATE webhooks SET disabled_at = $4, disabled_reason = $6 WHERE id = $2 AND $3 = 'failed' AND EXISTS (SELECT 1 FROM recorded)
            """);
        command.Parameters.Add(new() { Value = head.Id });
        command.Parameters.Add(new() { Value = head.Webhook });
        command.Parameters.Add(new() { Value = outcome });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = status.HasValue ? status.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = $"Event {head.EventId} failed for the whole retry period: {error}" });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = now + Backoff(head.Attempts + 1) });
        command.Parameters.Add(new() { Value = head.Attempts });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Deletes settled deliveries past <see cref="WebhookOptions.DeliveryRetention"/>, at most once a minute and a bounded
    /// batch at a time, so the table holds what operators can still look at or resend.
    /// </summary>
    private async Task PruneAsync(Instant now, CancellationToken ct)
    {
        if (now - _prunedAt < Duration.FromMinutes(1)) return;
        _prunedAt = now;
        await using var command = _db.CreateCommand("""
            DELETE FROM webhook_deliveries WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status <> 'pending' AND coalesce(delivered_at, last_attempt_at) < $1
                LIMIT 10000)
            """);
        command.Parameters.Add(new() { Value = now - Duration.FromTimeSpan(_options.DeliveryRetention) });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The wait after the n-th failed attempt: doubling from the initial backoff, capped, ±20 % jitter.</summary>
    private Duration Backoff(int failures)
    {
        var ticks = Math.Min(_options.InitialBackoff.Ticks * Math.Pow(2, Math.Min(failures - 1, 30)), _options.MaxBackoff.Ticks);
        return Duration.FromTicks((long)(ticks * (0.8 + 0.4 * Random.Shared.NextDouble())));
    }

    public void Dispose() => _http.Dispose();
}
