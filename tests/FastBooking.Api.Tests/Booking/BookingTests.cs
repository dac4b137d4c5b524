using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class BookingTests(ApiFactory api)
{
    [Fact]
    public async Task Booking_a_free_slot_answers_201_with_the_appointment()
    {
        var salon = await Salon.CreateAsync(api);
        var staff = await salon.AddStaffAsync();
        var service = await salon.AddServiceAsync([staff]);

        var response = await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Salon.Json(response);
        Assert.Equal("confirmed", body["status"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:00:00+00:00", body["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:30:00+00:00", body["end"]!.GetValue<string>());
    }
}
