using FastBooking.Domain.Availability;
using FsCheck.Xunit;

namespace FastBooking.Domain.Tests;

/// <summary>
/// The bitmap engine against the naive minute-by-minute reference, and against Explain, on random salons.
/// Each case is built from a seed (FsCheck prints it on failure; <see cref="RandomSalon.Generate"/> replays it).
/// </summary>
public class EngineMatchesReferenceProperties
{
    [Property(MaxTest = 200)]
    public void Engine_finds_exactly_the_slots_of_the_reference(Seed seed)
    {
        var c = RandomSalon.Generate(seed.Item);

        var engine = AvailabilityEngine.Find(c.Search, c.Salon.State, c.Now);
        var reference = ReferenceAvailability.Find(c.Search, c.Salon.State, c.Now);

        Assert.True(Show.Exactly(reference).SequenceEqual(Show.Exactly(engine)),
            $"{c}\nreference only: {string.Join("; ", Show.Exactly(reference).Except(Show.Exactly(engine)).Take(5))}" +
            $"\nengine only: {string.Join("; ", Show.Exactly(engine).Except(Show.Exactly(reference)).Take(5))}");
    }

    [Property(MaxTest = 100)]
    public void Start_is_a_staff_members_slot_exactly_when_explain_finds_no_reason(Seed seed)
    {
        var c = RandomSalon.Generate(seed.Item);
        var state = c.Salon.State;
        var everyone = c.Search with { Staff = c.Salon.Staff };
        var slots = AvailabilityEngine.Find(everyone, state, c.Now);
        var inSlots = slots.SelectMany(s => s.StaffIds.Select(id => (s.Start, id))).ToHashSet();

        for (var date = c.Search.From; date <= c.Search.To; date = date.PlusDays(1))
            foreach (var start in SlotGrid.StartsOn(FastBooking.Domain.Time.LocalDay.Of(date, c.Salon.Zone), c.Salon.Business.Rules.SlotIntervalMinutes))
                foreach (var staff in c.Salon.Staff)
                {
                    var reasons = Bookability.Explain(state, c.Service, staff, start, c.Now);
                    Assert.True(inSlots.Contains((start, staff)) == (reasons.Count == 0),
                        $"{c}\n{staff} at {start}: in slots {inSlots.Contains((start, staff))}, reasons [{string.Join(", ", reasons.Select(r => r.Code))}]");
                }
    }

    [Property(MaxTest = 200)]
    public void Slots_stay_the_same_until_the_instant_the_scan_names_and_no_longer_than_the_clock_allows(Seed seed)
    {
        var c = RandomSalon.Generate(seed.Item);
        var sink = new Counted();
        var until = AvailabilityEngine.Prepare(c.Search, c.Salon.State, c.Now).ScanInto(sink);
        var now = Show.Exactly(AvailabilityEngine.Find(c.Search, c.Salon.State, c.Now));
        Assert.Equal(now.Count, sink.Slots);
        Assert.True(until > c.Now, $"{c}\nuntil {until}");
        if (until == Instant.MaxValue) return;

        // Just before it, and halfway there, the reference (not the engine) still gives the same slots.
        foreach (var later in new[] { until - Duration.Epsilon, c.Now + (until - c.Now) / 2 })
            Assert.True(now.SequenceEqual(Show.Exactly(ReferenceAvailability.Find(c.Search, c.Salon.State, later))), $"{c}\nchanged by {later}, until {until}");
    }

    private sealed class Counted : ISlotSink
    {
        public int Slots { get; private set; }

        public void Add(Instant start, Instant end, ReadOnlySpan<FastBooking.Domain.Staff.StaffId> staff) => Slots++;
    }

    [Property(MaxTest = 50)]
    public void Same_case_gives_identical_slots(Seed seed)
    {
        var first = RandomSalon.Generate(seed.Item);
        var again = RandomSalon.Generate(seed.Item);

        Assert.Equal(
            Show.Exactly(AvailabilityEngine.Find(first.Search, first.Salon.State, first.Now)),
            Show.Exactly(AvailabilityEngine.Find(again.Search, again.Salon.State, again.Now)));
    }
}
