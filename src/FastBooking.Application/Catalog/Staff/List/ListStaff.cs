using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Staff.List;

public sealed record ListStaff(BusinessId Business);

public sealed class ListStaffHandler(ICatalogStore store) : IHandler<ListStaff, StaffList>
{
    public async Task<Outcome<StaffList>> HandleAsync(ListStaff query, CancellationToken ct) =>
        new StaffList(await store.ListStaffAsync(query.Business, ct));
}
