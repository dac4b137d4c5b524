using FastBooking.Api.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Appointments;
using FastBooking.Infrastructure.Persistence.Rows;
using NodaTime;

namespace FastBooking.Api.Features.Appointments;

public sealed record AppointmentResponse(
    Guid Id, string Status, Guid ServiceId, Guid StaffId, string Start, string End,
    AppointmentResponse.CustomerDto Customer, string? Notes, string? CancelReason, int Version, string CreatedAt, string UpdatedAt)
{
    public sealed record CustomerDto(string Name, string? Phone, string? Email);

    public static AppointmentResponse From(AppointmentRow a, DateTimeZone zone) => new(
        a.Id, a.Status, a.ServiceId, a.StaffId, ApiFormats.Format(a.StartAt, zone), ApiFormats.Format(a.EndAt, zone),
        new CustomerDto(a.CustomerName, a.CustomerPhone, a.CustomerEmail), a.Notes, a.CancelReason, a.Version,
        ApiFormats.Format(a.CreatedAt, zone), ApiFormats.Format(a.UpdatedAt, zone));

    /// <summary>The JSON of an appointment answer: byte for byte what an idempotent replay sends again.</summary>
    public static string Render(AppointmentRow a, Business business) =>
        System.Text.Json.JsonSerializer.Serialize(From(a, business.Zone), Problem.Json);

    /// <summary>How booking changes answer, success and refusal alike.</summary>
    public static readonly Answers Answers = new(Render, refused =>
    {
        var problem = new Problem(refused.Code, refused.Detail);
        return (problem.Status, System.Text.Json.JsonSerializer.Serialize(problem.Body, Problem.Json));
    });
}
