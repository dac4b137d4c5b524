using System.Text.Json;
using System.Text.Json.Serialization;
using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests;

/// <summary>The --json file: the options (a --postgres connection string only as "(given)"), every figure printed, the overlaps.</summary>
public sealed record Summary(DateTimeOffset StartedAt, DateTimeOffset EndedAt, Options Options, IReadOnlyList<ScenarioResult> Scenarios, long? Overlaps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var written = this with { Options = Options with { Postgres = Options.Postgres is null ? null : "(given)" } };
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, written, Json, ct);
    }
}
