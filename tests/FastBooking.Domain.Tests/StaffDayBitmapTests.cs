using FastBooking.Domain.Availability;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

public class StaffDayBitmapTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDay Ordinary = LocalDay.Of(Dates.Monday, London);

    private static Interval Minutes(LocalDay day, int from, int to) =>
        new(day.Start + Duration.FromMinutes(from), day.Start + Duration.FromMinutes(to));

    [Theory]
    [InlineData(2026, 6, 1, 1440, 180)]
    [InlineData(2026, 3, 29, 1380, 173)]
    [InlineData(2026, 10, 25, 1500, 188)]
    public void Length_is_one_bit_a_minute_rounded_up_to_whole_bytes(int year, int month, int day, int minutes, int bytes)
    {
        var bitmap = StaffDayBitmap.AllBusy(LocalDay.Of(new LocalDate(year, month, day), London));

        Assert.Equal(minutes, bitmap.Minutes);
        Assert.Equal(bytes, bitmap.Bytes.Length);
        Assert.Equal(bytes, StaffDayBitmap.ByteLengthOf(minutes));
    }

    [Fact]
    public void New_bitmap_is_all_busy()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);

        Assert.All(bitmap.ToArray(), b => Assert.Equal(0, b));
        Assert.Empty(bitmap.FreeRuns());
    }

    [Fact]
    public void Minute_zero_is_the_most_significant_bit_of_byte_zero()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 0, 1));

        Assert.Equal(0x80, bitmap.Bytes[0]);
        Assert.True(bitmap.IsFree(0));
        Assert.False(bitmap.IsFree(1));
    }

    [Fact]
    public void Minute_seven_is_the_least_significant_bit_of_byte_zero_and_minute_eight_starts_byte_one()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 7, 9));

        Assert.Equal(0x01, bitmap.Bytes[0]);
        Assert.Equal(0x80, bitmap.Bytes[1]);
    }

    [Fact]
    public void One_bits_are_free_minutes()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 9 * 60, 9 * 60 + 8)); // minute 540 = byte 67, bit 4

        Assert.Equal(0x0F, bitmap.Bytes[67]);
        Assert.Equal(0xF0, bitmap.Bytes[68]);
        Assert.Equal(2, bitmap.ToArray().Count(b => b != 0));
    }

    [Fact]
    public void Padding_bits_of_the_last_byte_stay_zero_when_the_whole_day_is_free()
    {
        var day = LocalDay.Of(Dates.LondonSpringForward, London); // 1380 minutes: 172 bytes and 4 bits
        var bitmap = StaffDayBitmap.AllBusy(day);
        bitmap.MarkFree(new Interval(day.Start - Duration.FromHours(3), day.End + Duration.FromHours(3)));

        Assert.Equal(0xF0, bitmap.Bytes[^1]);
        Assert.All(bitmap.ToArray()[..^1], b => Assert.Equal(0xFF, b));
        Assert.Equal([(0, 1380)], bitmap.FreeRuns());
    }

    [Fact]
    public void From_bytes_round_trips()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 540, 720));
        bitmap.MarkFree(Minutes(Ordinary, 781, 1020));

        var copy = StaffDayBitmap.FromBytes(Ordinary, bitmap.Bytes);

        Assert.Equal(bitmap.ToArray(), copy.ToArray());
        Assert.Equal(bitmap.FreeRuns(), copy.FreeRuns());
        Assert.Equal(Ordinary, copy.Day);
    }

    [Fact]
    public void From_bytes_rejects_a_length_that_is_not_the_days()
    {
        var fallBack = LocalDay.Of(Dates.LondonFallBack, London);

        Assert.Throws<ArgumentException>(() => StaffDayBitmap.FromBytes(fallBack, new byte[180]));
        Assert.Throws<ArgumentException>(() => StaffDayBitmap.FromBytes(Ordinary, new byte[181]));
    }

    [Fact]
    public void From_bytes_copies_so_later_changes_do_not_leak()
    {
        var bytes = new byte[180];
        var bitmap = StaffDayBitmap.FromBytes(Ordinary, bytes);
        bytes[0] = 0xFF;

        Assert.False(bitmap.IsFree(0));
    }

    [Fact]
    public void Mark_free_rounds_inward_to_whole_minutes()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(new Interval(Ordinary.Start + Duration.FromSeconds(30), Ordinary.Start + Duration.FromSeconds(150)));

        Assert.Equal([(1, 2)], bitmap.FreeRuns());
    }

    [Fact]
    public void Mark_busy_rounds_outward_to_whole_minutes()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Ordinary.Span);
        bitmap.MarkBusy(new Interval(Ordinary.Start + Duration.FromSeconds(90), Ordinary.Start + Duration.FromSeconds(150)));

        Assert.Equal([(0, 1), (3, 1440)], bitmap.FreeRuns());
    }

    [Fact]
    public void Marking_clips_to_the_day()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Ordinary.Span);
        bitmap.MarkBusy(new Interval(Ordinary.Start - Duration.FromHours(1), Ordinary.Start + Duration.FromMinutes(10)));
        bitmap.MarkBusy(new Interval(Ordinary.End - Duration.FromMinutes(5), Ordinary.End + Duration.FromHours(1)));

        Assert.Equal([(10, 1435)], bitmap.FreeRuns());
    }

    [Fact]
    public void Range_is_free_only_when_every_minute_is()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 540, 600));

        Assert.True(bitmap.IsFree(540, 600));
        Assert.True(bitmap.IsFree(553, 571));
        Assert.False(bitmap.IsFree(539, 600));
        Assert.False(bitmap.IsFree(540, 601));
    }

    [Fact]
    public void Minutes_outside_the_day_count_as_busy()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Ordinary.Span);

        Assert.False(bitmap.IsFree(-1, 10));
        Assert.False(bitmap.IsFree(1430, 1441));
        Assert.True(bitmap.IsFree(0, 1440));
    }

    [Fact]
    public void Free_runs_are_maximal_and_in_order()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        bitmap.MarkFree(Minutes(Ordinary, 780, 1020));
        bitmap.MarkFree(Minutes(Ordinary, 540, 700));
        bitmap.MarkFree(Minutes(Ordinary, 700, 720));

        Assert.Equal([(540, 720), (780, 1020)], bitmap.FreeRuns());
    }

    [Fact]
    public void Minutes_count_elapsed_time_from_the_start_of_a_short_day()
    {
        var day = LocalDay.Of(Dates.LondonSpringForward, London);
        var bitmap = StaffDayBitmap.AllBusy(day);
        var nineLocal = London.AtStrictly(Dates.LondonSpringForward.At(new LocalTime(9, 0))).ToInstant();

        Assert.Equal(8 * 60, bitmap.FloorMinute(nineLocal)); // 00:00 GMT to 09:00 BST is eight hours
        Assert.Equal(nineLocal, bitmap.InstantAt(480));
    }

    [Fact]
    public void Minutes_count_elapsed_time_from_the_start_of_a_long_day()
    {
        var day = LocalDay.Of(Dates.LondonFallBack, London);
        var bitmap = StaffDayBitmap.AllBusy(day);
        var nineLocal = London.AtStrictly(Dates.LondonFallBack.At(new LocalTime(9, 0))).ToInstant();

        Assert.Equal(10 * 60, bitmap.FloorMinute(nineLocal)); // 00:00 BST to 09:00 GMT is ten hours
    }

    [Fact]
    public void Clone_is_independent()
    {
        var bitmap = StaffDayBitmap.AllBusy(Ordinary);
        var clone = bitmap.Clone();
        clone.MarkFree(Ordinary.Span);

        Assert.Empty(bitmap.FreeRuns());
        Assert.Equal([(0, 1440)], clone.FreeRuns());
    }
}
