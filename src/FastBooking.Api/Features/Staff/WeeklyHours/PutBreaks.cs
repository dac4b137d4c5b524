using FastBooking.Infrastructure.Persistence.Rows;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.WeeklyHours;

public sealed class PutBreaks(WeeklyRangesWriter writer) : Endpoint<WeekRequest>
{
    public override void Configure() => Put("/staff/{id}/breaks");

    public override async Task HandleAsync(WeekRequest req, CancellationToken ct) =>
        await Send.ResultAsync(await writer.ReplaceAsync(HttpContext, req, WeeklyRangeRow.Break, ct));
}
