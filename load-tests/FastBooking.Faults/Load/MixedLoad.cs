using FastBooking.Faults.Api;
using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Load;

/// <summary>
/// The traffic of a busy salon, spread round-robin over the live instances: availability reads, hold placements (most
/// then confirmed by a booking with the token, on the other instance), bookings without a hold, and cancels of earlier
/// bookings. Choices are random but repeatable from the seed.
/// </summary>
public sealed class MixedLoad(FaultRig rig, Salon salon, Tally tally, Ledger ledger, int seed)
{
    public async Task ArrivalAsync(long index, Func<TimeSpan> sinceDue, CancellationToken ct)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var live = rig.Live.ToList();
        if (live.Count == 0) return;
        var to = live[(int)(index % live.Count)];
        var other = live[(int)((index + 1) % live.Count)];
        var staff = salon.Staff[random.Next(salon.Staff.Count)];
        var start = salon.Slot(1 + random.Next(Salon.LoadDays), random.Next(Salon.StartsPerDay));
        var roll = random.Next(100);
        string operation;
        if (roll < 50)
        {
            operation = "availability";
            var day = salon.Today.PlusDays(1 + random.Next(Salon.LoadDays));
            tally.Record(operation, await salon.AvailabilityAsync(to, random.Next(4) == 0 ? null : staff, day, ct));
        }
        else if (roll < 72)
        {
            operation = "book";
            await BookAsync(operation, to, staff, start, null, ct);
        }
        else if (roll < 92)
        {
            operation = "hold";
            var hold = tally.Record(operation, await salon.HoldAsync(to, staff, start, ct));
            if (hold.Is(201) && random.Next(10) < 8) await BookAsync("book-with-hold", other, staff, start, hold.Field("token"), ct);
        }
        else
        {
            operation = "cancel";
            if (ledger.NextToCancel() is not { } id) return;
            if (tally.Record(operation, await salon.CancelAsync(to, id.ToString(), ct)).Is(200)) ledger.Cancelled(id);
        }
        tally.Latency(operation, sinceDue());
    }

    private async Task BookAsync(string operation, EngineInstance to, string staff, NodaTime.Instant start, string? holdToken, CancellationToken ct)
    {
        var answer = tally.Record(operation, await salon.BookAsync(to, staff, start, holdToken, "Load", ct));
        if (answer.Is(201)) ledger.Booked(new Ledger.Booking(Guid.Parse(answer.Field("id")), staff, Salon.Format(start), to.Name));
    }
}
