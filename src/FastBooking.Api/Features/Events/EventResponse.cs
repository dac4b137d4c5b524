using System.Text.Json;
using System.Text.Json.Serialization;
using FastBooking.Api.Common;
using FastBooking.Api.Features.Appointments;
using FastBooking.Application.ChangeFeed;

namespace FastBooking.Api.Features.Events;

/// <summary>
/// An event as webhooks deliver it and the feed lists it: its id (the same on every delivery), type, payload
/// version (<c>apiVersion</c>), when it happened, the business, its feed cursor, and the appointment as it was after the change.
/// </summary>
public sealed record EventResponse(string Id, string Type, int ApiVersion, string OccurredAt, Guid BusinessId, string Cursor, EventResponse.EventData Data)
{
    /// <summary>The appointment (appointment events) or the staff member (schedule changes); setup changes carry nothing else.</summary>
    public sealed record EventData(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppointmentResponse? Appointment,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? StaffId);

    public static EventResponse Example => new("evt_3f2c8e4a5b1d4c6e9a7f2d8b0c1e4f60_2", EventTypes.Rescheduled, FeedEvent.ApiVersion,
        "2026-11-24T12:05:00+00:00", Guid.Parse("00000000-0000-4000-8000-000000000001"), "42",
        new EventData(AppointmentResponse.Example with { Start = "2026-12-01T11:00:00+00:00", End = "2026-12-01T11:30:00+00:00", Version = 2 }, null));

    public static EventResponse From(FeedEvent e) => new(e.Id, e.Type, FeedEvent.ApiVersion,
        ApiFormats.Format(e.OccurredAt, e.Zone), e.Business.Value, e.Position.ToString(),
        new EventData(e.Appointment is { } appointment ? AppointmentResponse.From(appointment) : null, e.StaffId));
}

/// <summary>The one rendering of an event, for webhook bodies (the feed's items are the same records).</summary>
public sealed class EventJson : IEventRenderer
{
    public string Render(FeedEvent feedEvent) => JsonSerializer.Serialize(EventResponse.From(feedEvent), ApiJson.Options);
}
