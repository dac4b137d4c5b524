using System.Diagnostics;
using FastBooking.Faults.Api;
using FastBooking.Faults.Load;
using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Checks;

/// <summary>
/// After a fault ends, asks one instance every 250 ms until it works as before: until a hold is placed (201; it is
/// released at once) and until availability is served from Redis again (<c>X-Served-By: redis</c>). Probes use the
/// salon's <see cref="Salon.ProbeDay"/>, which nothing else books.
/// </summary>
public sealed class RecoveryProbe(Salon salon, Tally tally)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private int _slot;

    public sealed record Recovery(string Instance, TimeSpan? Holds, TimeSpan? RedisReads);

    public async Task<Recovery> RunAsync(EngineInstance to, Stopwatch sinceFaultEnded, TimeSpan bound, CancellationToken ct)
    {
        var holds = UntilAsync(async () =>
        {
            var next = Interlocked.Increment(ref _slot);
            var staff = salon.Staff[next % salon.Staff.Count];
            var start = salon.Slot(Salon.ProbeDay, next / salon.Staff.Count % Salon.StartsPerDay);
            var answer = tally.Record("probe-hold", await salon.HoldAsync(to, staff, start, ct));
            if (answer.Is(201)) await salon.ReleaseHoldAsync(to, answer.Field("token"), ct);
            return answer.Is(201);
        }, sinceFaultEnded, bound, ct);
        var reads = UntilAsync(async () =>
            tally.Record("probe-availability", await salon.AvailabilityAsync(to, salon.Staff[0], salon.Today.PlusDays(Salon.ProbeDay), ct))
                .ServedBy == "redis", sinceFaultEnded, bound, ct);
        return new Recovery(to.Name, await holds, await reads);
    }

    public static void Report(IReadOnlyList<Recovery> recoveries, TimeSpan bound, ScenarioReport report)
    {
        foreach (var r in recoveries)
        {
            report.Verify($"instance {r.Instance}: holds answer 201 again within {bound.TotalSeconds:F0} s of the fault's end", r.Holds is not null,
                $"after {Seconds.Of(r.Holds)}");
            report.Verify($"instance {r.Instance}: availability served from Redis again within {bound.TotalSeconds:F0} s of the fault's end",
                r.RedisReads is not null, $"after {Seconds.Of(r.RedisReads)}");
        }
    }

    private static async Task<TimeSpan?> UntilAsync(Func<Task<bool>> works, Stopwatch since, TimeSpan bound, CancellationToken ct)
    {
        while (since.Elapsed < bound)
        {
            if (await works()) return since.Elapsed;
            await Task.Delay(Interval, ct);
        }
        return null;
    }
}
