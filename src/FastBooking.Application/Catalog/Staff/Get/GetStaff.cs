using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Staff.Get;

public sealed record GetStaff(BusinessId Business, Guid StaffId);

public sealed class GetStaffHandler(ICatalogStore store) : IHandler<GetStaff, StaffMember>
{
    public async Task<Outcome<StaffMember>> HandleAsync(GetStaff query, CancellationToken ct) =>
        await store.FindStaffAsync(query.Business, query.StaffId, ct) is { } staff ? staff : StaffMember.NotFound;
}
