using FastBooking.Api.Common;
using FastBooking.Api.Features.Appointments;
using FastBooking.Application.Visits;

namespace FastBooking.Api.Features.Visits;

/// <summary>A visit: from its first start to its last end, and its appointments (one per service) in order.</summary>
public sealed record VisitResponse(Guid Id, string Start, string End, IReadOnlyList<AppointmentResponse> Appointments)
{
    public static VisitResponse Example
    {
        get
        {
            var id = Guid.Parse("019ad3b2-6c41-7e08-9b5a-000000000d01");
            var colour = AppointmentResponse.Example with
            {
                ServiceId = Guid.Parse("00000000-0000-4000-8002-000000000006"), End = "2026-12-01T11:05:00+00:00",
                Processing = [new ProcessingDto("2026-12-01T10:20:00+00:00", "2026-12-01T10:55:00+00:00")], VisitId = id,
            };
            var cut = AppointmentResponse.Example with
            {
                Id = Guid.Parse("3f2c8e4a-5b1d-4c6e-9a7f-2d8b0c1e4f61"), Start = colour.End, End = "2026-12-01T11:35:00+00:00", VisitId = id,
            };
            return new(id, colour.Start, cut.End, [colour, cut]);
        }
    }

    public static VisitResponse From(VisitAnswer visit)
    {
        var appointments = visit.Appointments.Select(a => AppointmentResponse.From(new(a, visit.Zone))).ToList();
        return new(visit.Id, ApiFormats.Format(visit.Appointments[0].Booked.Start, visit.Zone),
            ApiFormats.Format(visit.Appointments.Max(a => a.Booked.End), visit.Zone), appointments);
    }
}
