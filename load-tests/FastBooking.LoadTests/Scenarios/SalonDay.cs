using System.Collections.Concurrent;
using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>
/// A busy salon's day at the given rate: 90 % availability reads as a booking UI makes them (a random service, any
/// staff, the times view, cached), 8 % hold + book, 2 % a cancel or a reschedule (half each) of an appointment this
/// run booked earlier — while none is left to change, a hold + book instead.
/// </summary>
public sealed class SalonDay(HttpClient http, Salon salon) : SimpleSeries("salon-day", http)
{
    /// <summary>Appointments this run booked and has not cancelled, oldest first; each handed to one change at a time.</summary>
    private readonly ConcurrentQueue<string> _booked = new();

    public static Scenario Create(HttpClient http, Salon salon) => new("salon-day", [new SalonDay(http, salon)]);

    public override async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
    {
        var roll = random.Next(100);
        if (roll < 90)
        {
            await exchange.GetAsync("availability", salon.AvailabilityPath(salon.Pick(random, salon.Services).Id, view: "times"));
            return "availability";
        }
        if (roll >= 98 && _booked.TryDequeue(out var id))
        {
            if (roll == 98)
            {
                await exchange.PostAsync("cancel", $"/v1/appointments/{id}/cancel", new { reason = "Load test" });
                return "cancel";
            }
            var moved = await exchange.PostAsync("reschedule", $"/v1/appointments/{id}/reschedule", new { start = salon.RandomStart(random) });
            // Refused or not, it is still this run's appointment (unless the engine no longer knows it).
            if (moved.Status is 200 or 409 or 422) _booked.Enqueue(id);
            return "reschedule";
        }
        var booked = await Booking.HoldThenBookAsync(salon, random, exchange);
        if (booked.Is(201)) _booked.Enqueue(booked.Field("id"));
        return "hold-and-book";
    }
}
