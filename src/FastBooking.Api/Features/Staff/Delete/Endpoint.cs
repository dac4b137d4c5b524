using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Staff.Delete;

public sealed class Request
{
    public string? Id { get; set; }
}

/// <summary>Deactivates a staff member: no new bookings; existing appointments stay as they are.</summary>
public sealed class Endpoint(ScheduleChanges changes) : Endpoint<Request>
{
    public override void Configure() => Delete("/staff/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await changes.ApplyAsync(HttpContext, req.Id, staff =>
        {
            staff.Active = false;
            return Task.FromResult(Results.NoContent());
        }, ct));
}
