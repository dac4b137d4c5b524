using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Staff.Create;

public sealed record CreateStaff(BusinessId Business, string Name, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>Adds an active staff member, with no hours yet.</summary>
public sealed class CreateStaffHandler(ICatalogStore store) : IChangeHandler<CreateStaff, StaffMember>
{
    public Task<Outcome<StaffMember>> HandleAsync(CreateStaff command, ChangeContext context, CancellationToken ct)
    {
        var staff = new StaffMember(Guid.CreateVersion7(), command.Name);
        store.AddStaff(command.Business, staff, context.Now);
        context.Record(new CatalogChanged(command.Business));
        return Task.FromResult(Outcome<StaffMember>.Made(staff));
    }
}
