using FastBooking.Domain.Holds;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// Consecutive day bitmaps of one staff member, read as one line of minutes, so that an occupied range
/// crossing local midnight (a buffer before the first slot, say) is tested against both days.
/// </summary>
public sealed class StaffTimeline
{
    private readonly StaffDayBitmap[] _days;

    /// <param name="days">Bitmaps of consecutive local dates (projected state, shared: they are copied, not changed).</param>
    /// <param name="liveHolds">Holds of this staff member to block on top of the projection.</param>
    public StaffTimeline(IEnumerable<StaffDayBitmap> days, IEnumerable<LiveHold> liveHolds)
    {
        _days = days.OrderBy(d => d.Day.Start).Select(d => d.Clone()).ToArray();
        for (var i = 1; i < _days.Length; i++)
            if (_days[i - 1].Day.End != _days[i].Day.Start)
                throw new ArgumentException("Timeline days must be consecutive.");
        foreach (var hold in liveHolds)
            foreach (var day in _days)
                day.MarkBusy(hold.Occupied);
    }

    /// <summary>Whether every minute of <paramref name="range"/> is free; time outside the timeline counts as busy.</summary>
    public bool IsFree(Interval range)
    {
        if (_days.Length == 0 || range.Start < _days[0].Day.Start || range.End > _days[^1].Day.End) return false;
        var i = FirstDayEndingAfter(range.Start);
        for (; i < _days.Length && _days[i].Day.Start < range.End; i++)
        {
            var day = _days[i];
            var from = (int)Math.Max(0, day.FloorMinute(range.Start));
            var to = (int)Math.Min(day.Minutes, day.CeilMinute(range.End));
            if (!day.IsFree(from, to)) return false;
        }
        return true;
    }

    /// <summary>The grid starts at which an occupied range of <paramref name="occupied"/> that begins
    /// <paramref name="before"/> ahead of the start fits wholly in free time.</summary>
    public IEnumerable<Instant> StartsThatFit(IEnumerable<Instant> gridStarts, Duration before, Duration occupied) =>
        gridStarts.Where(s => IsFree(new Interval(s - before, s - before + occupied)));

    private int FirstDayEndingAfter(Instant instant)
    {
        int lo = 0, hi = _days.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_days[mid].Day.End > instant) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
