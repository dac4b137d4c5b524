using FastBooking.Faults.Api;
using FastBooking.Faults.Load;
using FastBooking.Faults.Rig;
using NodaTime;

namespace FastBooking.Faults.Checks;

/// <summary>
/// "Holds honoured": holds placed before the fault, then, during it and after it, a booking of a held slot without the
/// token (must be 409 <c>hold_conflict</c>) followed by the holder's booking with it (must be 201). Each hold is probed
/// once, as the holder's booking consumes it.
/// </summary>
public sealed class HeldSlots(Salon salon, Tally tally, Ledger ledger)
{
    private sealed record Held(string Staff, Instant Start, string Token);

    private readonly Queue<Held> _unprobed = new();

    public async Task PlaceAsync(FaultRig rig, int count, ScenarioReport report, CancellationToken ct)
    {
        var refused = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (staff, start) = (salon.Staff[i % salon.Staff.Count], salon.Slot(Salon.HeldDay, 40 + 4 * i));
            var answer = tally.Record("held-place", await salon.HoldAsync(rig.Instances[i % 2], staff, start, ct));
            if (answer.Is(201)) _unprobed.Enqueue(new Held(staff, start, answer.Field("token")));
            else refused.Add(answer.Outcome);
        }
        if (refused.Count > 0) report.Verify($"{count} holds placed before the fault", false, $"refused: {string.Join(", ", refused)}");
        else report.Note($"{count} holds placed before the fault (ttl {Salon.HoldTtlSeconds} s)");
    }

    public async Task ProbeAsync(string phase, int count, EngineInstance to, ScenarioReport report, CancellationToken ct)
    {
        var stolen = new List<string>();
        var confirmed = new List<string>();
        for (var i = 0; i < count && _unprobed.TryDequeue(out var held); i++)
        {
            var steal = tally.Record("held-steal", await salon.BookAsync(to, held.Staff, held.Start, null, "Thief", ct));
            if (steal.Is(201)) Acknowledge(steal, held, to);
            stolen.Add(steal.Outcome);
            var confirm = tally.Record("held-confirm", await salon.BookAsync(to, held.Staff, held.Start, held.Token, "Holder", ct));
            if (confirm.Is(201)) Acknowledge(confirm, held, to);
            confirmed.Add(confirm.Outcome);
        }
        report.Verify($"holds honoured {phase} (via {to.Name}): without the token 409 hold_conflict, the holder's booking with it 201",
            stolen.Count > 0 && stolen.All(s => s == "409 hold_conflict") && confirmed.All(c => c == "201"),
            stolen.Count == 0 ? "no hold left to probe" : $"without token: {string.Join(", ", stolen)}; with token: {string.Join(", ", confirmed)}");
    }

    private void Acknowledge(Answer answer, Held held, EngineInstance to) =>
        ledger.Booked(new Ledger.Booking(Guid.Parse(answer.Field("id")), held.Staff, Salon.Format(held.Start), to.Name));
}
