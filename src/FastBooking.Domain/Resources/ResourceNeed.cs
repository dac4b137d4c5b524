using FastBooking.Domain.Staff;

namespace FastBooking.Domain.Resources;

/// <summary>
/// What a service needs besides a staff member: one unit of a resource kind (a basin, a colour chair), for the whole
/// service or for one of its phases (the wash of a colour). <see cref="Units"/> are the kind's units in number order,
/// each named by its calendar (<see cref="ResourceCalendar"/>): a booking gets the first one free.
/// </summary>
public sealed record ResourceNeed
{
    public ResourceNeed(Guid kindId, string kindName, int? phase, IReadOnlyList<StaffId> units)
    {
        if (phase < 0) throw new ArgumentOutOfRangeException(nameof(phase), phase, "Phases are numbered from 0.");
        KindId = kindId;
        KindName = kindName;
        Phase = phase;
        Units = units;
    }

    public Guid KindId { get; }
    public string KindName { get; }

    /// <summary>The phase (from 0) the unit is needed for; null: the whole service, buffers excluded.</summary>
    public int? Phase { get; }

    public IReadOnlyList<StaffId> Units { get; }
}
