namespace FastBooking.LoadTests.Run;

/// <summary>One kind of traffic, run open loop at a rate: a scenario has one series or (availability, floor) several.</summary>
public interface ISeries
{
    /// <summary>"full-redis-uncached"; a scenario with one series gives it the scenario's name.</summary>
    string Name { get; }

    /// <summary>The client its requests go through (the engine's, or the floor's in-process server).</summary>
    HttpClient Http { get; }

    /// <summary>Readies one run at one rate (a storm picks its hot slots, revalidation its ETag).</summary>
    Task<IRun> StartAsync(SeriesPlan plan, CancellationToken ct);
}

/// <summary>One run of a series.</summary>
public interface IRun
{
    /// <summary>One arrival: its requests, sent through <paramref name="exchange"/>; returns the operation it was (a
    /// mix has several), under which its latency is counted.</summary>
    Task<string> ArriveAsync(long index, Random random, Exchange exchange);

    /// <summary>Said after the run's figures (a storm's winners per slot); most runs have none.</summary>
    IReadOnlyList<string> Notes() => [];
}

/// <summary>A series whose runs need no setup and keep no state of their own: the series is its own run.</summary>
public abstract class SimpleSeries(string name, HttpClient http) : ISeries, IRun
{
    public string Name => name;
    public HttpClient Http => http;

    public Task<IRun> StartAsync(SeriesPlan plan, CancellationToken ct) => Task.FromResult<IRun>(this);

    public abstract Task<string> ArriveAsync(long index, Random random, Exchange exchange);
}

/// <summary>A scenario: its series in order, and what it concludes from their results (availability's ratio).</summary>
public sealed record Scenario(string Name, IReadOnlyList<ISeries> Series, Func<ScenarioResult, IEnumerable<string>>? Conclude = null);
