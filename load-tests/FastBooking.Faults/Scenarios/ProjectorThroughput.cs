using System.Diagnostics;
using FastBooking.Faults.Checks;
using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Scenarios;

/// <summary>
/// How fast the projector applies a backlog: with no load, K copies of real <c>appointment.changed</c> outbox rows are
/// inserted in one statement, and the lag is followed until it is 0 again.
/// </summary>
public sealed class ProjectorThroughput : IScenario
{
    private const int SeedBookings = 40;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public string Name => "projector-throughput";

    public string Describe(Profile p) =>
        $"{p.OutboxBurst} appointment.changed outbox rows inserted at once (no load); time until the projector lag is 0 again, bound {p.DrainBound.TotalSeconds:F0} s";

    public async Task RunAsync(ScenarioContext context)
    {
        var (rig, profile, report, ct) = (context.Rig, context.Profile, context.Report, context.Ct);
        var salon = await context.NewSalonAsync("Faults projector", profile.Staff);
        for (var i = 0; i < SeedBookings; i++)
            await salon.BookAsync(rig.Instances[i % 2], salon.Staff[i % salon.Staff.Count], salon.Slot(1 + i % Api.Salon.LoadDays, 8 * (i / 8)), null, "Seed", ct);
        var settled = await UntilAppliedAsync(rig, await ReadinessWatch.OutboxHeadAsync(rig, ct), TimeSpan.FromSeconds(30), ct);
        if (!settled.Applied) report.Note("the projector had not caught up before the burst; the figure includes what was left");

        var inserted = await rig.Postgres.ScalarAsync<long>("""
            WITH copies AS (
              INSERT INTO outbox (business_id, type, payload, created_at)
              SELECT o.business_id, o.type, o.payload, now()
              FROM (SELECT business_id, type, payload FROM outbox WHERE type = 'appointment.changed' AND business_id = @business) o
              CROSS JOIN generate_series(1, @copies)
              LIMIT @rows
              RETURNING 1)
            SELECT count(*) FROM copies
            """, ct, ("business", Guid.Parse(salon.BusinessId)), ("copies", profile.OutboxBurst / SeedBookings + 1), ("rows", profile.OutboxBurst));
        var clock = Stopwatch.StartNew();
        var drain = await UntilAppliedAsync(rig, await ReadinessWatch.OutboxHeadAsync(rig, ct), profile.DrainBound, ct);
        var elapsed = clock.Elapsed;
        report.Note($"{inserted} rows inserted; position read from: {drain.Source}; max lag seen {drain.MaxLag}");
        if (drain.Source == PositionSource.None)
        {
            report.Figure("projector throughput", "unavailable (neither readModel.position nor the stored position could be read)");
        }
        else
        {
            report.Verify($"the projector applies {inserted} rows within {profile.DrainBound.TotalSeconds:F0} s", drain.Applied,
                drain.Applied ? $"caught up after {Seconds.Of(elapsed)}" : $"lag still {drain.LastLag} after {Seconds.Of(elapsed)}");
            var applied = inserted - drain.LastLag;
            report.Figure("projector throughput", $"{applied / elapsed.TotalSeconds:F0} rows/s ({applied} rows in {Seconds.Of(elapsed)})");
        }
        await Invariants.ReadModelConsistentAsync(rig, salon, profile.ConsistencyBound, report, ct);
    }

    private enum PositionSource { None, Reported, Stored }

    private sealed record Drain(bool Applied, PositionSource Source, long LastLag, long MaxLag);

    /// <summary>
    /// Follows the projector's position until it reaches <paramref name="head"/>: as instance a reports it in
    /// /health/ready, or, when it reports none, as stored in Redis.
    /// </summary>
    private static async Task<Drain> UntilAppliedAsync(FaultRig rig, long head, TimeSpan bound, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (source, last, max) = (PositionSource.None, head, 0L);
        while (clock.Elapsed < bound)
        {
            var reported = await ReadinessWatch.ReportedPositionAsync(rig.A, ct);
            var position = reported ?? await ReadinessWatch.StoredPositionAsync(rig);
            if (position is not null)
            {
                (source, last) = (reported is null ? PositionSource.Stored : PositionSource.Reported, Math.Max(0, head - position.Value));
                max = Math.Max(max, last);
                if (last == 0) return new Drain(true, source, 0, max);
            }
            await Task.Delay(PollInterval, ct);
        }
        return new Drain(false, source, last, max);
    }
}
