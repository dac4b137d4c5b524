using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>Today's random bookings and the hold-then-book flow of a booking page, one arrival each.</summary>
public static class Booking
{
    public static Scenario Create(HttpClient http, Salon salon) => new("booking", [new Book(http, salon), new BookFree(http, salon)]);

    public static Scenario CreateHoldAndBook(HttpClient http, Salon salon) => new("hold-and-book", [new HoldAndBook(http, salon)]);

    /// <summary>POST /v1/appointments with a random service, staff member and start: 201, 409 and 422 are all handled answers.</summary>
    private sealed class Book(HttpClient http, Salon salon) : SimpleSeries("booking", http)
    {
        public override async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
        {
            var body = Salon.BookingBody(salon.Pick(random, salon.Services).Id, salon.Pick(random, salon.Staff), salon.RandomStart(random));
            await exchange.PostAsync("book", "/v1/appointments", body);
            return Name;
        }
    }

    /// <summary>
    /// Bookings that should all succeed: each arrival takes the next free (staff, start) pair of the focus service,
    /// read at the start of the run, pairs not overlapping, consecutive arrivals on different staff and times. What a
    /// salon's successful bookings cost, rather than its refusals. Beyond the pairs there are, arrivals repeat them (409).
    /// </summary>
    private sealed class BookFree(HttpClient http, Salon salon) : ISeries
    {
        public string Name => "booking-free";
        public HttpClient Http => http;

        public async Task<IRun> StartAsync(SeriesPlan plan, CancellationToken ct)
        {
            var wanted = (int)Math.Ceiling(plan.Rate * (plan.WarmupSeconds + plan.Seconds));
            var free = await salon.FreeSlotsAsync(http, wanted, ct);
            if (free.Count == 0) throw new InvalidOperationException("booking-free: the focus service has no free slot left in the range (try another --days or --service-id).");
            // Spread: by staff first, so that concurrent bookings rarely meet on one person.
            var spread = free.GroupBy(f => f.StaffId).SelectMany(g => g.Select((slot, i) => (slot, i))).OrderBy(x => x.i).Select(x => x.slot).ToList();
            return new Run(salon, spread);
        }

        private sealed class Run(Salon salon, List<Salon.FreeSlot> free) : IRun
        {
            public async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
            {
                var slot = free[(int)(index % free.Count)];
                await exchange.PostAsync("book", "/v1/appointments", Salon.BookingBody(salon.Focus.Id, slot.StaffId, slot.Start));
                return "booking-free";
            }

            public IReadOnlyList<string> Notes() => [$"{free.Count} free (staff, start) pairs were read for this run"];
        }
    }

    private sealed class HoldAndBook(HttpClient http, Salon salon) : SimpleSeries("hold-and-book", http)
    {
        public override async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
        {
            await HoldThenBookAsync(salon, random, exchange);
            return Name;
        }
    }

    /// <summary>
    /// POST /v1/holds for a random service, staff member and start; when placed, the booking with its token. Returns the
    /// booking's answer, or the refused hold's.
    /// </summary>
    public static async Task<Reply> HoldThenBookAsync(Salon salon, Random random, Exchange exchange)
    {
        var (serviceId, staffId, start) = (salon.Pick(random, salon.Services).Id, salon.Pick(random, salon.Staff), salon.RandomStart(random));
        var hold = await exchange.PostAsync("hold", "/v1/holds", new { serviceId, staffId, start });
        if (!hold.Is(201)) return hold;
        return await exchange.PostAsync("book", "/v1/appointments", Salon.BookingBody(serviceId, staffId, start, hold.Field("token")));
    }
}
