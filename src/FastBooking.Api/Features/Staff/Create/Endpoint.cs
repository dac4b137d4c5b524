using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using FluentValidation;
using NodaTime;

namespace FastBooking.Api.Features.Staff.Create;

public sealed class Request
{
    public string? Name { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class Endpoint(FastBookingDb db, CatalogCache catalogs, IClock clock) : Endpoint<Request, StaffResponse>
{
    public override void Configure() => Post("/staff");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = new StaffRow
        {
            Id = Guid.CreateVersion7(), BusinessId = HttpContext.BusinessId().Value, Name = req.Name!, Active = true,
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.Staff.Add(row);
        OutboxEvents.BusinessCatalogChanged(db, row.BusinessId, row.CreatedAt);
        await db.SaveChangesAsync(ct);
        catalogs.Forget(HttpContext.BusinessId());
        await Send.ResponseAsync(StaffResponse.From(row), 201, ct);
    }
}
