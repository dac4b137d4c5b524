using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Staff.List;

public sealed record ListStaff(BusinessId Business, PageRequest Page);

public sealed class ListStaffHandler(ICatalogStore store) : IHandler<ListStaff, Page<StaffMember>>
{
    public async Task<Outcome<Page<StaffMember>>> HandleAsync(ListStaff query, CancellationToken ct) =>
        await store.ListStaffAsync(query.Business, query.Page, ct);
}
