using System.Net.Http.Headers;
using FastBooking.Api.Tests.Contract.Generated;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Contract;

/// <summary>
/// A whole salon flow through the NSwag client generated from the published document, against the real engine: if the
/// document misstated a status or a body, the generated client would throw on a change the engine had already made.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientFlowTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private HttpClient Authorized(string header, string value, bool bearer = false)
    {
        var http = Api.CreateClient();
        if (bearer) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", value);
        else http.DefaultRequestHeaders.Add(header, value);
        return http;
    }

    [Fact]
    public async Task A_salon_is_set_up_and_a_visit_held_booked_moved_and_cancelled_through_the_generated_client()
    {
        var business = await new BusinessesClient(Authorized("X-Admin-Key", ApiFactory.AdminKey))
            .CreateAsync(new BusinessesCreateRequest { Name = "Generated salon", TimeZone = "Europe/London" });
        var salon = Authorized("Authorization", business.ApiKey, bearer: true);
        var (staffClient, schedules, services) = (new StaffClient(salon), new SchedulesClient(salon), new ServicesClient(salon));
        var (availability, holds, appointments) = (new AvailabilityClient(salon), new HoldsClient(salon), new AppointmentsClient(salon));

        var stylists = new List<StaffResponse>();
        foreach (var name in new[] { "Ada", "Bea", "Cy" })
        {
            var stylist = await staffClient.CreateAsync(new StaffCreateRequest { Name = name }, idempotency_Key: $"staff-{name}");
            await schedules.WorkingHoursAsync(stylist.Id.ToString(), new SchedulesWeeklyRangesRequest
            {
                Days = Week.Select(d => new SchedulesWeeklyRangesRequestDayDto
                {
                    Weekday = d, Intervals = [new TimeRangeDto { Start = "09:00", End = "17:00" }],
                }).ToList(),
            });
            stylists.Add(stylist);
        }
        var cut = await services.CreateAsync(new ServiceRequest
        {
            Name = "Cut", DurationMinutes = 30, Staff = stylists.Select(s => new ServiceRequestStaffDto { StaffId = s.Id.ToString() }).ToList(),
        });
        var ada = stylists[0].Id.ToString();

        var open = await availability.FindAsync(serviceId: cut.Id.ToString(), staffId: ada, from: "2026-12-01", to: "2026-12-01");
        Assert.Contains(open.Slots, s => s.Start == "2026-12-01T10:00:00+00:00");

        var hold = await holds.PlaceAsync(new HoldsPlaceRequest { ServiceId = cut.Id.ToString(), StaffId = ada, Start = "2026-12-01T10:00:00Z" });
        var booked = await appointments.BookAsync(new AppointmentsBookRequest
        {
            ServiceId = cut.Id.ToString(), StaffId = ada, Start = "2026-12-01T10:00:00Z", HoldToken = hold.Token,
            Customer = new AppointmentsBookRequestCustomerRequest { Name = "Grace" },
        }, idempotency_Key: "generated-book");
        Assert.Equal(("confirmed", 1), (booked.Status, booked.Version));

        var taken = await Assert.ThrowsAsync<FastBookingException<Problem>>(() => appointments.BookAsync(new AppointmentsBookRequest
        {
            ServiceId = cut.Id.ToString(), StaffId = ada, Start = "2026-12-01T10:00:00Z",
            Customer = new AppointmentsBookRequestCustomerRequest { Name = "Hopper" },
        }));
        Assert.Equal((409, ProblemCode.Slot_taken), (taken.StatusCode, taken.Result.Code));

        var offGrid = await Assert.ThrowsAsync<FastBookingException<Problem>>(() => appointments.BookAsync(new AppointmentsBookRequest
        {
            ServiceId = cut.Id.ToString(), StaffId = ada, Start = "2026-12-01T10:07:00Z",
            Customer = new AppointmentsBookRequestCustomerRequest { Name = "Hopper" },
        }));
        Assert.Equal((422, ProblemCode.Off_grid), (offGrid.StatusCode, offGrid.Result.Code));

        var moved = await appointments.RescheduleAsync(booked.Id.ToString(), new AppointmentsRescheduleRequest { Start = "2026-12-01T11:00:00Z" },
            if_Match: "\"1\"");
        Assert.Equal(("2026-12-01T11:00:00+00:00", 2), (moved.Start, moved.Version));

        var stale = await Assert.ThrowsAsync<FastBookingException<Problem>>(() =>
            appointments.CancelAsync(booked.Id.ToString(), new AppointmentsCancelRequest(), if_Match: "\"1\""));
        Assert.Equal((412, ProblemCode.Version_mismatch), (stale.StatusCode, stale.Result.Code));

        var cancelled = await appointments.CancelAsync(booked.Id.ToString(), new AppointmentsCancelRequest { Reason = "Ill" }, if_Match: "\"2\"");
        Assert.Equal(("cancelled", 3), (cancelled.Status, cancelled.Version));
        Assert.Equal("cancelled", (await appointments.GetAsync(booked.Id.ToString())).Status);

        var paged = new List<Guid>();
        string? next = null;
        do
        {
            var page = await staffClient.ListAsync(limit: 2, next: next);
            paged.AddRange(page.Items.Select(s => s.Id));
            next = page.Next;
        } while (next is not null);
        Assert.Equal(stylists.Select(s => s.Id).Order(), paged.Order());
    }
}
