namespace FastBooking.Faults.Rig;

/// <summary>Where the rig's own services listen and which build it runs.</summary>
/// <param name="EngineDll">The Release build of the API: <c>src/FastBooking.Api/bin/Release/net10.0/FastBooking.Api.dll</c>.</param>
/// <param name="LogDirectory">Where the services' logs are copied at the end (null: they go with the temporary directory).</param>
public sealed record RigOptions(string EngineDll, int PostgresPort, int RedisPort, int FirstEnginePort, string? LogDirectory)
{
    public const int DefaultPostgresPort = 55432;
    public const int DefaultRedisPort = 6395;
    public const int DefaultFirstEnginePort = 5181;

    /// <summary>The engine build of a repository checkout, by configuration.</summary>
    public static string EngineDllIn(string repoRoot, string configuration) =>
        Path.Combine(repoRoot, "src", "FastBooking.Api", "bin", configuration, "net10.0", "FastBooking.Api.dll");

    /// <summary>The checkout that holds a directory (the one with FastBooking.sln above it).</summary>
    public static string RepoRootAbove(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FastBooking.sln"))) return d.FullName;
        throw new InvalidOperationException($"no FastBooking.sln above {directory}");
    }
}
