using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// One availability answer ready to be scanned: the search, the bitmaps and holds it reads, and the instant it is
/// asked at. The read paths gather these; whoever answers scans them straight into its own form.
/// </summary>
public sealed class Openings(SlotSearch search, Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps, IReadOnlyList<LiveHold> holds, Instant now)
{
    public static Openings None(SlotSearch search, Instant now) => new(search, (_, _) => null, [], now);

    public SlotSearch Search => search;

    /// <summary>The instant the answer is asked at.</summary>
    public Instant Now => now;

    /// <summary>Streams the slots to <paramref name="sink"/>; answers until when (exclusive) they stay the same.</summary>
    public Instant ScanInto(ISlotSink sink) => SlotFinder.Scan(search, bitmaps, holds, now, sink);

    public IReadOnlyList<Slot> ToList() => SlotFinder.Find(search, bitmaps, holds, now);
}
