using System.Diagnostics;
using FastBooking.Faults.Api;
using FastBooking.Faults.Load;
using FastBooking.Faults.Rig;
using Npgsql;

namespace FastBooking.Faults.Checks;

/// <summary>What must hold after every scenario, checked against the rig's own PostgreSQL and the engine's consistency check.</summary>
public static class Invariants
{
    public static async Task NoOverlapsAsync(FaultRig rig, ScenarioReport report, CancellationToken ct)
    {
        // Over the whole database, not one salon: no fault may let any staff member be double-booked.
        var pairs = await rig.Postgres.ScalarAsync<long>("""
            SELECT count(*) FROM appointments a JOIN appointments b
              ON a.staff_id = b.staff_id AND a.id < b.id AND a.occupied && b.occupied
            WHERE a.status = 'confirmed' AND b.status = 'confirmed'
            """, ct);
        report.Verify("0 overlapping confirmed appointments (SQL self-join on staff and occupied &&)", pairs == 0, $"{pairs} overlapping pairs");
    }

    /// <summary>Every 201 is in PostgreSQL; confirmed, or cancelled when its cancel was acknowledged (either, when a cancel got no answer).</summary>
    public static async Task AcknowledgedArePersistedAsync(FaultRig rig, Ledger ledger, ScenarioReport report, CancellationToken ct)
    {
        var bookings = ledger.Bookings;
        var stored = new Dictionary<Guid, string>();
        await using (var connection = await rig.Postgres.OpenAsync(ct))
        await using (var command = new NpgsqlCommand("SELECT id, status FROM appointments WHERE id = ANY(@ids)", connection))
        {
            command.Parameters.AddWithValue("ids", bookings.Select(b => b.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) stored[reader.GetGuid(0)] = reader.GetString(1);
        }
        var missing = bookings.Where(b => !stored.ContainsKey(b.Id)).ToList();
        var wrong = bookings.Where(b => stored.TryGetValue(b.Id, out var status) && ledger.CancelOf(b.Id) switch
        {
            null => status != "confirmed",
            Ledger.CancelState.Acknowledged => status != "cancelled",
            _ => false,
        }).ToList();
        report.Verify($"every acknowledged 201 is in PostgreSQL ({bookings.Count} bookings, {ledger.CancelsAcknowledged} acknowledged cancels)",
            missing.Count == 0 && wrong.Count == 0,
            missing.Count == 0 && wrong.Count == 0
                ? "all present, with the status last acknowledged"
                : $"{missing.Count} missing, {wrong.Count} with another status than acknowledged{Sample(missing.Concat(wrong))}");
    }

    /// <summary>Polls the engine's own consistency check until Redis agrees with PostgreSQL; returns how long that took.</summary>
    public static async Task<TimeSpan?> ReadModelConsistentAsync(FaultRig rig, Salon salon, TimeSpan bound, ScenarioReport report, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Answer? last = null;
        while (clock.Elapsed < bound)
        {
            var to = rig.Live.FirstOrDefault();
            if (to is not null)
            {
                last = await salon.CheckReadModelAsync(to, ct);
                if (last.Is(200) && last.Json["consistent"]?.GetValue<bool>() == true)
                {
                    report.Verify($"read model consistent with PostgreSQL within {bound.TotalSeconds:F0} s (GET /v1/read-model/check)", true,
                        $"consistent after {Seconds.Of(clock.Elapsed)} ({last.Json["staffDaysCompared"]} staff-days compared)");
                    return clock.Elapsed;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        var seen = last is null ? "no instance answered"
            : last.Is(200) ? $"still inconsistent: redisAnswered={last.Json["redisAnswered"]}, staff-days differing: {DifferenceKinds(last)}"
            : last.Outcome;
        report.Verify($"read model consistent with PostgreSQL within {bound.TotalSeconds:F0} s (GET /v1/read-model/check)", false, seen);
        return null;
    }

    public static void AnswersWellFormed(Tally tally, ScenarioReport report)
    {
        var errors = tally.CountStatus(500);
        report.Verify("no 500 (a 500 is a bug)", errors == 0,
            errors == 0 ? "none" : $"{errors}: {string.Join(" | ", tally.ServerErrorSamples.Select(s => s.Length > 300 ? s[..300] : s))}");
        report.Verify("every 503 carries Retry-After", tally.UnavailableWithoutRetryAfter == 0,
            $"{tally.Unavailable} × 503, {tally.UnavailableWithoutRetryAfter} without Retry-After");
    }

    /// <summary>"12 (missing×9, different×3)": a missing day is projected on the spot when read; a different one is served wrong.</summary>
    private static string DifferenceKinds(Answer check)
    {
        var kinds = check.Json["differences"]?.AsArray().Select(d => d?["kind"]?.GetValue<string>() ?? "?").ToList() ?? [];
        return $"{kinds.Count} ({string.Join(", ", kinds.GroupBy(k => k).Select(g => $"{g.Key}×{g.Count()}"))})";
    }

    private static string Sample(IEnumerable<Ledger.Booking> bookings) =>
        ": " + string.Join(", ", bookings.Take(3).Select(b => $"{b.Id} ({b.StaffId[..8]} at {b.Start} via {b.Instance})"));
}
