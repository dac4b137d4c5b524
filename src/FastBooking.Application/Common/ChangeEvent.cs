using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Common;

/// <summary>
/// A committed change, as written to the outbox in the change's own transaction and read back by the projector:
/// what the read model must redo, and which cached catalogs every instance must forget.
/// </summary>
public abstract record ChangeEvent(BusinessId Business)
{
    /// <summary>Whether cached catalogs (business, rules, services and who performs them) may be stale after it.</summary>
    public virtual bool ChangesCatalog => false;

    /// <summary>Whether remembered API keys of the business may be stale after it.</summary>
    public virtual bool ChangesApiKeys => false;
}

/// <summary>One staff member's busy range that was taken or freed.</summary>
public readonly record struct StaffRange(Guid StaffId, Interval Busy);

/// <summary>An appointment was booked, moved or cancelled: the ranges it took or freed.</summary>
public sealed record AppointmentChanged(BusinessId Business, Guid AppointmentId, IReadOnlyList<StaffRange> Ranges) : ChangeEvent(Business);

/// <summary>A staff member's hours, breaks, time off, overrides or active flag changed: every day of theirs may differ.</summary>
public sealed record ScheduleChanged(BusinessId Business, Guid StaffId) : ChangeEvent(Business)
{
    // A deactivated staff member leaves the services they performed.
    public override bool ChangesCatalog => true;
}

/// <summary>A resource unit's outages changed: every day of its calendar may differ.</summary>
public sealed record ResourceChanged(BusinessId Business, Guid UnitId) : ChangeEvent(Business);

/// <summary>The business's booking rules changed (they are applied when bitmaps are read, not stored in them).</summary>
public sealed record RulesChanged(BusinessId Business) : ChangeEvent(Business)
{
    public override bool ChangesCatalog => true;
}

/// <summary>Services or staff were added or changed: only cached catalogs are affected, not bitmaps.</summary>
public sealed record CatalogChanged(BusinessId Business) : ChangeEvent(Business)
{
    public override bool ChangesCatalog => true;
}

/// <summary>An API key was created or revoked: every instance asks PostgreSQL about the business's keys again.</summary>
public sealed record ApiKeysChanged(BusinessId Business) : ChangeEvent(Business)
{
    public override bool ChangesApiKeys => true;
}
