using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Visits;

/// <summary>One service of a visit, with the staff to consider for it (one, or every qualified one for "any").</summary>
public sealed record VisitItemSearch(Service Service, IReadOnlyList<StaffId> Staff)
{
    /// <summary>The staff asked for who perform the service, in id order.</summary>
    public IReadOnlyList<StaffId> QualifiedStaff() => Staff.Where(Service.IsPerformedBy).Distinct().Order().ToList();
}

/// <summary>
/// One availability question for a visit: services in sequence, each starting when the one before ends, on an
/// inclusive range of business-local dates. The grid, lead time and booking window apply to the visit's first start;
/// with <see cref="SameStaff"/> one staff member takes every item.
/// </summary>
public sealed record VisitSearch
{
    public const int MaxItems = 5;

    public VisitSearch(Business business, IReadOnlyList<VisitItemSearch> items, bool sameStaff, LocalDate from, LocalDate to)
    {
        if (items.Count is < 1 or > MaxItems) throw new ArgumentOutOfRangeException(nameof(items), items.Count, $"A visit has 1 to {MaxItems} services.");
        if (to < from) throw new ArgumentException("The range ends before it starts.", nameof(to));
        Business = business;
        Items = items;
        SameStaff = sameStaff;
        From = from;
        To = to;
    }

    public Business Business { get; }
    public IReadOnlyList<VisitItemSearch> Items { get; }
    public bool SameStaff { get; }
    public LocalDate From { get; }
    public LocalDate To { get; }

    /// <summary>Every staff member some item may get, in id order.</summary>
    public IReadOnlyList<StaffId> QualifiedStaff() => Items.SelectMany(i => i.QualifiedStaff()).Distinct().Order().ToList();

    /// <summary>The calendars a scan reads: the qualified staff, then the units of every resource an item needs.</summary>
    public IReadOnlyList<StaffId> Calendars() => [.. QualifiedStaff(), .. Units()];

    /// <summary>The units of every resource an item needs, each once.</summary>
    public IReadOnlyList<StaffId> Units() => Items.SelectMany(i => i.Service.Resource?.Units ?? []).Distinct().ToList();

    /// <summary>
    /// The local dates whose bitmaps the search reads: one before the range (buffers reach back across midnight) and
    /// after it as many as the longest visit can reach.
    /// </summary>
    public IEnumerable<LocalDate> DatesToRead()
    {
        var longest = Items.Sum(i => i.Service.BufferBeforeMinutes + i.Service.BufferAfterMinutes
            + i.QualifiedStaff().Select(s => (int)i.Service.DurationFor(s).TotalMinutes).DefaultIfEmpty(i.Service.DurationMinutes).Max());
        var after = 1 + (longest + 1439) / 1440;
        for (var d = From.PlusDays(-1); d <= To.PlusDays(after); d = d.PlusDays(1))
            yield return d;
    }
}
