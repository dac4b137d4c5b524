namespace FastBooking.Faults.Checks;

public static class Seconds
{
    public static string Of(TimeSpan? elapsed) => elapsed is { } e ? $"{e.TotalSeconds:F1} s" : "never";
}
