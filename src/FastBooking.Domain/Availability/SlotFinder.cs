using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// Scans projected day bitmaps for bookable slots. This is the one slot-finding rule of the engine: the direct
/// (PostgreSQL) path and the Redis read path differ only in where the bitmaps come from.
/// </summary>
public static class SlotFinder
{
    /// <param name="bitmaps">For each staff member, bitmaps of every date in <see cref="SlotSearch.DatesToRead"/>; a missing day counts as busy.</param>
    /// <param name="holds">Holds to block; expired ones are ignored.</param>
    public static IReadOnlyList<Slot> Find(
        SlotSearch search,
        Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps,
        IEnumerable<LiveHold> holds,
        Instant now)
    {
        var business = search.Business;
        var rules = business.Rules;
        var earliest = now + rules.LeadTime;
        var latest = now + rules.BookingWindow;
        var liveHolds = holds.Where(h => h.IsLiveAt(now)).ToLookup(h => h.StaffId);
        var staff = search.QualifiedStaff();
        var timelines = staff.Select(id => new StaffTimeline(
            search.DatesToRead().Select(d => bitmaps(id, d) ?? StaffDayBitmap.AllBusy(LocalDay.Of(d, business.Zone))), liveHolds[id])).ToArray();

        var slots = new List<Slot>();
        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
        {
            var starts = SlotGrid.StartsOn(LocalDay.Of(date, business.Zone), rules.SlotIntervalMinutes)
                .Where(s => s >= earliest && s <= latest).ToList();
            var found = new SortedDictionary<(Instant Start, Instant End), List<StaffId>>();
            for (var i = 0; i < staff.Count; i++)
            {
                var occupied = search.Service.OccupiedLengthFor(staff[i]);
                var length = search.Service.DurationFor(staff[i]);
                foreach (var start in timelines[i].StartsThatFit(starts, search.Service.BufferBefore, occupied))
                {
                    var key = (start, start + length);
                    if (!found.TryGetValue(key, out var ids)) found[key] = ids = [];
                    ids.Add(staff[i]);
                }
            }
            slots.AddRange(found.Select(f => new Slot(f.Key.Start, f.Key.End, f.Value)));
        }
        return slots;
    }
}
