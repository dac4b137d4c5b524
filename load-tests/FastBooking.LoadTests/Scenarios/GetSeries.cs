using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>A series of one GET, the same for every arrival; <paramref name="noCache"/> sends <c>Cache-Control: no-cache</c>.</summary>
public sealed class GetSeries(string name, HttpClient http, string label, string path, bool noCache = false) : SimpleSeries(name, http)
{
    public override async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
    {
        await exchange.GetAsync(label, path, noCache);
        return Name;
    }
}
