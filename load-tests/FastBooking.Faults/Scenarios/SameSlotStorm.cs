using FastBooking.Faults.Api;
using FastBooking.Faults.Checks;
using FastBooking.Faults.Load;

namespace FastBooking.Faults.Scenarios;

/// <summary>
/// N bookings of one staff member's one slot, released together across both instances: exactly one may win, every
/// other must be a clean 409. The same for N hold placements of another slot.
/// </summary>
public sealed class SameSlotStorm : IScenario
{
    private static readonly string[] Refusals = ["409 slot_taken", "409 hold_conflict"];

    public string Name => "storm";

    public string Describe(Profile p) => $"{p.StormSize} concurrent bookings of one slot, then {p.StormSize} concurrent holds of another, alternating instances a and b";

    public async Task RunAsync(ScenarioContext context)
    {
        var (rig, profile, report, ct) = (context.Rig, context.Profile, context.Report, context.Ct);
        var salon = await context.NewSalonAsync("Faults storm", 2);
        var tally = new Tally();
        var ledger = new Ledger();
        await WarmUpAsync(context, salon);

        var (staff, start) = (salon.Staff[0], salon.Slot(5, 40));
        var bookings = await StormAsync(profile.StormSize, i => salon.BookAsync(rig.Instances[i % 2], staff, start, null, $"Storm {i}", ct));
        foreach (var (answer, i) in bookings.Select((a, i) => (a, i)))
        {
            tally.Record("storm-book", answer);
            if (answer.Is(201)) ledger.Booked(new Ledger.Booking(Guid.Parse(answer.Field("id")), staff, Salon.Format(start), rig.Instances[i % 2].Name));
        }
        report.Note($"bookings: {tally.Outcomes("storm-book")}");
        var won = bookings.Count(a => a.Is(201));
        report.Verify($"{profile.StormSize} concurrent bookings of one slot: exactly one 201", won == 1, $"{won} × 201");
        var others = bookings.Where(a => !a.Is(201)).ToList();
        report.Verify("every other booking is 409 slot_taken or hold_conflict", others.All(a => Refusals.Contains(a.Outcome)),
            string.Join(", ", others.GroupBy(a => a.Outcome).Select(g => $"{g.Key}×{g.Count()}")));
        var stored = await rig.Postgres.ScalarAsync<long>(
            "SELECT count(*) FROM appointments WHERE staff_id = @staff AND start_at = @start AND status = 'confirmed'", ct,
            ("staff", Guid.Parse(staff)), ("start", start.ToDateTimeUtc()));
        report.Verify("PostgreSQL holds exactly one confirmed appointment at that slot", stored == 1, $"{stored}");

        var (holdStaff, holdStart) = (salon.Staff[1], salon.Slot(5, 40));
        var holds = await StormAsync(profile.StormSize, i => salon.HoldAsync(rig.Instances[i % 2], holdStaff, holdStart, ct));
        foreach (var answer in holds) tally.Record("storm-hold", answer);
        report.Note($"holds: {tally.Outcomes("storm-hold")}");
        var held = holds.Count(a => a.Is(201));
        report.Verify($"{profile.StormSize} concurrent holds of one slot: exactly one 201, the others 409 hold_conflict",
            held == 1 && holds.Where(a => !a.Is(201)).All(a => a.Outcome == "409 hold_conflict"), tally.Outcomes("storm-hold"));

        await Invariants.NoOverlapsAsync(rig, report, ct);
        await Invariants.AcknowledgedArePersistedAsync(rig, ledger, report, ct);
        Invariants.AnswersWellFormed(tally, report);
        report.Figure("codes seen", tally.Outcomes());
    }

    /// <summary>All requests are created first and released by one signal, so they reach the instances together.</summary>
    private static async Task<Answer[]> StormAsync(int size, Func<int, Task<Answer>> send)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, size).Select(async i =>
        {
            await go.Task;
            return await send(i);
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(requests);
    }

    /// <summary>Some calls to each instance first, so that the storm measures the race and not the JIT.</summary>
    private static async Task WarmUpAsync(ScenarioContext context, Salon salon)
    {
        foreach (var instance in context.Rig.Instances)
            for (var i = 0; i < 20; i++)
            {
                await salon.AvailabilityAsync(instance, salon.Staff[0], salon.Today.PlusDays(1), context.Ct);
                await salon.BookAsync(instance, salon.Staff[1], salon.Slot(2, i + (instance == context.Rig.A ? 0 : 40)), null, "Warm-up", context.Ct);
            }
    }
}
