using FastBooking.Domain.Availability;
using FastBooking.Domain.Time;
using FsCheck.Xunit;

namespace FastBooking.Domain.Tests;

/// <summary>StaffDayBitmap against a model: one bool a minute, free ranges rounded inward and busy ones outward.</summary>
public class StaffDayBitmapProperties
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDate[] Days = [Dates.Monday, Dates.LondonSpringForward, Dates.LondonFallBack];

    /// <summary>Applies random operations to a bitmap and to the model, in step; ranges are in seconds from the day start.</summary>
    private static (StaffDayBitmap Bitmap, bool[] Model, Random Random) Build(int seed)
    {
        var random = new Random(seed);
        var day = LocalDay.Of(Days[random.Next(Days.Length)], London);
        var bitmap = StaffDayBitmap.AllBusy(day);
        var model = new bool[day.Minutes];
        for (var op = random.Next(1, 12); op > 0; op--)
        {
            var wholeMinutes = random.Next(2) == 0;
            long from = random.Next(-120, day.Minutes + 120), length = random.Next(0, 600);
            var (fromSec, toSec) = wholeMinutes ? (from * 60, (from + length) * 60) : (from * 60 + random.Next(60), (from + length) * 60 + random.Next(60));
            // The model and the bitmap see the same range: an end drawn before its start is the empty range at the start.
            toSec = Math.Max(fromSec, toSec);
            var range = new Interval(day.Start + Duration.FromSeconds(fromSec), day.Start + Duration.FromSeconds(toSec));
            var free = random.Next(3) > 0;
            if (free) bitmap.MarkFree(range); else bitmap.MarkBusy(range);
            for (var m = 0; m < model.Length; m++)
            {
                long mStart = m * 60L, mEnd = mStart + 60;
                if (free && mStart >= fromSec && mEnd <= toSec) model[m] = true;
                if (!free && mStart < toSec && mEnd > fromSec) model[m] = false;
            }
        }
        return (bitmap, model, random);
    }

    [Property(MaxTest = 200)]
    public void Every_minute_is_free_exactly_as_in_the_model(Seed seed)
    {
        var (bitmap, model, _) = Build(seed.Item);

        Assert.Equal(model, Enumerable.Range(0, bitmap.Minutes).Select(m => bitmap.IsFree(m)));
    }

    [Property(MaxTest = 200)]
    public void Bytes_are_the_model_most_significant_bit_first_with_zero_padding(Seed seed)
    {
        var (bitmap, model, _) = Build(seed.Item);
        var expected = new byte[(model.Length + 7) / 8];
        for (var m = 0; m < model.Length; m++)
            if (model[m]) expected[m / 8] |= (byte)(0x80 >> (m % 8));

        Assert.Equal(expected, bitmap.ToArray());
    }

    [Property(MaxTest = 200)]
    public void Range_is_free_exactly_when_every_minute_of_it_is_in_the_model(Seed seed)
    {
        var (bitmap, model, random) = Build(seed.Item);
        for (var k = 0; k < 50; k++)
        {
            var from = random.Next(-10, model.Length + 10);
            var to = from + random.Next(0, 200);
            var expected = from >= 0 && to <= model.Length && Enumerable.Range(from, to - from).All(m => model[m]);
            Assert.True(expected == bitmap.IsFree(from, to), $"[{from}, {to}): expected {expected}");
        }
    }

    [Property(MaxTest = 200)]
    public void Free_runs_are_the_maximal_runs_of_the_model(Seed seed)
    {
        var (bitmap, model, _) = Build(seed.Item);
        var runs = new List<(int, int)>();
        for (var m = 0; m < model.Length; m++)
        {
            if (!model[m]) continue;
            var start = m;
            while (m < model.Length && model[m]) m++;
            runs.Add((start, m));
        }

        Assert.Equal(runs, bitmap.FreeRuns());
    }

    [Property(MaxTest = 200)]
    public void From_bytes_round_trips(Seed seed)
    {
        var (bitmap, _, _) = Build(seed.Item);

        var copy = StaffDayBitmap.FromBytes(bitmap.Day, bitmap.Bytes);

        Assert.Equal(bitmap.ToArray(), copy.ToArray());
        Assert.Equal(bitmap.FreeRuns(), copy.FreeRuns());
    }
}
