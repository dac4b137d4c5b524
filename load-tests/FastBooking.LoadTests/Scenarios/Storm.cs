using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>
/// Bookings piling onto a few hot slots: every second of a run, all arrivals of that second book one of
/// --storm-slots free slots (staff member + start of the focus service, read from availability just before the run),
/// so nearly every answer is 409 and exactly one booking per slot must win. The slots of a run never overlap one
/// another (buffers included), so a slot without a winner, or with two, is the engine's doing.
/// </summary>
public sealed class Storm(HttpClient http, Salon salon, Options options) : ISeries
{
    public string Name => "storm";
    public HttpClient Http => http;

    public static Scenario Create(HttpClient http, Salon salon, Options options) => new("storm", [new Storm(http, salon, options)]);

    public async Task<IRun> StartAsync(SeriesPlan plan, CancellationToken ct)
    {
        var seconds = plan.WarmupSeconds + plan.Seconds;
        var slots = await salon.FreeSlotsAsync(http, seconds * options.StormSlots, ct);
        if (slots.Count == 0) throw new InvalidOperationException("storm: the focus service has no free slot left in the range (try another --days or --service-id).");
        return new Run(salon, plan.Rate, options.StormSlots, seconds * options.StormSlots, slots);
    }

    private sealed class Run(Salon salon, double rate, int perSecond, int wanted, List<Salon.FreeSlot> slots) : IRun
    {
        private readonly ConcurrentDictionary<int, int> _wins = new();

        public async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
        {
            // Arrival i is due at i / rate: the second it falls in picks the wave of slots.
            var slot = (int)(((long)(index / rate) * perSecond + index % perSecond) % slots.Count);
            var booked = await exchange.PostAsync("book", "/v1/appointments", Salon.BookingBody(salon.Focus.Id, slots[slot].StaffId, slots[slot].Start));
            if (booked.Is(201)) _wins.AddOrUpdate(slot, 1, (_, n) => n + 1);
            return "storm";
        }

        public IReadOnlyList<string> Notes()
        {
            var once = _wins.Values.Count(n => n == 1);
            var more = _wins.Values.Count(n => n > 1);
            var reused = slots.Count < wanted ? $"; only {slots.Count} free disjoint slots for {wanted}: later seconds re-used taken ones" : "";
            return
            [
                $"hot slots: {slots.Count}, {perSecond} a second, warm-up included{reused}",
                $"slots with exactly one 201: {once}, with more than one: {more}, with none: {slots.Count - once - more}",
            ];
        }
    }
}
