using FastBooking.Infrastructure.Persistence.Rows;

namespace FastBooking.Api.Features.Staff;

public sealed record StaffResponse(Guid Id, string Name)
{
    public static StaffResponse From(StaffRow s) => new(s.Id, s.Name);
}
