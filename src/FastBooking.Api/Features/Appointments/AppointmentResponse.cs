using System.Text.Json.Serialization;
using FastBooking.Api.Common;
using FastBooking.Application.Appointments;

namespace FastBooking.Api.Features.Appointments;

/// <summary>An appointment as every appointment endpoint answers it, times in the business's zone.</summary>
public sealed record AppointmentResponse(
    Guid Id, string Status, Guid ServiceId, Guid StaffId, string Start, string End, IReadOnlyList<ProcessingDto> Processing,
    AppointmentResponse.CustomerDto Customer, string? Notes, string? CancelReason, int Version, string CreatedAt, string UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppointmentResponse.ResourceDto? Resource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? VisitId = null) : IEntityTagged
{
    public sealed record CustomerDto(string Name, string? Phone, string? Email);

    /// <summary>The resource unit the appointment was given and when it uses it (only for a service that needs one).</summary>
    public sealed record ResourceDto(Guid UnitId, string Start, string End);

    public static AppointmentResponse Example => new(
        Guid.Parse("3f2c8e4a-5b1d-4c6e-9a7f-2d8b0c1e4f60"), "confirmed", Guid.Parse("00000000-0000-4000-8002-000000000001"),
        Guid.Parse("00000000-0000-4000-8001-000000000003"), "2026-12-01T10:00:00+00:00", "2026-12-01T10:30:00+00:00", [],
        new CustomerDto("Ada Lovelace", "+447700900123", "ada@example.org"), "Skin fade, no beard trim.", null, 1,
        "2026-11-24T12:00:00+00:00", "2026-11-24T12:00:00+00:00");

    /// <summary>An appointment answer's version as its ETag, for If-Match on cancel and reschedule.</summary>
    public static IEnumerable<(string Name, string Value)> Headers(AppointmentAnswer answer) =>
        [("ETag", Versions.ETag(answer.Appointment.Version))];

    public static AppointmentResponse From(AppointmentAnswer answer)
    {
        var (a, zone) = (answer.Appointment, answer.Zone);
        return new(a.Id, a.Status == AppointmentStatus.Confirmed ? "confirmed" : "cancelled", a.ServiceId, a.StaffId,
            ApiFormats.Format(a.Booked.Start, zone), ApiFormats.Format(a.Booked.End, zone),
            ProcessingDto.List(a.Processing, zone),
            new CustomerDto(a.Customer.Name, a.Customer.Phone, a.Customer.Email), a.Notes, a.CancelReason, a.Version,
            ApiFormats.Format(a.CreatedAt, zone), ApiFormats.Format(a.UpdatedAt, zone),
            a is { ResourceUnitId: { } unit, ResourceRange: { } used } ? new ResourceDto(unit, ApiFormats.Format(used.Start, zone), ApiFormats.Format(used.End, zone)) : null,
            a.VisitId);
    }
}
