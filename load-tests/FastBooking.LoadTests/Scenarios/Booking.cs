using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>Today's random bookings and the hold-then-book flow of a booking page, one arrival each.</summary>
public static class Booking
{
    public static Scenario Create(HttpClient http, Salon salon) => new("booking", [new Book(http, salon)]);

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
